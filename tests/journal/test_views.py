"""The journal pages: reading, writing, signing, correcting and objecting, each through the
access helper and the audit log."""

import datetime
import re

import pytest
from django.template.loader import render_to_string
from django.utils import formats, timezone

from rodtrad.audit.models import AccessEvent, Action
from rodtrad.clients import services as client_services
from rodtrad.journal import queries, services
from rodtrad.journal.due import monthly_note
from rodtrad.journal.models import Category, Entry, Objection
from rodtrad.oversight import catalogue, reminders, todo
from rodtrad.oversight.scope import for_manager

from ..factories import (
    ContactFactory,
    ContactPersonFactory,
    EntryFactory,
    MembershipFactory,
    OrderFactory,
    SignedEntryFactory,
)
from .conftest import days_ago, says


def journal_url(client, suffix=""):
    return f"/brukare/{client.pk}/journal/{suffix}"


def last_event(world, user):
    return AccessEvent.objects.filter(client=world.client, user=user).latest("pk")


def entry_data(**changes):
    data = {
        "category": Category.EVENT,
        "occurred_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
        "text": "Elsa gick till affären själv. Hon handlade mjölk och bröd.",
        "plan_item": "",
        "goal": "",
        "life_area": "",
        "assessment_by": "",
        "colleague_name": "",
        "colleague_title": "",
        "entry": "",
    }
    return {**data, **changes}


def test_the_journal_lists_signed_entries_newest_first_and_only_your_own_drafts(world, as_user):
    SignedEntryFactory(client=world.client, author=world.staff, text="Äldst", occurred_at=days_ago(3))
    SignedEntryFactory(client=world.client, author=world.staff, text="Nyast", occurred_at=days_ago(1))
    EntryFactory(client=world.client, author=world.manager, text="Chefens utkast")
    EntryFactory(client=world.client, author=world.staff, text="Mitt utkast")
    SignedEntryFactory(client=world.other_client, author=world.outsider, text="Annan brukare")

    page = as_user(world.staff).get(journal_url(world.client)).content.decode()

    assert page.index("Nyast") < page.index("Äldst")
    assert "2 anteckningar, nyaste först" in page  # the other client's and the drafts not counted
    assert "Mitt utkast" in page
    assert "Chefens utkast" not in page
    assert "Annan brukare" not in page
    event = last_event(world, world.staff)
    assert (event.action, event.object_type) == (Action.VIEW, "journal")


def test_the_journal_is_paged_by_fifty(world, as_user):
    for day in range(55):
        SignedEntryFactory(
            client=world.client, author=world.staff, text=f"Anteckning nummer {day}", occurred_at=days_ago(day)
        )
    browser = as_user(world.staff)
    first = browser.get(journal_url(world.client)).content.decode()
    assert first.count('class="panel journal-entry"') == 50
    second = browser.get(journal_url(world.client) + "?sida=2").content.decode()
    assert second.count('class="panel journal-entry"') == 5
    assert "55 anteckningar, nyaste först" in second and "Sida 2 av 2" in second
    assert "Anteckning nummer 54" in second


def test_filters_by_period_category_plan_item_goal_and_writer(world, plan, as_user):
    colleague = MembershipFactory(unit=world.unit).user
    SignedEntryFactory(client=world.client, author=world.staff, text="Om målet", goal=plan.goal, plan_item=plan.cooking)
    SignedEntryFactory(client=world.client, author=world.staff, text="Om promenaden", plan_item=plan.walks)
    SignedEntryFactory(
        client=world.client,
        author=colleague,
        text="Kollegans kontakt",
        category=Category.CONTACT,
        occurred_at=days_ago(20),
    )
    browser = as_user(world.staff)

    def shown(query):
        page = browser.get(journal_url(world.client) + "?" + query).content.decode()
        return {text for text in ("Om målet", "Om promenaden", "Kollegans kontakt") if text in page}

    assert shown(f"mal={plan.goal.pk}") == {"Om målet"}
    assert shown(f"insats={plan.cooking.pk}") == {"Om målet"}
    assert shown(f"insats={plan.walks.pk}") == {"Om promenaden"}
    assert shown("kategori=contact") == {"Kollegans kontakt"}
    assert shown(f"skribent={colleague.pk}") == {"Kollegans kontakt"}
    since = (timezone.localdate() - datetime.timedelta(days=5)).isoformat()
    assert shown(f"fran={since}") == {"Om målet", "Om promenaden"}
    until = (timezone.localdate() - datetime.timedelta(days=10)).isoformat()
    assert shown(f"till={until}") == {"Kollegans kontakt"}


