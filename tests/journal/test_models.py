"""A signed entry is final: no code path changes or removes it, and on PostgreSQL not even raw
SQL does. Drafts stay editable. Objections are never changed."""

import pytest
from django.db import connection, transaction
from django.db.models import Q
from django.db.utils import DatabaseError
from django.utils import timezone

from rodtrad.journal.models import Entry, Objection, SignedEntryError

from ..factories import EntryFactory, SignedEntryFactory

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the database trigger exists on PostgreSQL"
)


@pytest.fixture
def signed(world):
    return SignedEntryFactory(client=world.client, author=world.staff, text="Elsa gick på bio.")


@pytest.fixture
def draft(world):
    return EntryFactory(client=world.client, author=world.staff, text="Ett utkast")


@pytest.fixture
def objection(signed, world):
    return Objection.objects.create(
        entry=signed,
        raised_on=timezone.localdate(),
        raised_by_name="Elsa Lindqvist (brukaren)",
        text="Jag gick inte på bio.",
        recorded_by=world.staff,
        recorded_by_name="Test",
    )


def test_a_signed_entry_cannot_be_changed_through_the_orm(signed):
    signed.text = "Omskrivet"
    with pytest.raises(SignedEntryError):
        signed.save()
    with pytest.raises(SignedEntryError):
        Entry.objects.filter(pk=signed.pk).update(text="Omskrivet")
    assert Entry.objects.get(pk=signed.pk).text == "Elsa gick på bio."


def test_a_stale_or_hand_made_instance_cannot_overwrite_a_signed_row(signed, world):
    stale = Entry(pk=signed.pk, client=world.client, author=world.staff, text="Utbytt")
    with pytest.raises(SignedEntryError):
        stale.save()
    assert Entry.objects.get(pk=signed.pk).text == "Elsa gick på bio."


def test_a_signed_entry_cannot_be_deleted_through_the_orm(signed):
    with pytest.raises(SignedEntryError):
        signed.delete()
    with pytest.raises(SignedEntryError):
        Entry.objects.all().delete()
    assert Entry.objects.filter(pk=signed.pk).exists()


def test_a_draft_can_be_saved_signed_and_deleted(draft, world):
    draft.text = "Ändrat utkast"
    draft.save()
    other = EntryFactory(client=world.client, author=world.staff)
    other.delete()
    assert not Entry.objects.filter(pk=other.pk).exists()
    draft.signed_at = timezone.now()
    draft.save()
    assert Entry.objects.get(pk=draft.pk).is_signed


def test_an_objection_is_never_changed_or_removed(objection):
    objection.text = "Något annat"
    with pytest.raises(SignedEntryError):
        objection.save()
    with pytest.raises(SignedEntryError):
        objection.delete()
    with pytest.raises(SignedEntryError):
        Objection.objects.filter(pk=objection.pk).update(text="Något annat")
    with pytest.raises(SignedEntryError):
        Objection.objects.all().delete()
    assert Objection.objects.get(pk=objection.pk).text == "Jag gick inte på bio."


@on_postgresql
@pytest.mark.parametrize(
    "statement",
    ["UPDATE journal_entry SET text = 'Omskrivet' WHERE id = %s", "DELETE FROM journal_entry WHERE id = %s"],
)
def test_postgresql_refuses_changing_a_signed_entry_even_in_raw_sql(signed, statement):
    with pytest.raises(DatabaseError, match="signed and final"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(statement, [signed.pk])
    assert Entry.objects.get(pk=signed.pk).text == "Elsa gick på bio."


@on_postgresql
def test_postgresql_lets_a_draft_be_changed_and_deleted_in_raw_sql(draft):
    with connection.cursor() as cursor:
        cursor.execute("UPDATE journal_entry SET text = 'Rått' WHERE id = %s", [draft.pk])
        assert Entry.objects.get(pk=draft.pk).text == "Rått"
        cursor.execute("UPDATE journal_entry SET signed_at = now() WHERE id = %s", [draft.pk])
    with pytest.raises(DatabaseError, match="signed and final"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE journal_entry SET signed_at = NULL WHERE id = %s", [draft.pk])
    other = EntryFactory(client=draft.client, author=draft.author)
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM journal_entry WHERE id = %s", [other.pk])
    assert not Entry.objects.filter(pk=other.pk).exists()


@on_postgresql
@pytest.mark.parametrize(
    "statement",
    ["UPDATE journal_objection SET text = 'Annat' WHERE id = %s", "DELETE FROM journal_objection WHERE id = %s"],
)
def test_postgresql_refuses_changing_an_objection_even_in_raw_sql(objection, statement):
    with pytest.raises(DatabaseError, match="final"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(statement, [objection.pk])
    assert Objection.objects.get(pk=objection.pk).text == "Jag gick inte på bio."


def test_the_journal_is_indexed_for_reading_a_clients_signed_entries_newest_first():
    indexed = {tuple(index.fields): index.condition for index in Entry._meta.indexes}
    assert indexed[("client", "-occurred_at", "-id")] == Q(signed_at__isnull=False)
