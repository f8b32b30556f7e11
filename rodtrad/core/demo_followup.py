"""Follow-up in the demo data: Elsa's goal followed up during the year, and Sven's whole yearly
cycle, a period from October 2025 followed up in September 2026 and the new period from October
2026 that carried its plan items over. Everything goes through the services, as a user's would."""

import datetime

from django.utils import timezone

from rodtrad.followup import services as followup
from rodtrad.followup.models import Answer, Review
from rodtrad.plans import services as plans
from rodtrad.plans.models import SectionTemplate

KONTAKTMAN = "Karim Haddad, stödpedagog"


def load(clients, units, users):
    _elsa(clients["Lindqvist"], users)
    _sven(clients["Ängström"], units["larkan"], users)


def _elsa(elsa, users):
    period = elsa.plans.get().periods.get()
    cooking = period.items.get(title="Laga middag")
    followup.record_follow_up(
        cooking,
        goal=cooking.goals.get(),
        user=users["kontaktman"],
        today=datetime.date(2026, 9, 16),
        answer=Answer.PARTLY,
        comment=(
            "Målet delvis uppnått. Elsa har lagat middag själv fyra gånger sedan mars, med bildrecept och "
            "personal i köket. Hon säger att hon vill fortsätta med samma mål. Nästa uppföljning om två månader."
        ),
        next_follow_up_on=datetime.date(2026, 11, 16),
        with_client=True,
        participants=f"Elsa Lindqvist; {KONTAKTMAN}",
    )
    followup.record_follow_up(
        period.items.get(title="Morgonrutin"),
        user=users["personal"],
        today=datetime.date(2026, 9, 20),
        comment="Morgonrutinen fungerar. Journalen visar att Elsa har kommit i tid till bussen varje vardag.",
        from_journal=True,
        with_colleagues=True,
        participants="Pia Lund, stödassistent; Karim Haddad, stödpedagog",
    )


def _sven(sven, unit, users):
    sections = {section.title: section for section in SectionTemplate.objects.filter(template__unit=None)}
    order = sven.orders.get(unit=unit)
    first = plans.start_plan(sven, unit, starts_on=datetime.date(2025, 10, 1))
    plans.save_period(
        first,
        {
            "planning_date": datetime.date(2025, 10, 1),
            "participation": "Sven var med på mötet och berättade själv vad han vill ha stöd med.",
            "participants": f"Sven Ängström; {KONTAKTMAN}",
            "follow_up_planned_on": datetime.date(2026, 3, 1),
        },
        expected_version=first.version,
    )
    walk = plans.add_item(
        first,
        section=sections["Sociala aktiviteter"],
        order=order,
        title="Promenad",
        does_alone="Sven går själv till affären.",
        support_wanted="Sällskap på längre promenader.",
        how_wanted="Personal följer med; Sven bestämmer vägen.",
    )
    laundry = plans.add_item(
        first,
        section=sections["Sköta hemmet"],
        order=order,
        title="Tvätt",
        does_alone="Sven bär ner tvätten till tvättstugan.",
        support_wanted="Hjälp att sortera och att ställa in maskinen.",
        how_wanted="Bilder på maskinen visar vilket program; personalen visar och Sven gör.",
    )
    plans.add_item(
        first,
        section=sections["Sköta hemmet"],
        order=order,
        title="Städning",
        does_alone="Sven dammsuger själv.",
        support_wanted="Påminnelse på fredagar.",
        how_wanted="Personalen knackar på fredag förmiddag och frågar om det passar.",
    )
    goal_fields = {"order_goal": order.personal_goals, "support": "personal"}
    walk_goal = plans.add_goal(
        walk,
        goal_type="maintain",
        what="gå på promenad",
        how_often="två dagar i veckan",
        by_when=datetime.date(2026, 9, 30),
        why="Sven vill orka gå till sin bror",
        **goal_fields,
    )
    laundry_goal = plans.add_goal(
        laundry,
        goal_type="develop",
        what="sortera tvätten själv",
        how_often="varje tvättdag",
        by_when=datetime.date(2026, 9, 30),
        why="Sven vill klara tvätten utan hjälp",
        **goal_fields,
    )
    plans.save_risk_assessment(
        first,
        assessed_on=datetime.date(2025, 10, 1),
        team=KONTAKTMAN,
        responsible="Karim Haddad",
        no_risks_identified=True,
        no_risks_grounds="Inga risker i aktiviteterna: Sven går kända vägar och använder maskinerna säkert.",
    )
    plans.establish(first, user=users["kontaktman"])
    followup.record_follow_up(
        laundry,
        goal=laundry_goal,
        user=users["kontaktman"],
        today=datetime.date(2026, 3, 2),
        answer=Answer.PARTLY,
        comment="Sven sorterar vit och färgad tvätt själv men vill ha hjälp med ylle. Samma mål och metod.",
        next_follow_up_on=datetime.date(2026, 9, 1),
        with_client=True,
        participants=f"Sven Ängström; {KONTAKTMAN}",
    )
    review = _sven_review(first, walk_goal, laundry_goal, users)
    _sven_new_period(review, first, walk_goal, laundry_goal, users)