def test_a_new_entry_is_saved_as_a_draft_then_reviewed_and_signed(world, as_user):
    browser = as_user(world.staff)
    response = browser.post(journal_url(world.client, "ny/"), entry_data(action="save"))
    entry = Entry.objects.get(client=world.client)
    assert response.status_code == 302
    assert response["Location"] == journal_url(world.client, f"{entry.pk}/andra/")
    assert last_event(world, world.staff).action == Action.CREATE

    response = browser.post(journal_url(world.client, f"{entry.pk}/andra/"), entry_data(action="review"))
    assert response["Location"] == journal_url(world.client, f"{entry.pk}/signera/")
    review = browser.get(response["Location"])
    assert "Elsa gick till affären själv." in review.content.decode()
    assert not Entry.objects.get(pk=entry.pk).is_signed

    response = browser.post(journal_url(world.client, f"{entry.pk}/signera/"), {})
    assert response["Location"] == journal_url(world.client, f"{entry.pk}/")
    entry.refresh_from_db()
    assert entry.is_signed
    event = last_event(world, world.staff)
    assert (event.action, event.object_id) == (Action.SIGN, str(entry.pk))

    detail = browser.get(response["Location"]).content.decode()
    assert entry.author_name in detail
    assert timezone.localtime(entry.signed_at).strftime("%H:%M") in detail


def test_review_refuses_an_incomplete_draft_next_to_the_fields_and_keeps_the_text(world, as_user):
    data = entry_data(action="review", category="", for_colleague="on", colleague_name="Kim")
    response = as_user(world.staff).post(journal_url(world.client, "ny/"), data)
    assert response.status_code == 200
    assert says(response, "Choose what kind of entry this is.")
    assert says(response, "Write the colleague's first and last name.")
    assert says(response, "Write the colleague's title.")
    assert "Elsa gick till affären själv." in response.content.decode()
    assert 'value="Kim"' in response.content.decode()
    assert Entry.objects.get(client=world.client).text.startswith("Elsa gick")


def test_a_signed_entry_cannot_be_edited_signed_again_or_thrown_away(world, as_user):
    entry = SignedEntryFactory(client=world.client, author=world.staff)
    browser = as_user(world.staff)
    for response in (
        browser.get(journal_url(world.client, f"{entry.pk}/andra/")),
        browser.post(journal_url(world.client, f"{entry.pk}/andra/"), entry_data(text="Omskrivet")),
        browser.post(journal_url(world.client, f"{entry.pk}/signera/"), {}),
        browser.post(journal_url(world.client, f"{entry.pk}/ta-bort/")),
        browser.post(journal_url(world.client, "utkast/spara/"), entry_data(entry=entry.pk, text="Omskrivet")),
    ):
        assert response.status_code in (200, 403)
    assert Entry.objects.get(pk=entry.pk).text == entry.text
    # The refused attempt is in the audit log all the same.
    assert last_event(world, world.staff).object_id == str(entry.pk)


def test_someone_elses_draft_is_not_there(world, as_user):
    draft = EntryFactory(client=world.client, author=world.staff)
    browser = as_user(world.manager)
    assert browser.get(journal_url(world.client, f"{draft.pk}/")).status_code == 404
    assert browser.get(journal_url(world.client, f"{draft.pk}/andra/")).status_code == 404
    assert browser.post(journal_url(world.client, f"{draft.pk}/ta-bort/")).status_code == 404


