import pytest
from django.db import connection, transaction
from django.db.utils import DatabaseError

from rodtrad.audit.models import AccessEvent, Action, AppendOnlyError


@pytest.fixture
def event(world):
    return AccessEvent.objects.create(user=world.staff, client=world.client, action=Action.VIEW)


def test_an_event_cannot_be_changed_through_the_orm(event):
    event.action = Action.UPDATE
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        AccessEvent.objects.filter(pk=event.pk).update(action=Action.UPDATE)
    assert AccessEvent.objects.get(pk=event.pk).action == Action.VIEW


def test_an_event_cannot_be_deleted_through_the_orm(event):
    with pytest.raises(AppendOnlyError):
        event.delete()
    with pytest.raises(AppendOnlyError):
        AccessEvent.objects.all().delete()
    assert AccessEvent.objects.filter(pk=event.pk).exists()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the database trigger exists on PostgreSQL")
@pytest.mark.parametrize(
    "statement",
    ["UPDATE audit_accessevent SET action = 'update' WHERE id = %s", "DELETE FROM audit_accessevent WHERE id = %s"],
)
def test_postgresql_refuses_update_and_delete_even_in_raw_sql(event, statement):
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(statement, [event.pk])
    assert AccessEvent.objects.get(pk=event.pk).action == Action.VIEW


def test_the_log_is_indexed_for_review_by_client_user_and_time():
    indexed = {tuple(index.fields) for index in AccessEvent._meta.indexes}
    assert {("client", "-occurred_at"), ("user", "-occurred_at"), ("-occurred_at",)} <= indexed
