"""Every page each demo user reaches, at 375×812: nothing scrolls sideways or is cut off, axe finds
nothing serious, and the text is Swedish (no English month, no raw code, no "---------").

The pages are found, not listed: every URL pattern of the project (the Django admin's from the
models registered in it), with its ids filled from the demo data as the signed-in user can see
it: the clients they may see, and those clients' plans, goals, entries, contacts... (up to
CANDIDATES addresses per pattern; the first one the user reaches is the page). A new
URL is visited the moment it exists; one that needs an id of a kind not known below fails the
test until a line is added to OBJECT_IDS. A page answering 404, 403 or 405 (a POST-only view) to
a user is not one they reach. Every pattern must be reached by some demo user, or be named in
NOT_PAGES with the reason.

Reused by later issues (need-to-know, security): `reachable_pages(user)` gives the pages."""

import re
from dataclasses import dataclass

import pytest
from django.contrib import admin
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from playwright.sync_api import expect

from rodtrad.accounts.models import User
from rodtrad.clients.models import Client, ProtectedDetailsGrant
from rodtrad.core import demo
from rodtrad.journal.models import Entry
from rodtrad.oversight import services as oversight_services
from rodtrad.oversight.catalogue import RULES
from rodtrad.oversight.models import SpotCheck
from rodtrad.plans.models import Goal, PlanItem, PlanPeriod

from .conftest import check_accessible

WIDTH, HEIGHT = 375, 812

# Patterns that are no page a user opens: what they are, instead.
NOT_PAGES = {
    "accounts:logout": "a POST that signs out",
    "accounts:login": "visited signed out by test_the_sign_in_page_fits_a_phone",
    # Steps of signing in through the municipality's identity provider, no pages: tests/signin.
    "accounts:oidc_login": "a redirect to the OpenID Connect provider",
    "accounts:oidc_callback": "the provider's answer",
    "accounts:saml_login": "a redirect to the SAML identity provider",
    "accounts:saml_acs": "the SAML identity provider's answer (a POST)",
    "accounts:saml_metadata": "XML for the federation, not a page",
    "followup:new_period": (
        "open only after a finished yearly follow-up that has no newer period yet, which the demo data does not "
        "hold (Sven's has its new period): tests/e2e/test_followup.py checks it at 375 px (check_fits_phone)"
    ),
}

# What a user reads that must never be there.
ENGLISH_MONTH = re.compile(r"\b\d{1,2}\.? (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\.?\b", re.IGNORECASE)
SHORT_SWEDISH_MONTH = re.compile(r"\b\d{1,2} (jan|feb|mar|apr|jun|jul|aug|sep|sept|okt|nov|dec)\.? \d{4}\b")
RAW_CODE = re.compile(r"\b[a-z]+(?:_[a-z]+)+\b")


def clients_of(user, limit=8):
    """The clients the user may see, those with the most in their record first."""

    def weight(client):
        periods = PlanPeriod.objects.filter(plan__client=client)
        return (periods.count(), client.journal_entries.count(), client.consents.count() + client.contacts.count())

    return sorted(Client.objects.visible_to(user), key=weight, reverse=True)[:limit]


def _spot_checks(user):
    checks = list(SpotCheck.objects.filter(unit__memberships__user=user).distinct()[:1])
    managed = user.memberships.filter(role="manager").first()
    if not checks and managed is not None:
        checks = [oversight_services.draw_spot_check(managed.unit, user=user)]
    return [{"spot_check_id": check.pk} for check in checks]


def _periods(client):
    return list(PlanPeriod.objects.filter(plan__client=client).order_by("-starts_on", "-pk"))


def _items(client):
    return [
        {"item_id": item.pk, "period_id": item.period_id}
        for period in _periods(client)
        for item in PlanItem.objects.filter(period=period).order_by("pk")[:1]
    ]


def _goals(client):
    return [
        {"goal_id": goal.pk, "item_id": goal.item_id, "period_id": goal.item.period_id}
        for period in _periods(client)
        for goal in Goal.objects.filter(item__period=period).select_related("item").order_by("pk")[:1]
    ]


def _entries(user, client):
    drafts = Entry.objects.filter(client=client, author=user, signed_at__isnull=True).order_by("pk")[:1]
    signed = Entry.objects.filter(client=client, signed_at__isnull=False).order_by("pk")[:1]
    return [{"entry_id": entry.pk} for entry in [*drafts, *signed]]


def _first(name, objects):
    return [{name: obj.pk} for obj in objects[:2]]