def test_a_user_of_another_unit_finds_no_journal(world, as_user):
    entry = SignedEntryFactory(client=world.client, author=world.staff)
    browser = as_user(world.outsider)
    assert browser.get(journal_url(world.client)).status_code == 404
    assert browser.get(journal_url(world.client, f"{entry.pk}/")).status_code == 404


def test_an_entry_is_reached_only_under_its_own_client_and_by_those_who_may_see_it(world, as_user):
    """The client in the address and the right to it decide, whoever asked before."""
    draft = EntryFactory(client=world.client, author=world.staff)
    seen_too = OrderFactory(unit=world.unit).client
    staff = as_user(world.staff)
    assert staff.get(journal_url(world.client, f"{draft.pk}/andra/")).status_code == 200
    assert staff.get(journal_url(seen_too, f"{draft.pk}/andra/")).status_code == 404
    assert staff.get(journal_url(world.client, "0/andra/")).status_code == 404
    outsider = as_user(world.outsider)
    assert outsider.get(journal_url(world.client, f"{draft.pk}/andra/")).status_code == 404
    assert outsider.post(journal_url(world.client, f"{draft.pk}/signera/")).status_code == 404
    assert not AccessEvent.objects.filter(user=world.outsider).exists()


def test_state_changes_are_posts(world, as_user):
    entry = SignedEntryFactory(client=world.client, author=world.staff)
    browser = as_user(world.staff)
    for suffix in (
        "utkast/spara/",
        "skrivhjalp/",
        f"{entry.pk}/rattelse/",
        f"{entry.pk}/ta-bort/",
    ):
        assert browser.get(journal_url(world.client, suffix)).status_code == 405
    # The monthly note's page asks which month; only its POST starts a note.
    assert browser.get(journal_url(world.client, "manadsanteckning/")).status_code == 200
    assert Entry.objects.drafts().count() == 0


def test_signing_asks_to_confirm_another_clients_name(world, as_user, stub_writing):
    entry = EntryFactory(client=world.client, author=world.staff, text="Elsa och Omar spelade kort.")
    browser = as_user(world.staff)
    review = browser.get(journal_url(world.client, f"{entry.pk}/signera/"))
    assert 'data-code="other_client"' in review.content.decode()
    assert 'name="confirm_other_client"' in review.content.decode()

    refused = browser.post(journal_url(world.client, f"{entry.pk}/signera/"), {})
    assert refused.status_code == 200
    assert says(
        refused, "The text may name another client. Remove the name, or confirm that it is not another client's."
    )
    assert not Entry.objects.get(pk=entry.pk).is_signed

    browser.post(journal_url(world.client, f"{entry.pk}/signera/"), {"confirm_other_client": "on"})
    assert Entry.objects.get(pk=entry.pk).other_client_confirmed


def test_findings_while_writing(world, as_user, stub_writing):
    browser = as_user(world.staff)
    response = browser.post(journal_url(world.client, "skrivhjalp/"), {"text": "Elsa var lat."})
    page = response.content.decode()
    assert 'data-code="value_laden"' in page
    assert "Om lat" in page
    assert "Skriv vad du såg" in page
    assert (
        "data-code"
        not in browser.post(journal_url(world.client, "skrivhjalp/"), {"text": "Elsa gick ut."}).content.decode()
    )
    goal_field = browser.post(journal_url(world.client, "skrivhjalp/"), {"field": "sentence", "sentence": "Hon är lat"})
    assert 'data-code="value_laden"' in goal_field.content.decode()
    event = last_event(world, world.staff)
    assert (event.action, event.object_type) == (Action.VIEW, "writing_findings")


