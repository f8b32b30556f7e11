"""The journal's rules, whatever calls them."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from rodtrad.accounts.models import Membership
from rodtrad.clients import services as client_services
from rodtrad.journal import services
from rodtrad.journal.due import monthly_note
from rodtrad.journal.models import Category, Entry, SignedEntryError

from ..factories import ContactFactory, MembershipFactory, SignedEntryFactory, client_at
from .conftest import days_ago


def draft(world, **fields):
    fields = {"category": Category.EVENT, "text": "Elsa åkte buss själv till stan.", **fields}
    return services.save_draft(world.client, author=world.staff, **fields)


def test_a_draft_is_saved_with_the_author_and_title_of_the_time(world):
    entry = draft(world)
    assert (entry.author, entry.author_name, entry.author_title) == (
        world.staff,
        world.staff.get_full_name(),
        "Stödassistent",
    )
    assert not entry.is_signed
    entry = services.save_draft(world.client, author=world.staff, entry=entry, text="Ny text")
    assert Entry.objects.get(pk=entry.pk).text == "Ny text"


def test_only_the_author_changes_a_draft(world):
    entry = draft(world)
    with pytest.raises(PermissionDenied):
        services.save_draft(world.client, author=world.manager, entry=entry, text="Kapat")
    with pytest.raises(PermissionDenied):
        services.discard_draft(entry, user=world.manager)
    assert Entry.objects.get(pk=entry.pk).text == "Elsa åkte buss själv till stan."


def test_save_draft_refuses_fields_it_does_not_save(world):
    with pytest.raises(TypeError):
        services.save_draft(world.client, author=world.staff, signed_at=timezone.now())


def test_control_characters_are_removed_and_line_breaks_kept(world):
    entry = draft(world, text="Rad ett\r\nRad\x02 två\x00\tslut")
    assert entry.text == "Rad ett\nRad två\tslut"


def test_a_goal_brings_its_plan_item_and_must_be_the_clients(world, plan):
    entry = draft(world, goal=plan.goal)
    assert entry.plan_item == plan.cooking
    with pytest.raises(ValidationError) as refused:
        draft(world, goal=plan.goal, plan_item=plan.walks)
    assert "goal" in refused.value.message_dict
    other_client = client_at(world.unit, first_name="Maja", last_name="Berg")
    with pytest.raises(ValidationError) as refused:
        services.save_draft(other_client, author=world.staff, plan_item=plan.walks)
    assert "plan_item" in refused.value.message_dict


def test_signing_makes_the_entry_final(world):
    entry = services.sign_entry(draft(world), user=world.staff)
    assert entry.is_signed and entry.signed_by == world.staff
    assert not entry.late
    with pytest.raises(SignedEntryError):
        services.save_draft(world.client, author=world.staff, entry=entry, text="Ändrat")
    with pytest.raises(SignedEntryError):
        services.sign_entry(entry, user=world.staff)
    with pytest.raises(SignedEntryError):
        services.discard_draft(entry, user=world.staff)


def test_only_the_author_signs(world):
    with pytest.raises(PermissionDenied):
        services.sign_entry(draft(world), user=world.manager)


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"category": ""}, "category"),
        ({"text": "  "}, "text"),
        ({"occurred_at": timezone.now() + datetime.timedelta(hours=2)}, "occurred_at"),
        ({"for_colleague": True, "colleague_name": "Kim", "colleague_title": "Stödpedagog"}, "colleague_name"),
        ({"for_colleague": True, "colleague_name": "Kim Berg", "colleague_title": ""}, "colleague_title"),
    ],
)
def test_what_signing_needs(world, fields, field):
    entry = draft(world, **fields)
    with pytest.raises(ValidationError) as refused:
        services.sign_entry(entry, user=world.staff)
    assert field in refused.value.message_dict
    assert not Entry.objects.get(pk=entry.pk).is_signed


def test_writing_for_a_colleague_names_them_with_title(world):
    entry = draft(world, for_colleague=True, colleague_name="Kim Berg", colleague_title="Stödpedagog")
    entry = services.sign_entry(entry, user=world.staff)
    assert (entry.colleague_name, entry.colleague_title) == ("Kim Berg", "Stödpedagog")
    assert draft(world, colleague_name="Kim Berg").colleague_name == ""


def test_whose_assessment_is_kept(world):
    entry = services.sign_entry(draft(world, assessment_by="sjuksköterskan Nora Ek"), user=world.staff)
    assert entry.assessment_by == "sjuksköterskan Nora Ek"


def test_an_entry_signed_more_than_three_days_after_the_event_is_late(world):
    assert not services.sign_entry(draft(world, occurred_at=days_ago(2)), user=world.staff).late
    assert services.sign_entry(draft(world, occurred_at=days_ago(4)), user=world.staff).late


def test_the_late_limit_is_a_setting(world, settings):
    settings.RODTRAD_JOURNAL_LATE_DAYS = 1
    assert services.sign_entry(draft(world, occurred_at=days_ago(2)), user=world.staff).late


def test_findings_do_not_stop_signing_but_another_clients_name_must_be_confirmed(world, stub_writing):
    assert services.sign_entry(draft(world, text="Elsa var lat idag."), user=world.staff).findings_at_signing == [
        "value_laden"
    ]
    named = draft(world, text="Elsa och Omar bakade.")
    with pytest.raises(ValidationError) as refused:
        services.sign_entry(named, user=world.staff)
    assert "confirm_other_client" in refused.value.message_dict
    entry = services.sign_entry(named, user=world.staff, confirm_other_client=True)
    assert entry.other_client_confirmed
    assert entry.findings_at_signing == ["other_client"]


def test_the_assistant_gets_the_names_of_the_other_clients_the_writer_can_see(world, stub_writing):
    client_at(world.unit, first_name="Omar", last_name="Åberg")
    services.sign_entry(draft(world), user=world.staff)
    assert stub_writing.other_clients == ["Omar Åberg"]
    assert "Elsa Lindqvist" not in stub_writing.other_clients
    assert "Omar Eklund" not in stub_writing.other_clients  # another unit's client


def test_with_the_real_assistant_another_clients_name_must_be_confirmed(world, real_writing):
    client_at(world.unit, first_name="Omar", last_name="Åberg")
    named = draft(world, text="Elsa och Omar Åberg bakade bullar i köket.")
    with pytest.raises(ValidationError) as refused:
        services.sign_entry(named, user=world.staff)
    assert "confirm_other_client" in refused.value.message_dict


def test_a_correction_is_a_new_entry_and_the_original_stays(world):
    original = services.sign_entry(draft(world), user=world.staff)
    correction = services.correct_entry(original, author=world.staff)
    assert (correction.corrects, correction.text, correction.is_signed) == (original, original.text, False)
    assert services.correct_entry(original, author=world.staff) == correction  # the same draft again
    with pytest.raises(ValidationError) as refused:
        services.sign_entry(correction, user=world.staff)
    assert set(refused.value.message_dict) == {"text", "correction_reason"}
    services.save_draft(
        world.client,
        author=world.staff,
        entry=correction,
        text="Elsa åkte buss till stan med stöd av personal.",
        correction_reason="Hon åkte inte själv.",
    )
    correction = services.sign_entry(correction, user=world.staff)
    assert original.corrections.signed().get() == correction
    assert Entry.objects.get(pk=original.pk).text == "Elsa åkte buss själv till stan."
    assert not correction.late


def test_who_may_correct(world):
    original = services.sign_entry(draft(world), user=world.staff)
    colleague = MembershipFactory(unit=world.unit).user
    with pytest.raises(PermissionDenied):
        services.correct_entry(original, author=colleague)
    assert services.correct_entry(original, author=world.manager).author == world.manager
    with pytest.raises(PermissionDenied):
        services.correct_entry(draft(world), author=world.staff)


def test_an_objection_is_noted_without_changing_the_entry(world):
    entry = services.sign_entry(draft(world), user=world.staff)
    god_man = ContactFactory(client=world.client, name="Karin Holm", relation="god man")
    objection = services.add_objection(
        entry, text="Hon åkte med sin syster.", contact=god_man, recorded_by=world.manager
    )
    assert objection.raised_by_name == "Karin Holm (god man)"
    assert objection.raised_on == timezone.localdate()
    assert objection.recorded_by_name == world.manager.name_with_title
    assert Entry.objects.get(pk=entry.pk).text == "Elsa åkte buss själv till stan."
    by_client = services.add_objection(entry, text="Fel dag.", recorded_by=world.staff)
    assert "Elsa Lindqvist" in by_client.raised_by_name


@pytest.mark.parametrize(
    ("raised_on", "field"),
    [(timezone.localdate() + datetime.timedelta(days=1), "raised_on"), (None, "text")],
)
def test_an_objection_needs_a_text_and_a_date_not_in_the_future(world, raised_on, field):
    entry = services.sign_entry(draft(world), user=world.staff)
    text = "" if field == "text" else "Fel"
    with pytest.raises(ValidationError) as refused:
        services.add_objection(entry, text=text, raised_on=raised_on, recorded_by=world.staff)
    assert field in refused.value.message_dict


def test_an_objection_is_only_for_a_signed_entry(world):
    with pytest.raises(ValidationError):
        services.add_objection(draft(world), text="Fel", recorded_by=world.staff)


def test_the_monthly_note_starts_from_the_standard_wording_and_asks_for_the_situation(world):
    note = services.write_monthly_note_draft(world.client, author=world.staff)
    assert note.category == Category.MONTHLY
    assert note.text.strip() == str(services.MONTHLY_NOTE_WORDING)
    assert services.write_monthly_note_draft(world.client, author=world.staff) == note
    with pytest.raises(ValidationError) as refused:
        services.sign_entry(note, user=world.staff)
    assert "text" in refused.value.message_dict
    note = services.save_draft(
        world.client, author=world.staff, entry=note, text=note.text + "Elsa säger att hon är nöjd med hösten."
    )
    assert services.sign_entry(note, user=world.staff).is_signed


def test_an_event_entry_is_signed_at_once_for_the_acting_user(world, plan):
    entry = services.record_event_entry(
        world.client,
        category=Category.PLAN_ITEM_CHANGE,
        text="Ändring i insats: promenaden flyttas till förmiddagen.",
        author=world.manager,
        plan_item=plan.walks,
    )
    assert entry.is_signed and entry.recorded_by_system
    assert (entry.signed_by, entry.author_title, entry.plan_item) == (world.manager, "Stödassistent", plan.walks)
    with pytest.raises(ValueError):
        services.record_event_entry(world.client, category="gossip", text="x", author=world.manager)
    with pytest.raises(ValueError):
        services.record_event_entry(world.client, category=Category.EVENT, text=" ", author=world.manager)


def test_a_closed_case_takes_no_new_entries_but_still_the_closing_note_and_objections(world):
    entry = services.sign_entry(draft(world), user=world.staff)
    order = world.client.orders.get()
    client_services.end_order(order, ended_on=timezone.localdate(), reason="Flyttat")
    with pytest.raises(PermissionDenied):
        draft(world)
    with pytest.raises(PermissionDenied):
        services.write_monthly_note_draft(world.client, author=world.staff)
    with pytest.raises(PermissionDenied):
        services.correct_entry(entry, author=world.staff)
    closing = services.record_event_entry(
        world.client, category=Category.EVENT, text="Insatsen avslutades.", author=world.manager
    )
    assert closing.is_signed
    assert services.add_objection(entry, text="Fel", recorded_by=world.staff).pk


def test_managers_role_is_what_lets_them_correct(world):
    original = services.sign_entry(draft(world), user=world.staff)
    assert services.may_correct(original, world.manager)
    assert world.manager.memberships.get().role == Membership.Role.MANAGER


def test_a_monthly_note_for_an_earlier_month_is_dated_at_its_last_minute(world):
    now = timezone.make_aware(datetime.datetime(2026, 12, 4, 10, 30))
    note = services.write_monthly_note_draft(
        world.client, author=world.staff, month=datetime.date(2026, 11, 1), now=now
    )
    assert timezone.localtime(note.occurred_at) == timezone.make_aware(datetime.datetime(2026, 11, 30, 23, 59))
    this_month = services.write_monthly_note_draft(
        world.client, author=world.staff, month=datetime.date(2026, 12, 1), now=now
    )
    assert this_month != note
    assert this_month.occurred_at == now.replace(second=0)
    # The same month again: the draft already started.
    assert (
        services.write_monthly_note_draft(world.client, author=world.staff, month=datetime.date(2026, 11, 9), now=now)
        == note
    )
    with pytest.raises(ValueError):
        services.monthly_note_time(datetime.date(2027, 1, 1), now=now)


def test_the_month_due_is_last_month_while_it_has_no_signed_entry(world):
    today = datetime.date(2026, 12, 4)
    assert monthly_note.due_month(world.client, today=today) == datetime.date(2026, 11, 1)
    SignedEntryFactory(
        client=world.client, author=world.staff, occurred_at=timezone.make_aware(datetime.datetime(2026, 11, 20, 9))
    )
    assert monthly_note.due_month(world.client, today=today) == datetime.date(2026, 12, 1)


def test_no_note_is_due_for_a_month_before_the_order_began(world):
    world.client.orders.update(valid_from=datetime.date(2026, 12, 2))
    assert monthly_note.due_month(world.client, today=datetime.date(2026, 12, 4)) == datetime.date(2026, 12, 1)
