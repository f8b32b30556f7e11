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


def test_postgresql_binds_on_the_server_and_keeps_connections(monkeypatch):
    """Server-side binding is what lets psycopg prepare statements (rodtrad/lib/prepared.py), and
    what a worker prepared serves it only while its connection lives."""
    from rodtrad.settings.base import database_from_environment

    monkeypatch.setenv("DATABASE_URL", "postgres://rodtrad@db.example.se:5432/rodtrad")
    config = database_from_environment()
    assert config["OPTIONS"]["server_side_binding"] is True
    assert config["CONN_MAX_AGE"] == 600


def test_a_secret_key_is_generated_once_into_var_and_kept(tmp_path):
    from rodtrad.settings.secret import secret_key_in

    key = secret_key_in(tmp_path / "var")
    assert len(key) >= 50
    assert secret_key_in(tmp_path / "var") == key
    assert (tmp_path / "var" / "secret_key").stat().st_mode & 0o077 == 0
    assert [path.name for path in (tmp_path / "var").iterdir()] == ["secret_key"]


def test_the_unit_settings_run_with_debug_off_and_sqlite_taking_the_write_lock_at_the_start(tmp_path):
    """`make run`'s settings: DEBUG off, WhiteNoise, ordinary cookies over plain HTTP (marked
    Secure per request over TLS), and SQLite in WAL mode with BEGIN IMMEDIATE and a busy timeout."""
    query = (
        "from django.conf import settings as s; from django.db import connection as c; "
        "c.ensure_connection(); print(s.DEBUG, s.SESSION_COOKIE_SECURE, c.transaction_mode, "
        "c.cursor().execute('PRAGMA journal_mode').fetchone()[0], c.cursor().execute('PRAGMA busy_timeout').fetchone()[0], "
        "'whitenoise.middleware.WhiteNoiseMiddleware' in s.MIDDLEWARE, s.MIDDLEWARE[0])"
    )
    result = run_manage(
        "shell",
        "-c",
        query,
        DJANGO_SETTINGS_MODULE="rodtrad.settings.unit",
        RODTRAD_VAR_DIR=str(tmp_path),
        # The embedded default, whichever database the suite runs on.
        DATABASE_URL="",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1].split() == [
        "False",
        "False",
        "IMMEDIATE",
        "wal",
        "20000",
        "True",
        "rodtrad.core.secure_cookies.middleware",
    ]


@pytest.mark.django_db
def test_the_shared_cache_is_the_databases_table_every_worker_sees():
    """Issue 17's rate limits and anything else whose staleness matters live there, not in one
    process: a value set is read back from the table by a fresh handle, as another worker would."""
    from django.core.cache import caches
    from django.core.cache.backends.db import DatabaseCache

    shared = caches["default"]
    assert isinstance(shared, DatabaseCache)
    shared.set("rodtrad-test", 42)
    other_worker = DatabaseCache(settings.CACHES["default"]["LOCATION"], {})
    assert other_worker.get("rodtrad-test") == 42