def _sven_review(first, walk_goal, laundry_goal, users):
    kontaktman = users["kontaktman"]
    review = followup.start_review(first, user=kontaktman)
    comments = {
        walk_goal.pk: (Answer.FULLY, "Målet uppnått: Sven har gått på promenad två dagar i veckan hela året.", ""),
        laundry_goal.pk: (Answer.PARTLY, "Sven sorterar själv utom ylle. Han vill fortsätta med målet.", ""),
        None: ("", "Städningen fungerar. Sven vill ha påminnelsen kvar.", "Påminnelsen flyttas till torsdagar."),
    }
    rows = {}
    for row in followup.review_rows(first):
        answer, comment, changes = comments[row.goal.pk if row.goal else None]
        rows[row.key] = {"answer": answer, "comment": comment, "changes": changes}
    fields = {
        "with_client": True,
        "from_journal": True,
        "participants": f"Sven Ängström; {KONTAKTMAN}",
        "how_done": "Samtal med Sven i hans lägenhet, och genomläsning av journalens periodsammanfattning.",
        "summary": "Stödet fungerar bra. Sven vill inte ändra något utom dagen för påminnelsen om städning.",
        "assessment": "Sven är trygg och klarar mer själv än för ett år sedan. Inga nya behov.",
        "goals_summary": "Promenadmålet är uppnått och blir ett arbetssätt; tvättmålet fortsätter.",
        "action_needs": "Inga.",
        "needs_changed": False,
        "checklist_confirmed": ["documentation"],
    }
    review = followup.save_review(
        review,
        user=kontaktman,
        expected_version=review.version,
        fields=fields,
        rows=rows,
        today=datetime.date(2026, 9, 20),
    )
    review = followup.finish_review(review, user=kontaktman)
    # The demo is loaded long after the review it shows; give it the day it was done.
    Review.objects.filter(pk=review.pk).update(started_at=_at(2026, 9, 14), finished_at=_at(2026, 9, 20))
    review.refresh_from_db()
    return review


def _sven_new_period(review, first, walk_goal, laundry_goal, users):
    kontaktman = users["kontaktman"]
    new = followup.start_new_period(
        review,
        user=kontaktman,
        starts_on=datetime.date(2026, 10, 1),
        carried=set(first.items.values_list("pk", flat=True)),
        choices={walk_goal.pk: "way_of_working", laundry_goal.pk: "continue"},
        by_when={laundry_goal.pk: datetime.date(2027, 6, 30)},
        confirmed=["client_contact", "contacts", "contact_person", "items_clear", "door", "consents"],
        today=datetime.date(2026, 9, 21),
    )
    Review.objects.filter(pk=review.pk).update(new_period_started_at=_at(2026, 9, 21))
    cleaning = new.items.get(title="Städning")
    plans.change_item(cleaning, {"how_wanted": "Personalen knackar på torsdag förmiddag och frågar."})
    plans.save_period(
        new,
        {
            "planning_date": datetime.date(2026, 10, 1),
            "participation": "Sven gick igenom planen med sin kontaktman och valde själv att behålla tvättmålet.",
            "participants": f"Sven Ängström; {KONTAKTMAN}",
            "follow_up_planned_on": datetime.date(2027, 1, 15),
            "signature_method": "oral",
            "signed_on": datetime.date(2026, 10, 1),
            "signed_by": "Sven Ängström",
        },
        expected_version=new.version,
    )
    plans.save_risk_assessment(
        new,
        assessed_on=datetime.date(2026, 10, 1),
        team=KONTAKTMAN,
        responsible="Karim Haddad",
        no_risks_identified=True,
        no_risks_grounds="Inga risker i aktiviteterna; bedömningen gjord på nytt med Sven.",
    )
    plans.establish(new, user=kontaktman)
    laundry = new.items.get(title="Tvätt")
    followup.record_follow_up(
        laundry,
        goal=laundry.goals.get(),
        user=kontaktman,
        today=datetime.date(2026, 11, 20),
        answer=Answer.PARTLY,
        comment="Sven har sorterat själv varje tvättdag i november; ylle tar han fortfarande med sig till personalen.",
        next_follow_up_on=datetime.date(2027, 2, 20),
        with_client=True,
        participants=f"Sven Ängström; {KONTAKTMAN}",
    )


def _at(year, month, day):
    return timezone.make_aware(datetime.datetime(year, month, day, 14, 0))