# kwarg -> function (user, client) giving the candidate values of it (and of the ids it implies:
# a goal's plan item and period), from what the user can see. One line per kind of object.
OBJECT_IDS = {
    "goal_id": lambda user, client: _goals(client),
    "item_id": lambda user, client: _items(client),
    "period_id": lambda user, client: [{"period_id": period.pk} for period in _periods(client)],
    "order_id": lambda user, client: _first("order_id", list(client.orders.order_by("pk"))),
    "contact_id": lambda user, client: _first("contact_id", list(client.contacts.order_by("pk"))),
    "consent_id": lambda user, client: _first("consent_id", list(client.consents.order_by("pk"))),
    "grant_id": lambda user, client: _first(
        "grant_id", list(ProtectedDetailsGrant.objects.filter(client=client).order_by("pk"))
    ),
    "entry_id": _entries,
    "spot_check_id": lambda user, client: _spot_checks(user),
    "unit_id": lambda user, client: [
        {"unit_id": membership.unit_id} for membership in user.memberships.order_by("-role", "pk")[:2]
    ],
}
# Values of a kwarg that is no object: every value there is.
KEY_VALUES = {"key": [rule.key for rule in RULES]}
# Candidate addresses tried per pattern and user: the first the user reaches is the page.
CANDIDATES = 12


def patterns(resolver=None, namespace=""):
    """(name, kwargs) of every URL pattern outside the admin."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace == "admin":
                continue
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from patterns(entry, inner)
        elif isinstance(entry, URLPattern):
            yield f"{namespace}{entry.name}", sorted(entry.pattern.regex.groupindex)


def admin_pages():
    """The admin's index, each app's page, and for each registered model its list, add form,
    and the change form, history and delete confirmation of its first object."""
    pages = [("admin:index", reverse("admin:index"))]
    apps = set()
    for model, _model_admin in admin.site._registry.items():
        meta = model._meta
        apps.add(meta.app_label)
        prefix = f"admin:{meta.app_label}_{meta.model_name}"
        pages.append((f"{prefix}_changelist", reverse(f"{prefix}_changelist")))
        pages.append((f"{prefix}_add", reverse(f"{prefix}_add")))
        first = model._default_manager.order_by("pk").first()
        if first is not None:
            for view in ("change", "history", "delete"):
                pages.append((f"{prefix}_{view}", reverse(f"{prefix}_{view}", args=[first.pk])))
    pages.extend(("admin:app_list", reverse("admin:app_list", args=[app])) for app in sorted(apps))
    return pages


@dataclass(frozen=True)
class Page:
    name: str
    urls: list


def _candidates(user, clients, kwargs):
    """Sets of values for `kwargs`: per client, the product of each kind's candidates."""
    kinds = [kwarg for kwarg in kwargs if kwarg in OBJECT_IDS]
    # A goal's candidates name its plan item and period too: the deepest kind decides.
    for deeper, implied in (("goal_id", ("item_id", "period_id")), ("item_id", ("period_id",))):
        if deeper in kinds:
            kinds = [kind for kind in kinds if kind not in implied]
    for client in clients if "client_id" in kwargs else [None]:
        combos = [{"client_id": client.pk} if client else {}]
        for kind in kinds:
            combos = [{**combo, **value} for combo in combos for value in OBJECT_IDS[kind](user, client)]
        yield from combos


def reachable_pages(user):
    """Every page a user may try, as (pattern name, candidate addresses): each pattern with its
    ids from what the user can see. A user reaches the pattern at the first candidate that
    answers them."""
    clients = clients_of(user)
    pages = []
    for name, kwargs in patterns():
        if name in NOT_PAGES:
            continue
        unknown = [kwarg for kwarg in kwargs if kwarg not in {*OBJECT_IDS, *KEY_VALUES, "client_id"}]
        if unknown:
            pytest.fail(f"{name} takes {unknown}: add a line for it to OBJECT_IDS in {__file__}")
        combos = []
        for combo in _candidates(user, clients, kwargs):
            if set(combo) >= set(kwargs) - set(KEY_VALUES):
                combos.append({kwarg: combo[kwarg] for kwarg in kwargs if kwarg not in KEY_VALUES})
            if len(combos) >= CANDIDATES:
                break
        keys = [kwarg for kwarg in kwargs if kwarg in KEY_VALUES]
        if keys:
            # Every list of the overview is its own page.
            for value in KEY_VALUES[keys[0]]:
                pages.extend(Page(name, [reverse(name, kwargs={**combo, keys[0]: value})]) for combo in combos[:1])
        elif combos:
            pages.append(Page(name, [reverse(name, kwargs=combo) for combo in combos]))
    if user.is_staff:
        pages.extend(Page(name, [url]) for name, url in admin_pages())
    return pages


