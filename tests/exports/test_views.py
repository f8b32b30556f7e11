"""A file made in the background, as a user meets it: the address answers 202 with a Swedish page
that reloads itself, the worker makes the file, the same address then answers the PDF, for the
user who asked and only while they may see the client; every step is in the audit log."""

import datetime

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from rodtrad.accounts.models import Membership
from rodtrad.audit.models import AccessEvent, Action
from rodtrad.exports.models import PreparedFile

from ..factories import MembershipFactory, SignedEntryFactory
from ..jobs import run_jobs


def file_url(client):
    return f"/brukare/{client.pk}/akt.pdf"


def waiting_jobs():
    return DBTaskResult.objects.ready().count()


@pytest.fixture
def journal(world):
    SignedEntryFactory(client=world.client, author=world.staff, text="Elsa bakade bullar med Karim.")


def test_the_first_request_answers_202_with_a_page_that_asks_again_by_itself(world, as_user, journal):
    response = as_user(world.manager).get(file_url(world.client))
    assert response.status_code == 202
    assert response["Retry-After"] == "3"
    page = response.content.decode()
    assert f'hx-get="{file_url(world.client)}" hx-trigger="every 3s" hx-swap="none"' in page
    # A reload only without script: a page that reloads itself fails WCAG's timing rule.
    assert '<noscript><meta http-equiv="refresh" content="3"></noscript>' in page
    assert "Filen förbereds" in page
    assert "Filen för Elsa Lindqvist framställs." in page
    assert waiting_jobs() == 1


def test_the_pages_poll_answers_202_while_waiting_and_then_sends_the_browser_to_the_file(
    world, as_user, journal, monkeypatch
):
    browser = as_user(world.manager)
    browser.get(file_url(world.client))
    waiting = browser.get(file_url(world.client), HTTP_HX_REQUEST="true")
    assert (waiting.status_code, waiting.content, waiting.has_header("HX-Redirect")) == (202, b"", False)
    run_jobs(monkeypatch)
    ready = browser.get(file_url(world.client), HTTP_HX_REQUEST="true")
    assert (ready.status_code, ready["HX-Redirect"]) == (200, file_url(world.client))
    # The poll fetched nothing: the file is still there, unfetched, for the page it sends on.
    assert PreparedFile.objects.get().fetched_at is None
    assert not AccessEvent.objects.filter(detail="fil hämtad").exists()
    assert browser.get(file_url(world.client))["Content-Type"] == "application/pdf"


def test_reloading_while_waiting_starts_no_second_job_and_is_logged_as_a_view(world, as_user, journal):
    browser = as_user(world.manager)
    browser.get(file_url(world.client))
    assert browser.get(file_url(world.client)).status_code == 202
    assert waiting_jobs() == 1
    events = AccessEvent.objects.filter(client=world.client).order_by("pk")
    assert [(event.action, event.detail) for event in events] == [
        (Action.EXPORT, "fil beställd"),
        (Action.VIEW, "väntar på filen"),
    ]


def test_once_made_the_same_address_answers_the_pdf_inline(world, as_user, journal, monkeypatch):
    browser = as_user(world.manager)
    browser.get(file_url(world.client))
    run_jobs(monkeypatch)
    response = browser.get(file_url(world.client))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith(f'inline; filename="genomforandeakt-{world.client.pk}-')
    assert response["Cache-Control"] == "no-store"
    assert response.content.startswith(b"%PDF")


def test_a_fetched_file_is_kept_two_minutes_and_then_removed_by_its_job(world, as_user, journal, monkeypatch):
    browser = as_user(world.manager)
    browser.get(file_url(world.client))
    run_jobs(monkeypatch)
    prepared = PreparedFile.objects.get()
    assert prepared.expires_at - prepared.ready_at == datetime.timedelta(minutes=15)
    before = timezone.now()
    browser.get(file_url(world.client))
    prepared.refresh_from_db()
    assert before < prepared.expires_at <= timezone.now() + datetime.timedelta(minutes=2)
    # The removal jobs wait for their time: then the one enqueued at the fetch removes the file.
    assert DBTaskResult.objects.filter(task_path="rodtrad.exports.jobs.remove_expired").count() == 2
    DBTaskResult.objects.update(run_after=timezone.now() - datetime.timedelta(seconds=1))
    PreparedFile.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    run_jobs(monkeypatch)
    assert not PreparedFile.objects.exists()


