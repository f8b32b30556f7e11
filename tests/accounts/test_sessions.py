"""The idle time-out is renewed by each request, written at most once a minute (accounts/sessions.py)."""

import datetime

from django.conf import settings
from django.contrib.sessions.models import Session
from django.utils import timezone

from rodtrad.accounts.sessions import SessionStore

IDLE = datetime.timedelta(seconds=settings.SESSION_COOKIE_AGE)


def stored_expiry(client):
    return Session.objects.get(session_key=client.session.session_key).expire_date


def last_request_ago(client, minutes):
    """As if the session's last renewal were `minutes` ago."""
    Session.objects.filter(session_key=client.session.session_key).update(
        expire_date=timezone.now() + IDLE - datetime.timedelta(minutes=minutes)
    )


def test_a_request_after_some_idle_minutes_moves_the_sign_out_to_thirty_minutes_from_now(client, world):
    client.force_login(world.staff)
    last_request_ago(client, 10)
    before = timezone.now()
    assert client.get("/").status_code == 200
    assert before + IDLE <= stored_expiry(client) <= timezone.now() + IDLE


def test_requests_within_the_same_minute_do_not_write_the_session_again(client, world):
    client.force_login(world.staff)
    last_request_ago(client, 0)
    renewed = stored_expiry(client)
    assert client.get("/").status_code == 200
    assert stored_expiry(client) == renewed


def test_a_session_is_never_left_with_less_than_twenty_nine_idle_minutes_after_a_request(client, world):
    client.force_login(world.staff)
    last_request_ago(client, 1.5)
    assert client.get("/").status_code == 200
    assert stored_expiry(client) - timezone.now() > IDLE - datetime.timedelta(minutes=1)


def test_what_changes_in_the_session_is_written_at_once(client, world):
    client.force_login(world.staff)
    last_request_ago(client, 0)
    session = SessionStore(client.session.session_key)
    session["seen"] = "yes"
    session.save()
    assert SessionStore(session.session_key)["seen"] == "yes"


def test_an_idle_session_ended_in_the_database_signs_the_user_out(client, world):
    client.force_login(world.staff)
    last_request_ago(client, 31)
    assert client.get("/").status_code == 302
