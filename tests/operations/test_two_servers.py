"""Several app servers on one database: two gunicorn processes with the production settings share
everything that must be shared. A session begun on one is valid on the other, a draft saved
through one is read through the other at once, and signing out on one ends the session on both.
Nothing of it lives in a server's own memory (docs/operations.md, "Several app servers")."""

import sqlite3

import pytest
from django.contrib.auth.hashers import Argon2PasswordHasher
from django.db import connection
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from ..servers import Browser, free_ports, gunicorn, production_environment

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "två-servrar-en-databas"


@pytest.fixture
def database_url(world, tmp_path):
    """The test database as the servers reach it: PostgreSQL's test database itself (this test
    commits its rows), or for SQLite, whose test database lives in this process's memory, a copy of
    it in a file, made with the online backup API."""
    world.staff.password = Argon2PasswordHasher().encode(PASSWORD, Argon2PasswordHasher().salt())
    world.staff.save()
    # Production requires a second factor for a password: the staff member's authenticator app.
    TOTPDevice.objects.create(user=world.staff, name="Telefon", confirmed=True)
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        path = tmp_path / "shared.sqlite3"
        target = sqlite3.connect(path)
        connection.ensure_connection()
        connection.connection.backup(target)
        target.close()
        return f"sqlite:///{path}"
    host, port = settings["HOST"] or "127.0.0.1", settings["PORT"] or 5432
    return f"postgres://{settings['USER']}@{host}:{port}/{settings['NAME']}"


def one_time_code(user):
    device = TOTPDevice.objects.get(user=user)
    return f"{TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).token():06d}"


def test_a_write_through_one_server_is_read_through_the_other_at_once(world, database_url, server_var_dir):
    environment = production_environment(database_url, server_var_dir)
    first_port, second_port = free_ports(2)
    with gunicorn(first_port, environment), gunicorn(second_port, environment):
        first = Browser(first_port)
        first.sign_in("staff", PASSWORD, code=lambda: one_time_code(world.staff))
        # The session begun on the first server, sent to the second.
        second = Browser(second_port, cookies=first.cookies)
        journal = f"/brukare/{world.client.pk}/journal/"
        assert second.get(journal).status == 200

        saved = first.post(journal + "utkast/spara/", {"text": "Elsa ville gå ut i snön", "category": "", "entry": ""})
        assert saved.header("X-Draft-Status") == "saved"
        draft = second.get(f"{journal}{saved.header('X-Draft-Id')}/andra/")
        assert draft.status == 200
        assert "Elsa ville gå ut i snön" in draft.text

        assert second.post("/konto/logga-ut/", {}).status == 302
        assert first.get(journal).status == 302