def test_without_the_writing_assistant_there_are_no_findings(world, as_user):
    response = as_user(world.staff).post(journal_url(world.client, "skrivhjalp/"), {"text": "Elsa var lat."})
    assert response.status_code == 200
    assert "data-code" not in response.content.decode()


def test_findings_from_the_real_assistant(world, as_user, real_writing):
    response = as_user(world.staff).post(
        journal_url(world.client, "skrivhjalp/"), {"text": "Hon var lat och ville inte vara med."}
    )
    assert 'data-code="value_laden"' in response.content.decode()


def test_the_monthly_note_is_one_click_from_the_journal(world, as_user):
    response = as_user(world.staff).post(journal_url(world.client, "manadsanteckning/"))
    note = Entry.objects.get(client=world.client)
    assert response["Location"] == journal_url(world.client, f"{note.pk}/andra/")
    assert note.category == Category.MONTHLY
    form = as_user(world.staff).get(response["Location"]).content.decode()
    assert str(services.MONTHLY_NOTE_WORDING) in form


def test_a_correction_goes_through_a_draft_and_the_original_is_marked(world, as_user):
    original = SignedEntryFactory(client=world.client, author=world.staff, text="Elsa åt frukost klockan åtta.")
    browser = as_user(world.staff)
    response = browser.post(journal_url(world.client, f"{original.pk}/rattelse/"))
    correction = Entry.objects.get(corrects=original)
    assert response["Location"] == journal_url(world.client, f"{correction.pk}/andra/")
    browser.post(
        response["Location"],
        entry_data(
            action="review",
            text="Elsa åt frukost klockan nio.",
            correction_reason="Fel tid.",
            category=original.category,
        ),
    )
    browser.post(journal_url(world.client, f"{correction.pk}/signera/"), {})
    page = browser.get(journal_url(world.client, f"{original.pk}/")).content.decode()
    assert "Elsa åt frukost klockan åtta." in page
    assert says(browser.get(journal_url(world.client, f"{original.pk}/")), "Corrected")
    assert journal_url(world.client, f"{correction.pk}/") in page


def test_an_objection_is_added_dated_without_changing_the_entry(world, as_user):
    entry = SignedEntryFactory(client=world.client, author=world.staff)
    god_man = ContactFactory(client=world.client, name="Karin Holm", relation="god man")
    browser = as_user(world.staff)
    assert browser.get(journal_url(world.client, f"{entry.pk}/invandning/")).status_code == 200
    response = browser.post(
        journal_url(world.client, f"{entry.pk}/invandning/"),
        {
            "raised_by_contact": god_man.pk,
            "raised_on": timezone.localdate().isoformat(),
            "text": "Hon åkte inte själv.",
        },
    )
    assert response.status_code == 302
    objection = Objection.objects.get(entry=entry)
    assert objection.raised_by_contact == god_man
    page = browser.get(journal_url(world.client, f"{entry.pk}/")).content.decode()
    assert "Hon åkte inte själv." in page
    assert entry.text in page
    assert Entry.objects.get(pk=entry.pk).text == entry.text


def test_a_rejected_objection_keeps_what_was_typed(world, as_user):
    entry = SignedEntryFactory(client=world.client, author=world.staff)
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    response = as_user(world.staff).post(
        journal_url(world.client, f"{entry.pk}/invandning/"), {"raised_on": tomorrow, "text": "Det stämmer inte."}
    )
    assert response.status_code == 200
    assert says(response, "An objection cannot be dated in the future.")
    assert "Det stämmer inte." in response.content.decode()


def test_a_closed_case_is_read_only_in_the_journal(world, as_user):
    order = world.client.orders.get()
    client_services.end_order(order, ended_on=timezone.localdate(), reason="Flyttat")
    browser = as_user(world.staff)
    assert browser.get(journal_url(world.client, "ny/")).status_code == 403
    assert browser.post(journal_url(world.client, "manadsanteckning/")).status_code == 403
    assert says(browser.get(journal_url(world.client)), "The case is closed and the record is read-only.")


