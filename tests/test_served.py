"""`make run` as a unit runs it: gunicorn on SQLite with DEBUG off, several staff at once.

The module starts `make run` itself (bench/shift.py's Served: a var/ directory of its own, a
free port, the demo data) and talks to it over HTTP like a browser would."""

import os
import re
import sqlite3
import stat
import threading

import pytest

from bench import shift

pytestmark = [
    pytest.mark.served,
    # `make run` serves the embedded default whatever DATABASE_URL says (Served clears it): run
    # once, with the SQLite suite, not again with the PostgreSQL one.
    pytest.mark.skipif(bool(os.environ.get("DATABASE_URL")), reason="make run on SQLite runs with the SQLite suite"),
]


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    server = shift.Served(tmp_path_factory.mktemp("make-run-var"))
    server.start()
    yield server
    server.stop()


def session(served):
    return shift.Session(served.url, [], threading.Lock())


def audit_events(served) -> int:
    with sqlite3.connect(served.var_dir / "rodtrad.sqlite3") as database:
        return database.execute("SELECT count(*) FROM audit_accessevent").fetchone()[0]


def test_six_sessions_at_once_get_no_server_error_and_every_view_is_audited(served):
    before = audit_events(served)
    figures = shift.measure(served.url, sessions=6, seconds=6)
    assert figures.failures == []
    assert figures.server_errors == 0, figures.statuses
    assert "database is locked" not in served.log()
    # The sessions really overlapped, and each page view wrote its audit event while others read.
    assert figures.most_in_flight >= 3
    assert figures.requests >= 30
    assert audit_events(served) - before >= figures.requests // 2


def test_served_by_gunicorn_with_the_workers_from_the_cores(served):
    log = served.log()
    assert "Starting gunicorn" in log
    assert log.count("Booting worker") == 2 * os.cpu_count() + 1


def test_a_client_the_user_may_not_see_answers_the_swedish_page_not_found(served):
    browser = session(served)
    browser.sign_in("personal")
    answer = browser.send("GET", "/brukare/999999/")
    assert answer.status == 404
    assert "Sidan finns inte" in answer.text
    # Never Django's debug page with the list of every URL.
    assert "URLconf" not in answer.text
    assert "Traceback" not in answer.text
    assert browser.send("GET", "/finns-inte/").status == 404


def test_static_files_come_from_whitenoise_under_names_that_change_with_their_content(served):
    page = session(served).send("GET", "/konto/logga-in/")
    stylesheet = re.search(r'href="(/static/rodtrad/rodtrad\.[0-9a-f]{12}\.css)"', page.text)
    assert stylesheet, "the stylesheet's name carries its hash"
    answer = session(served).send("GET", stylesheet.group(1))
    assert answer.status == 200
    assert "immutable" in answer.headers.get("Cache-Control", "")


def test_over_plain_http_signing_in_works_and_the_cookies_are_not_secure(served):
    browser = session(served)
    browser.sign_in("personal")
    assert {cookie.name for cookie in browser.cookies} >= {"sessionid", "csrftoken"}
    assert not any(cookie.secure for cookie in browser.cookies)
    answer = browser.send("GET", "/")
    assert answer.status == 200
    assert "Mina brukare" in answer.text


def test_behind_tls_the_cookies_are_secure(served):
    """A request that the proxy in front says came over TLS (X-Forwarded-Proto from loopback,
    which gunicorn trusts by default) gets Secure cookies."""
    answer = session(served).send("GET", "/konto/logga-in/", headers={"X-Forwarded-Proto": "https"})
    cookie = answer.headers["Set-Cookie"]
    assert cookie.startswith("csrftoken=")
    assert "Secure" in cookie


def test_the_secret_key_is_generated_once_and_kept_across_a_restart(served):
    key_file = served.var_dir / "secret_key"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    key = key_file.read_text()
    browser = session(served)
    browser.sign_in("personal")
    served.stop()
    served.start()
    assert key_file.read_text() == key
    # The session signed before the restart still holds: the key did not change.
    answer = browser.send("GET", "/")
    assert answer.status == 200
    # The demo data was loaded once: a second `make run` keeps what users wrote.
    assert "Demo data is already loaded" in served.log()