OVERFLOW_SCRIPT = """() => {
    const width = document.documentElement.clientWidth;
    const problems = [];
    if (document.documentElement.scrollWidth > width) {
        problems.push(`the page is ${document.documentElement.scrollWidth} px wide`);
    }
    for (const element of document.body.querySelectorAll("*")) {
        const style = getComputedStyle(element);
        if (style.display === "none" || style.visibility === "hidden") continue;
        if (element.closest(".visually-hidden, [hidden], script, style, svg, noscript")) continue;
        const box = element.getBoundingClientRect();
        if (box.width === 0 || box.height === 0) continue;
        // Scrolls inside its own container: allowed (a wide table in .table-wrap).
        // An icon button whose words are moved out of sight (text-indent) says them to screen readers only.
        const clips = ["hidden", "clip"].includes(style.overflowX) && parseFloat(style.textIndent) >= 0;
        if (clips && element.scrollWidth > element.clientWidth + 1 && !["TEXTAREA", "SELECT", "INPUT"].includes(element.tagName)) {
            problems.push(`${element.tagName.toLowerCase()}.${element.className} cuts its content off`);
        }
        if (box.right > width + 1 && !element.closest("[data-scrolls], .table-wrap, .marked-text")) {
            let scroller = element.parentElement, inside = false;
            while (scroller && scroller !== document.body) {
                const s = getComputedStyle(scroller).overflowX;
                if (s === "auto" || s === "scroll") { inside = true; break; }
                scroller = scroller.parentElement;
            }
            if (!inside) problems.push(`${element.tagName.toLowerCase()}.${element.className} reaches ${Math.round(box.right)} px`);
        }
    }
    return problems.slice(0, 10);
}"""


def text_problems(text: str) -> list[str]:
    problems = []
    for pattern, what in ((ENGLISH_MONTH, "an English month"), (SHORT_SWEDISH_MONTH, "a short month")):
        found = pattern.search(text)
        if found:
            problems.append(f"{what}: {found.group(0)!r}")
    if "---------" in text:
        problems.append("a '---------' choice")
    codes = sorted(set(RAW_CODE.findall(text)))
    if codes:
        problems.append(f"raw codes: {codes[:5]}")
    return problems


def visible_text(page) -> str:
    """What the page shows in words, the choices of its selects included."""
    return page.evaluate(
        """() => document.body.innerText + "\\n" +
            Array.from(document.querySelectorAll("select option")).map(o => o.textContent).join("\\n")"""
    )


def check_fits_phone(page):
    """Nothing wider than the screen or cut off, and only Swedish words, on the page as it is."""
    problems = page.evaluate(OVERFLOW_SCRIPT) + text_problems(visible_text(page))
    assert not problems, f"{page.url}: " + "; ".join(problems)


def check_page(page, url, *, run_axe):
    # Asked first without rendering (the browser's cookies): refusals, PDFs and files are not shown.
    asked = page.context.request.get(url, max_redirects=0)
    status = asked.status
    if status in (403, 404, 405):
        return status
    assert status < 500, f"{url} answered {status}"
    if status != 200 or "text/html" not in (asked.headers.get("content-type") or ""):
        return status
    if not asked.text().lstrip().lower().startswith("<!doctype html"):
        # A fragment for htmx (the goal sentence's preview, the journal's filters): checked
        # where it is shown, in its page.
        return status
    page.goto(url)
    page.wait_for_load_state("networkidle")
    check_fits_phone(page)
    if run_axe:
        check_accessible(page)
    return status


@pytest.mark.parametrize("username", [username for username, _who in demo.DEMO_LOGINS])
def test_every_page_a_demo_user_reaches_fits_a_phone_is_accessible_and_swedish(
    username, browser, live_server, demo_data, sign_in
):
    context = browser.new_context(viewport={"width": WIDTH, "height": HEIGHT}, is_mobile=True, has_touch=True)
    page = context.new_page()
    sign_in(page, live_server, username)
    user = User.objects.get(username=username)
    reached, axed = [], set()
    for target in reachable_pages(user):
        for url in target.urls:
            status = check_page(page, live_server.url + url, run_axe=target.name not in axed)
            if status == 405:
                POST_ONLY.add(target.name)
                break
            if status not in (403, 404):
                reached.append(target.name)
                axed.add(target.name)
                break
    context.close()
    assert "clients:my_clients" in reached
    REACHED[username] = set(reached)


REACHED: dict[str, set[str]] = {}
# Views that answered a GET with 405: actions (POST), not pages.
POST_ONLY: set[str] = set()


def test_every_page_pattern_is_reached_by_some_demo_user():
    """Runs after the walks above (same module, in order): no pattern is left unvisited."""
    if len(REACHED) < len(demo.DEMO_LOGINS):
        pytest.skip("the walks did not all run")
    reached = set().union(*REACHED.values())
    names = {name for name, _kwargs in patterns()} - set(NOT_PAGES)
    # POST-only views answer a GET with 405: they are actions, not pages.
    unreached = sorted(name for name in names if name not in reached and name not in POST_ONLY)
    assert not unreached, f"no demo user reaches {unreached}"


def test_the_sign_in_page_fits_a_phone(browser, live_server, demo_data):
    context = browser.new_context(viewport={"width": WIDTH, "height": HEIGHT}, is_mobile=True, has_touch=True)
    page = context.new_page()
    assert check_page(page, live_server.url + reverse("accounts:login"), run_axe=True) == 200
    expect(page.get_by_label("Användarnamn")).to_be_visible()
    context.close()