def test_a_late_entry_shows_its_badge(world, as_user):
    SignedEntryFactory(client=world.client, author=world.staff, late=True)
    assert says(as_user(world.staff).get(journal_url(world.client)), "Written late")


def test_an_entry_links_to_its_goal_and_plan_item(world, plan, as_user):
    entry = SignedEntryFactory(client=world.client, author=world.staff, goal=plan.goal, plan_item=plan.cooking)
    page = as_user(world.staff).get(journal_url(world.client, f"{entry.pk}/")).content.decode()
    assert f"?mal={plan.goal.pk}" in page
    assert f"?insats={plan.cooking.pk}" in page
    assert plan.goal.sentence in page


def test_the_form_offers_only_the_clients_current_plan(world, plan, as_user):
    page = as_user(world.staff).get(journal_url(world.client, "ny/")).content.decode()
    assert re.search(rf'<option value="{plan.cooking.pk}">Laga middag', page)
    assert plan.goal.sentence in page
    assert "Måltidssituation" in page


# The journal list itself is in tests/test_page_queries.py with the other pages the benchmark times.
@pytest.mark.parametrize("suffix", ["ny/", "sammanfattning/"])
def test_pages_answer_quickly_in_few_queries(world, plan, as_user, django_assert_max_num_queries, suffix):
    for _ in range(20):
        entry = SignedEntryFactory(client=world.client, author=world.staff, goal=plan.goal, plan_item=plan.cooking)
        services.add_objection(entry, text="Fel", recorded_by=world.staff)
    browser = as_user(world.staff)
    with django_assert_max_num_queries(25):
        assert browser.get(journal_url(world.client, suffix)).status_code == 200


def test_from_a_goal_its_entries(world, plan):
    about_goal = SignedEntryFactory(client=world.client, author=world.staff, goal=plan.goal, plan_item=plan.cooking)
    about_walks = SignedEntryFactory(client=world.client, author=world.staff, plan_item=plan.walks)
    EntryFactory(client=world.client, author=world.staff, goal=plan.goal)  # a draft is not in the journal yet
    assert list(queries.about(goal=plan.goal)) == [about_goal]
    assert list(queries.about(plan_item=plan.walks)) == [about_walks]
    html = render_to_string(
        "journal/_about.html", {"entries": queries.about(goal=plan.goal), "client": world.client, "goal": plan.goal}
    )
    assert f"/brukare/{world.client.pk}/journal/{about_goal.pk}/" in html
    assert f"?mal={plan.goal.pk}" in html


def test_the_plans_goal_field_can_ask_for_goal_findings(world, as_user, real_writing):
    response = as_user(world.staff).post(
        journal_url(world.client, "skrivhjalp/"),
        {"kind": "goal", "field": "sentence", "sentence": "Elsa ska bli mer självständig."},
    )
    assert 'data-code="goal_' in response.content.decode()


def test_the_filters_choices_are_read_when_the_filters_are_opened(world, plan, as_user):
    SignedEntryFactory(client=world.client, author=world.staff, goal=plan.goal)
    browser = as_user(world.staff)
    option = rf'<option value="{plan.cooking.pk}">Laga middag'
    plain = browser.get(journal_url(world.client)).content.decode()
    assert not re.search(option, plain)
    assert journal_url(world.client, "filter/") in plain
    opened = browser.get(journal_url(world.client, "filter/")).content.decode()
    assert re.search(option, opened)
    assert f'value="{world.staff.pk}"' in opened
    # Without script the link asks for the page with the filters in it.
    assert re.search(option, browser.get(journal_url(world.client, "?filtrera=1")).content.decode())


def test_a_filtered_list_shows_its_filters_with_the_choice_made(world, plan, as_user):
    page = as_user(world.staff).get(journal_url(world.client, f"?insats={plan.cooking.pk}")).content.decode()
    assert re.search(rf'<option value="{plan.cooking.pk}" selected>Laga middag', page)


