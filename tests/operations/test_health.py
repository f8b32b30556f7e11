"""`/halsa/` for a load balancer: 200 with the database, the migrations and the job queue in
order, 503 when one is not, without signing in and without personal data."""

import ast

import pytest
from django.db import DatabaseError
from django.db.migrations.executor import MigrationExecutor
from django.test import Client
from django_tasks_db.models import DBTaskResult

from rodtrad.operations import health

from ..test_settings import production, run_manage


@pytest.fixture
def anonymous():
    return Client()


def test_a_healthy_server_answers_200_without_sign_in(db, anonymous):
    response = anonymous.get("/halsa/")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["database"]["ok"] and body["migrations"] == {"ok": True, "unapplied": 0}
    assert body["queue"] == {"ok": True, "waiting": 0, "oldest_waiting_seconds": 0}
    assert response["Cache-Control"].startswith("max-age=0")


def test_the_queue_s_waiting_jobs_are_counted(world, as_user, anonymous):
    as_user(world.manager).get(f"/brukare/{world.client.pk}/akt.pdf")
    assert anonymous.get("/halsa/").json()["queue"]["waiting"] == DBTaskResult.objects.ready().count() == 1


def test_an_unapplied_migration_answers_503(db, anonymous, monkeypatch):
    monkeypatch.setattr(MigrationExecutor, "migration_plan", lambda self, targets: [("a migration", False)])
    response = anonymous.get("/halsa/")
    assert response.status_code == 503
    assert response.json()["migrations"] == {"ok": False, "unapplied": 1}
    assert response.json()["status"] == "fail"


def test_a_database_that_does_not_answer_gives_503_and_names_no_data(db, anonymous, monkeypatch):
    def down():
        raise DatabaseError('connection refused for "Elsa Lindqvist" 19121212-1212')

    monkeypatch.setitem(health.CHECKS, "database", down)
    response = anonymous.get("/halsa/")
    assert response.status_code == 503
    assert response.json()["database"] == {"ok": False, "error": "DatabaseError"}
    assert "Elsa" not in response.content.decode()


def test_only_reading_is_allowed(db, anonymous):
    assert anonymous.post("/halsa/").status_code == 405


@pytest.mark.usefixtures("db")
def test_production_answers_the_probe_over_plain_http_and_redirects_the_rest(settings, anonymous):
    shown = run_manage(
        "shell", "-c", "from django.conf import settings; print(settings.SECURE_REDIRECT_EXEMPT)", **production()
    )
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_REDIRECT_EXEMPT = ast.literal_eval(shown.stdout.strip().splitlines()[-1])
    assert anonymous.get("/halsa/").status_code == 200
    assert anonymous.get("/konto/logga-in/").status_code == 301
