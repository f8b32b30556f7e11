import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parent.parent


def run_manage(*args, **env):
    environment = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")} | env
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=environment, capture_output=True, text=True, check=False
    )


def production(**extra):
    return {
        "DJANGO_SETTINGS_MODULE": "rodtrad.settings.production",
        "DJANGO_SECRET_KEY": "prod-" + "k7Q2zX9pL4mN8vB1" * 4,
        "DJANGO_ALLOWED_HOSTS": "rodtrad.example.se",
    } | extra


def test_production_settings_pass_the_deployment_check_without_warnings():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", **production())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = run_manage("check", **production(DJANGO_SECRET_KEY=""))
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_production_refuses_demo_data():
    result = run_manage("load_demo", **production())
    assert result.returncode != 0
    assert "Demo data cannot be loaded" in result.stderr


def test_swedish_is_the_language_and_stockholm_the_time_zone():
    assert settings.LANGUAGE_CODE == "sv"
    assert settings.TIME_ZONE == "Europe/Stockholm"


def test_a_sqlite_file_named_in_database_url_sorts_swedish(tmp_path):
    """DATABASE_URL=sqlite:////path gets the backend with the "sv" collation, as the default file does."""
    query = "from django.db import connection; c = connection.cursor(); c.execute(\"SELECT 'ö' > 'z' COLLATE sv\"); print(c.fetchone()[0])"
    result = run_manage("shell", "-c", query, DATABASE_URL=f"sqlite:///{tmp_path / 'named.sqlite3'}")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "1"


def test_postgresql_statements_are_prepared_unless_turned_off(monkeypatch):
    from rodtrad.settings.base import database_from_environment

    monkeypatch.setenv("DATABASE_URL", "postgres://rodtrad@db.example.se:5432/rodtrad")
    monkeypatch.delenv("RODTRAD_DB_PREPARE", raising=False)
    config = database_from_environment()
    options = config["OPTIONS"]
    # What is prepared is kept: a connection lives ten minutes, not one request.
    assert config["CONN_MAX_AGE"] == 600
    assert options["server_side_binding"] is True
    assert options["prepare_threshold"] == 5

    monkeypatch.setenv("RODTRAD_DB_PREPARE", "0")
    assert database_from_environment()["OPTIONS"]["prepare_threshold"] is None


@pytest.mark.django_db
def test_a_recurring_query_is_planned_once_on_postgresql():
    from django.db import connection

    from rodtrad.accounts.models import Unit

    if connection.vendor != "postgresql":
        pytest.skip("prepared statements are PostgreSQL's")
    for _ in range(6):
        list(Unit.objects.filter(name="Solgläntan"))
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements WHERE statement LIKE %s", ['%"accounts_unit"%'])
        assert cursor.fetchall(), "the unit query was not prepared"
