"""The prepared files' rules that no page shows: what a daily clean-up removes."""

import datetime
import io

from django.core.management import call_command
from django.utils import timezone

from rodtrad.exports import services
from rodtrad.exports.models import PreparedFile


def make(world, **fields):
    return PreparedFile.objects.create(
        kind="client_file",
        key=fields.pop("key", services.key_of({})),
        client=world.client,
        requested_by=world.manager,
        requested_at=fields.pop("requested_at", timezone.now()),
        **fields,
    )


def test_the_daily_clean_up_removes_expired_files_and_files_never_made(world):
    now = timezone.now()
    make(world, status=PreparedFile.Status.READY, expires_at=now - datetime.timedelta(seconds=1))
    kept = make(world, status=PreparedFile.Status.READY, expires_at=now + datetime.timedelta(minutes=1), key="b")
    make(world, requested_at=now - datetime.timedelta(minutes=11), key="c")
    waiting = make(world, requested_at=now - datetime.timedelta(minutes=9), key="d")
    assert services.remove_expired_files(now) == 2
    assert set(PreparedFile.objects.values_list("pk", flat=True)) == {kept.pk, waiting.pk}


def test_the_key_does_not_depend_on_the_order_of_the_parameters():
    assert services.key_of({"fran": "2026-01-01", "till": "2026-02-01"}) == services.key_of(
        {"till": "2026-02-01", "fran": "2026-01-01"}
    )


def test_the_daily_command_removes_what_is_past_its_time(world):
    make(world, status=PreparedFile.Status.READY, expires_at=timezone.now() - datetime.timedelta(seconds=1))
    out = io.StringIO()
    call_command("remove_expired_files", stdout=out)
    assert out.getvalue().strip() == "removed 1 prepared files"
    assert not PreparedFile.objects.exists()