def test_an_expired_file_is_not_served_and_the_next_request_makes_a_new_one(world, as_user, journal, monkeypatch):
    browser = as_user(world.manager)
    browser.get(file_url(world.client))
    run_jobs(monkeypatch)
    PreparedFile.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    assert browser.get(file_url(world.client)).status_code == 202
    assert PreparedFile.objects.get().status == PreparedFile.Status.PENDING


def test_the_file_is_only_for_the_user_who_asked(world, as_user, journal, monkeypatch, client):
    as_user(world.manager).get(file_url(world.client))
    run_jobs(monkeypatch)
    colleague = MembershipFactory(unit=world.unit, role=Membership.Role.MANAGER, user__username="colleague").user
    # Another manager of the unit gets a file of their own, made for them, not the first one's.
    assert as_user(colleague).get(file_url(world.client)).status_code == 202
    assert PreparedFile.objects.filter(requested_by=colleague, status=PreparedFile.Status.PENDING).exists()


def test_support_staff_and_other_units_get_404_and_no_job(world, as_user, journal):
    assert as_user(world.staff).get(file_url(world.client)).status_code == 404
    assert as_user(world.outside_manager).get(file_url(world.client)).status_code == 404
    assert waiting_jobs() == 0
    assert not PreparedFile.objects.exists()


def test_a_right_lost_before_the_job_runs_makes_no_file(world, as_user, journal, monkeypatch):
    browser = as_user(world.manager)
    browser.get(file_url(world.client))
    Membership.objects.filter(user=world.manager).delete()
    run_jobs(monkeypatch)
    assert not PreparedFile.objects.exists()
    assert not AccessEvent.objects.filter(detail="fil framställd").exists()
    assert browser.get(file_url(world.client)).status_code == 404


def test_the_job_records_the_export_for_the_user_with_the_requests_address(world, as_user, journal, monkeypatch):
    as_user(world.manager).get(file_url(world.client), REMOTE_ADDR="10.1.2.3")
    run_jobs(monkeypatch)
    made = AccessEvent.objects.get(detail="fil framställd")
    assert (made.user, made.client, made.action, made.object_type) == (
        world.manager,
        world.client,
        Action.EXPORT,
        "client_file",
    )
    assert (made.path, made.ip_address) == ("manage.py db_worker make_client_file", "10.1.2.3")


def test_a_failed_job_says_so_in_swedish_once_and_the_next_request_starts_again(world, as_user, journal, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("the PDF engine fell over")

    monkeypatch.setattr("rodtrad.documents.jobs.client_file_pdf", broken)
    browser = as_user(world.manager)
    browser.get(file_url(world.client))
    run_jobs(monkeypatch)
    assert DBTaskResult.objects.failed().count() == 1
    response = browser.get(file_url(world.client))
    assert response.status_code == 500
    assert "Filen kunde inte framställas" in response.content.decode()
    assert browser.get(file_url(world.client)).status_code == 202
    assert waiting_jobs() == 1


def test_a_job_the_queue_gave_up_on_counts_as_failed(world, as_user, journal):
    browser = as_user(world.manager)
    browser.get(file_url(world.client))
    DBTaskResult.objects.update(status="FAILED")
    assert browser.get(file_url(world.client)).status_code == 500


def test_a_file_never_made_in_time_counts_as_failed(world, as_user, journal):
    browser = as_user(world.manager)
    browser.get(file_url(world.client))
    PreparedFile.objects.update(requested_at=timezone.now() - datetime.timedelta(minutes=11))
    assert browser.get(file_url(world.client)).status_code == 500
