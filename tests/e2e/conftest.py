"""Browser tests: Playwright drives Debian's chromium against Django's live server.

Nothing is downloaded: the browser is /usr/bin/chromium (apt) and axe-core comes from npm
(`make test` runs `npm ci`). When either is missing the browser tests are skipped on a
developer's machine, but fail on CI (CI=true), so that CI can never pass by skipping them."""

import os
import threading
from importlib import import_module
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in the test thread; Django then refuses database
# access from that thread unless told that this is deliberate. Set before anything touches the DB.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

from django.apps import apps as django_apps
from django.core.servers.basehttp import ThreadedWSGIServer
from django.test.testcases import LiveServerThread
from playwright.sync_api import Page, expect

from rodtrad.core import demo

E2E_DIR = Path(__file__).resolve().parent
REPO_ROOT = E2E_DIR.parent.parent
CHROMIUM = Path("/usr/bin/chromium")
AXE_SCRIPT = REPO_ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
# axe reports impacts minor, moderate, serious and critical; these two fail a test.
FAILING_IMPACTS = ("serious", "critical")


class OneRequestAtATimeOnSharedSQLite(ThreadedWSGIServer):
    """The live server, handling one request at a time when it shares the test's SQLite.

    With in-memory SQLite every request thread uses the test's one connection. A browser sends
    requests side by side (an autosave still running when "Granska och signera" is clicked),
    and two requests in one connection break each other's savepoints: "no such savepoint",
    then a broken transaction. A user's server has a connection per request, so this is a test
    artefact; the lock is held per request, not per keep-alive connection, so a browser's idle
    second connection cannot block the first. PostgreSQL keeps real concurrency."""

    def __init__(self, *args, connections_override=None, **kwargs):
        super().__init__(*args, connections_override=connections_override, **kwargs)
        self._request_lock = threading.Lock() if connections_override else None

    def set_app(self, application):
        if self._request_lock is None:
            return super().set_app(application)

        def one_at_a_time(environ, start_response):
            with self._request_lock:
                return application(environ, start_response)

        super().set_app(one_at_a_time)


# pytest-django builds its live server from this class; it offers no other way in.
LiveServerThread.server_class = OneRequestAtATimeOnSharedSQLite


def pytest_collection_modifyitems(items):
    for item in items:
        if E2E_DIR in item.path.parents:
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session", autouse=True)
def browser_tools():
    """Skip (locally) or fail (on CI) when the browser or axe-core is not installed."""
    missing = []
    if not CHROMIUM.exists():
        missing.append(f"{CHROMIUM} (apt-get install --no-install-recommends chromium)")
    if not AXE_SCRIPT.exists():
        missing.append(f"{AXE_SCRIPT.relative_to(REPO_ROOT)} (npm ci)")
    if missing:
        reason = "browser tests need " + " and ".join(missing)
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason}; on CI they must run, not be skipped", pytrace=False)
        pytest.skip(reason)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args, browser_tools):
    return {**browser_type_launch_args, "executable_path": str(CHROMIUM), "args": CHROMIUM_ARGS}


REFERENCE_DATA_MIGRATIONS = [
    "rodtrad.clients.migrations.0003_service_catalogue",
    "rodtrad.plans.migrations.0002_default_template",
]


@pytest.fixture
def demo_data(transactional_db):
    """The invented demo organisation, in the database the live server reads.

    The live server runs in another thread, so the data must be committed: transactional_db,
    which empties every table after each test, the service catalogue that a migration wrote
    included. Serialized rollback cannot put it back here: once Playwright runs its event loop,
    Django hands this thread a new connection object without the serialized copy. So the
    reference data the migrations wrote (the service catalogue, the default plan template) is
    seeded again, idempotently, before the demo data refers to it."""
    for migration in REFERENCE_DATA_MIGRATIONS:
        import_module(migration).seed(django_apps, schema_editor=None)
    demo.load()


def _format_violations(violations):
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']} <{violation['helpUrl']}>")
        for node in violation["nodes"]:
            target = " ".join(str(part) for part in node["target"])
            lines.append(f"    {target}: {node['html'][:160]}")
    return "\n".join(lines)


def check_accessible(page: Page):
    """Run axe-core on the page as it is now; fail listing every serious or critical violation."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_SCRIPT))
    violations = page.evaluate(
        """async () => {
            const results = await axe.run(document, {resultTypes: ["violations"]});
            return results.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                nodes: v.nodes.map(n => ({target: n.target, html: n.html})),
            }));
        }"""
    )
    serious = [v for v in violations if v["impact"] in FAILING_IMPACTS]
    if serious:
        pytest.fail(f"Accessibility violations on {page.url}:\n{_format_violations(serious)}", pytrace=False)


@pytest.fixture
def assert_accessible():
    """`assert_accessible(page)`: axe-core finds nothing serious or critical on the page."""
    return check_accessible


def sign_in_as(page: Page, live_server, username: str):
    """Sign in through the login form as a demo user and wait until signed in."""
    page.goto(f"{live_server.url}/konto/logga-in/")
    page.get_by_label("Användarnamn").fill(username)
    page.get_by_label("Lösenord").fill(demo.PASSWORD)
    page.get_by_role("button", name="Logga in").click()
    expect(page.get_by_role("button", name="Logga ut")).to_be_visible()


@pytest.fixture
def sign_in():
    """`sign_in(page, live_server, username)`."""
    return sign_in_as
