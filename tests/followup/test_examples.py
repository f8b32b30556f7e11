"""The two examples at the end of the routine (001_…, "Ny genomförandeplan"), recorded as a unit
would record them: Lisa followed up together with her, Kalle from the journal, his relatives and
colleagues."""

import datetime

from rodtrad.followup import checklist, services
from rodtrad.followup.checklist import State
from rodtrad.followup.models import Answer
from rodtrad.journal.models import Category, Entry
from rodtrad.plans import services as plans
from rodtrad.plans.models import Goal, SectionTemplate

from .. import plan_data
from ..factories import client_at
from ..followup_data import TODAY, new_period_decisions

STARTED = datetime.date(2026, 2, 1)


def established_plan(world, first_name, *, goal_what, goal_how_often, goalless_title):
    client = client_at(world.unit, first_name=first_name, last_name="Exempel")
    period = plans.start_plan(client, world.unit, starts_on=STARTED)
    goal_item = plan_data.add_item(period, section_title="Sociala aktiviteter", title="Aktivitet")
    plan_data.make_complete(period, goal_item, planning_date=STARTED)
    Goal.objects.filter(item=goal_item).update(what=goal_what, how_often=goal_how_often, sentence=goal_what)
    section = SectionTemplate.objects.get(template__unit=None, title="Sköta hemmet")
    other = plans.add_item(period, section=section, title=goalless_title, support_wanted="Stöd", how_wanted="Så här")
    return plans.establish(period, user=world.staff), goal_item.goals.get(), other


def review_with(period, world, *, fields, answers):
    review = services.start_review(period, user=world.staff)
    rows = {row.key: answers[row.goal.pk if row.goal else row.item.pk] for row in services.review_rows(period)}
    review = services.save_review(
        review, user=world.staff, expected_version=review.version, fields=fields, rows=rows, today=TODAY
    )
    return services.finish_review(review, user=world.staff)


def test_lisa_is_followed_up_together_with_her(world):
    period, walk, dishes = established_plan(
        world, "Lisa", goal_what="ta sig ut på promenad", goal_how_often="2 dagar/v", goalless_title="Disk"
    )
    review = review_with(
        period,
        world,
        fields={
            "with_client": True,
            "participants": "Lisa Exempel; Test Användare, kontaktman",
            "how_done": "Lisa har själv berättat hur stödet fungerat.",
            "summary": "Lisa tycker att stödet fungerar bra och vill inte ändra något i genomförandeplanen.",
            "assessment": "Lisa ska få en diskmaskin; stödet kring disken behöver förändras.",
            "goals_summary": "Lisa har under året uppnått målet att ta sig ut på promenad 2 dagar/v.",
            "action_needs": "Stödet kring disken ändras när diskmaskinen kommer.",
            "needs_changed": False,
            "checklist_confirmed": ["documentation"],
        },
        answers={
            walk.pk: {"answer": Answer.FULLY, "comment": "Uppnått. Nytt mål: komma ut 3 dagar/v.", "changes": ""},
            dishes.pk: {"answer": "", "comment": "Fungerar bra.", "changes": "Lisa får en diskmaskin."},
        },
    )
    rows = {row.item.title: row.follow_up for row in services.review_rows(period, review)}
    assert (rows["Aktivitet"].answer, rows["Aktivitet"].with_client) == (Answer.FULLY, True)
    assert (rows["Disk"].answer, rows["Disk"].changes) == (Answer.NOT_APPLICABLE, "Lisa får en diskmaskin.")
    entry = Entry.objects.get(client=period.plan.client, category=Category.FOLLOW_UP)
    assert "Den gjordes utifrån samtal med brukaren." in entry.text

    # The walking goal was met and ends; the new period gets the new goal of three days a week.
    decisions = new_period_decisions(period, choices={walk.pk: "end"})
    new = services.start_new_period(review, user=world.staff, **decisions)
    new_walk = new.items.get(carried_from=walk.item)
    assert not new_walk.goals.exists()
    plans.add_goal(new_walk, **plan_data.goal_fields(what="komma ut på promenad", how_often="3 dagar i veckan"))
    new_dishes = new.items.get(carried_from=dishes)
    plans.change_item(new_dishes, {"how_wanted": "Lisa plockar in i diskmaskinen; personalen visar."})
    assert new_walk.goals.get().sentence.startswith("Komma ut på promenad 3 dagar i veckan")


def test_kalle_is_followed_up_from_the_journal_his_relatives_and_colleagues(world):
    period, hands, meals = established_plan(
        world,
        "Kalle",
        goal_what="bibehålla funktion i händernas grovmotorik genom att hitta passande aktiviteter",
        goal_how_often="varje vecka",
        goalless_title="Måltider",
    )
    review = review_with(
        period,
        world,
        fields={
            "from_journal": True,
            "with_relatives": True,
            "with_colleagues": True,
            "participants": "Karin Exempel (syster); Ali Berg, stödassistent",
            "summary": "Stödet fungerar bra.",
            "assessment": "Uppfattningen är att Kalle är nöjd med stödet och insatserna.",
            "goals_summary": "Målet om händernas grovmotorik är uppnått.",
            "action_needs": "Inga.",
            "needs_changed": False,
            "checklist_confirmed": ["documentation"],
        },
        answers={
            hands.pk: {"answer": Answer.FULLY, "comment": "Kalle har hittat aktiviteter han tycker om.", "changes": ""},
            meals.pk: {"answer": "", "comment": "Fungerar som planerat.", "changes": ""},
        },
    )
    entry = Entry.objects.get(client=period.plan.client, category=Category.FOLLOW_UP)
    assert (
        "Den gjordes utifrån journalanteckningar, kontakt med anhöriga eller företrädare och dialog med kollegor."
        in entry.text
    )
    assert "Deltog: Karin Exempel (syster); Ali Berg, stödassistent." in entry.text
    assert "Brukarens behov är oförändrade." in entry.text
    checks = {check.key: check for check in checklist.review_checks(review, services.review_rows(period, review))}
    assert checks["with_client"].state == State.WARNING
    assert all(
        row.follow_up.with_relatives and not row.follow_up.with_client for row in services.review_rows(period, review)
    )

    # The met goal becomes a way of working in the new period, with one choice.
    decisions = new_period_decisions(period, choices={hands.pk: "way_of_working"})
    new = services.start_new_period(review, user=world.staff, **decisions)
    item = new.items.get(carried_from=hands.item)
    assert "bibehålla funktion i händernas grovmotorik" in item.way_of_working.lower()
    assert not Goal.objects.filter(item__period=new).exists()