def last_month_start():
    return (timezone.localdate().replace(day=1) - datetime.timedelta(days=1)).replace(day=1)


def test_the_monthly_note_from_the_to_do_is_for_the_month_it_names_and_signing_it_clears_that_month(world, as_user):
    """The to-do asks for last month's note: its link writes the note for that month, not for
    today's; signed, the to-do, the dashboard's count and the reminder no longer ask for it."""
    ContactPersonFactory(client=world.client, user=world.staff)
    browser = as_user(world.staff)
    last_month = last_month_start()
    asked = [row for row in todo.rows_for(world.staff) if "Ingen journalanteckning" in str(row.text)]
    assert [row.url for row in asked] == [journal_url(world.client, f"manadsanteckning/?manad={last_month:%Y-%m}")]
    page = browser.get(asked[0].url).content.decode()
    assert f'<option value="{last_month:%Y-%m}" selected>{formats.date_format(last_month, "F Y")}</option>' in page
    response = browser.post(journal_url(world.client, "manadsanteckning/"), {"manad": f"{last_month:%Y-%m}"})
    note = Entry.objects.get(client=world.client)
    assert services.month_of(note.occurred_at) == last_month
    form = browser.get(response["Location"]).content.decode()
    assert "Månaden anteckningen gäller" in form
    assert f'<option value="{last_month:%Y-%m}" selected>' in form
    note = services.save_draft(
        world.client, author=world.staff, entry=note, text=note.text + "Elsa säger att månaden har varit bra."
    )
    services.sign_entry(note, user=world.staff)
    assert not monthly_note.missing(world.client, day=last_month)
    assert not [row for row in todo.rows_for(world.staff) if "Ingen journalanteckning" in str(row.text)]
    assert "manadsanteckning-saknas" not in [rule.key for rule, _count in todo.counts_for(world.staff)]
    scope = for_manager(world.manager)
    assert catalogue.counts(scope)["manadsanteckning-saknas"] == 0
    assert not any(
        "journalanteckning" in str(line.text)
        for line in reminders.lines_for(world.staff, today=timezone.localdate(), now=timezone.now())
    )


def test_the_monthly_note_from_the_start_page_is_for_the_month_due(world, as_user):
    """Without a month asked for, the note is for last month while it is missing, then for this one."""
    browser = as_user(world.staff)
    browser.post(journal_url(world.client, "manadsanteckning/"))
    first = Entry.objects.get(client=world.client)
    assert services.month_of(first.occurred_at) == last_month_start()
    first = services.save_draft(world.client, author=world.staff, entry=first, text=first.text + "Elsa mår bra nu.")
    services.sign_entry(first, user=world.staff)
    browser.post(journal_url(world.client, "manadsanteckning/"))
    second = Entry.objects.drafts().get(client=world.client)
    assert services.month_of(second.occurred_at) == timezone.localdate().replace(day=1)


def test_choosing_another_month_in_the_form_dates_the_note_in_that_month(world, as_user):
    browser = as_user(world.staff)
    note = services.write_monthly_note_draft(world.client, author=world.staff, month=timezone.localdate())
    two_months_ago = (last_month_start() - datetime.timedelta(days=1)).replace(day=1)
    browser.post(
        journal_url(world.client, "utkast/spara/"),
        {"entry": note.pk, "category": "monthly", "text": note.text, "month": f"{two_months_ago:%Y-%m}"},
    )
    note.refresh_from_db()
    assert services.month_of(note.occurred_at) == two_months_ago


def test_an_entry_rodtrad_wrote_says_once_who_wrote_it_and_on_whose_behalf(world, as_user):
    entry = services.record_event_entry(
        world.client, category=Category.EVENT, text="Insatsen avslutades.", author=world.manager
    )
    body = as_user(world.manager).get(journal_url(world.client, f"{entry.pk}/")).content.decode()
    assert body.count("Skriven av") == 1
    assert "Rödtråd, för " in body
