from django.conf import settings
from django.contrib.auth.hashers import identify_hasher, make_password
from django.test import Client, override_settings

from rodtrad.settings import base

LOGIN = "/konto/logga-in/"


def test_pages_need_a_signed_in_user(client, world):
    response = client.get(f"/brukare/{world.client.pk}/")
    assert response.status_code == 302
    assert response["Location"].startswith(f"{LOGIN}?next=")


def test_sign_in_with_the_right_password_opens_my_clients(client, world):
    response = client.post(LOGIN, {"username": "staff", "password": "ett-langt-losenord"})
    assert response.status_code == 302
    assert response["Location"] == "/"


def test_a_wrong_password_gives_a_swedish_message_and_keeps_the_user_name(client, world):
    response = client.post(LOGIN, {"username": "staff", "password": "fel"})
    body = response.content.decode()
    assert "Ange ett korrekt användarnamn och lösenord" in body
    assert 'value="staff"' in body


def test_repeated_failures_lock_the_account_even_for_the_right_password(client, world):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(LOGIN, {"username": "staff", "password": "fel"})
    response = client.post(LOGIN, {"username": "staff", "password": "ett-langt-losenord"})
    assert response.status_code == 429
    assert "Inloggningen är spärrad" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_production_hashes_passwords_with_argon2():
    assert base.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")
    with override_settings(PASSWORD_HASHERS=base.PASSWORD_HASHERS):
        assert identify_hasher(make_password("ett-langt-losenord")).algorithm == "argon2"


def test_a_session_ends_after_thirty_idle_minutes_and_each_request_renews_it():
    assert base.SESSION_COOKIE_AGE == 30 * 60
    assert base.SESSION_SAVE_EVERY_REQUEST is True


def test_an_idle_session_is_signed_out(client, world):
    client.force_login(world.staff)
    session = client.session
    session.set_expiry(-1)
    session.save()
    assert client.get("/").status_code == 302


def test_sign_out_takes_a_post_and_ends_the_session(client, world):
    client.force_login(world.staff)
    assert client.get("/konto/logga-ut/").status_code == 405
    response = client.post("/konto/logga-ut/")
    assert response.status_code == 302
    assert client.get("/").status_code == 302


def test_state_changes_are_protected_by_csrf(world):
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(world.manager)
    assert strict.post("/konto/logga-ut/").status_code == 403
