"""Every URL pattern, with or without a client, asked by NetBox's four rows of users: nobody signed
in, someone of another unit, someone of the right unit without the role a page needs (for the
managers' pages), and someone with the right. Each view that takes both is asked with GET and
with POST.

The walk finds the patterns by itself and fails for one it has no line for in PAGES: a new view
is tested the moment its URL exists, once its line says who may use it and how. An id the walk
cannot fill needs one line in OBJECT_IDS naming where it comes from."""

from dataclasses import dataclass

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from rodtrad.audit.models import AccessEvent
from rodtrad.clients.models import ProtectedDetailsGrant
from rodtrad.oversight import services as oversight_services
from rodtrad.plans import services as plan_services
from rodtrad.plans.models import PlanPeriod, SectionTemplate

from .factories import ConsentFactory, ContactFactory, SignedEntryFactory
from .plan_data import goal_fields

PUBLIC = "public"  # anyone, signed in or not
SIGNED_IN = "signed in"  # anyone signed in; shows only what the user's own units hold
STAFF = "staff"  # a member of the client's unit
MANAGER = "manager"  # a manager (of the client's unit, for a client's page)
# An identity provider's side of signing in (OpenID Connect, SAML): asked with a configured
# provider in tests/signin/, not here; the walk only holds that it is listed.
IDENTITY_PROVIDER = "identity provider"


@dataclass(frozen=True)
class Page:
    methods: str = "GET"  # "GET", "POST" or "GET POST": what the view takes
    who: str = STAFF
    # What a POST sends, from the test world (by default nothing: a form refused is an answer too).
    posts: object = None


BOTH = "GET POST"

# url name -> who may use it and how. One line per view.
PAGES = {
    "operations:health": Page("GET", PUBLIC),
    "accounts:login": Page(BOTH, PUBLIC),
    "accounts:logout": Page("POST", PUBLIC),
    "accounts:oidc_login": Page("", IDENTITY_PROVIDER),
    "accounts:oidc_callback": Page("", IDENTITY_PROVIDER),
    "accounts:saml_login": Page("", IDENTITY_PROVIDER),
    "accounts:saml_acs": Page("", IDENTITY_PROVIDER),
    "accounts:saml_metadata": Page("", IDENTITY_PROVIDER),
    "accounts:two_factor": Page(BOTH, SIGNED_IN),
    "accounts:verify": Page(BOTH, SIGNED_IN),
    "accounts:totp_qr": Page("GET", SIGNED_IN),
    "accounts:totp_confirm": Page("POST", SIGNED_IN),
    "accounts:recovery_codes": Page("POST", SIGNED_IN),
    "accounts:unit_requirements": Page("GET", MANAGER),
    "accounts:set_unit_requirement": Page("POST", MANAGER),
    "otp_webauthn:credential-registration-begin": Page("POST", SIGNED_IN),
    "otp_webauthn:credential-registration-complete": Page("POST", SIGNED_IN),
    "otp_webauthn:credential-authentication-begin": Page("POST", SIGNED_IN),
    "otp_webauthn:credential-authentication-complete": Page("POST", SIGNED_IN),
    "otp_webauthn:js-i18n-catalog": Page("GET", SIGNED_IN),
    "audit:review": Page("GET", MANAGER),
    "audit:export_csv": Page("GET", MANAGER),
    "audit:client_log": Page("GET", MANAGER),
    "clients:my_clients": Page("GET", SIGNED_IN),
    "clients:register": Page(BOTH, MANAGER),
    "clients:detail": Page(),
    "clients:edit": Page(BOTH),
    "clients:order_new": Page(BOTH, MANAGER),
    "clients:order_end": Page(BOTH, MANAGER),
    "clients:order_file_sent": Page("POST", MANAGER),
    "clients:contacts": Page(),
    "clients:contact_new": Page(BOTH),
    "clients:contact_edit": Page(BOTH),
    "clients:contact_remove": Page("POST"),
    "clients:consents": Page(),
    "clients:consent_new": Page(BOTH),
    "clients:consent_review": Page(BOTH),
    "clients:consent_withdraw": Page(BOTH),
    "clients:protected_details": Page(BOTH, MANAGER),
    "clients:protected_details_revoke": Page("POST", MANAGER),
    "documents:client_file": Page("GET", MANAGER),
    "documents:plan_final": Page(),
    "documents:plan_plain": Page(),
    "plans:index": Page(BOTH),
    "plans:period": Page(),
    "plans:participation": Page(BOTH),
    "plans:signature": Page("POST"),
    "plans:establish": Page("POST"),
    "plans:risks": Page(BOTH),
    "plans:item_new": Page(BOTH),
    "plans:item_edit": Page(BOTH),
    "plans:goal_new": Page(BOTH),
    "plans:goal_preview": Page(BOTH, SIGNED_IN),
    "plans:life_story": Page(BOTH),
    "journal:list": Page(),
    "journal:filters": Page(),
    "journal:new": Page(BOTH),
    "journal:monthly_note": Page("POST"),
    "journal:autosave": Page("POST"),
    "journal:findings": Page("POST"),
    "journal:summary": Page(),
    "journal:summary_print": Page(),
    "journal:summary_pdf": Page(),
    "journal:detail": Page(),
    "journal:edit": Page(BOTH),
    "journal:sign": Page(BOTH),
    "journal:discard": Page("POST"),
    "journal:correct": Page("POST"),
    "journal:objection": Page(BOTH),
    "followup:index": Page(),
    "followup:goal": Page(BOTH),
    "followup:item": Page(BOTH),
    "followup:review": Page(BOTH),
    "followup:review_start": Page("POST"),
    "followup:new_period": Page(BOTH),
    "oversight:dashboard": Page("GET", MANAGER),
    "oversight:rule_list": Page("GET", MANAGER),
    "oversight:trends": Page("GET", MANAGER),
    "oversight:log_reviews": Page(BOTH, MANAGER),
    "oversight:spot_check_draw": Page("POST", MANAGER, posts=lambda world: {"enhet": world.unit.pk}),
    "oversight:spot_check": Page("GET", MANAGER),
    "oversight:spot_check_item": Page(BOTH, MANAGER),
}


def plan_period(world):
    period = PlanPeriod.objects.filter(plan__client=world.client).first()
    return period or plan_services.start_plan(world.client, world.unit)


def plan_item(world):
    section = SectionTemplate.objects.filter(holds_items=True).first()
    return plan_services.add_item(plan_period(world), section=section, title="Promenad")


# kwarg name -> function from the test world to a value. One line per kind of object.
OBJECT_IDS = {
    "client_id": lambda world: world.client.pk,
    "order_id": lambda world: world.client.orders.get().pk,
    "period_id": lambda world: plan_period(world).pk,
    "item_id": lambda world: plan_item(world).pk,
    "goal_id": lambda world: plan_services.add_goal(plan_item(world), **goal_fields()).pk,
    "contact_id": lambda world: ContactFactory(client=world.client).pk,
    "consent_id": lambda world: ConsentFactory(client=world.client, recorded_by=world.staff).pk,
    "grant_id": lambda world: (
        ProtectedDetailsGrant.objects.create(client=world.client, user=world.staff, granted_by=world.manager).pk
    ),
    "entry_id": lambda world: SignedEntryFactory(client=world.client, author=world.staff).pk,
    "spot_check_id": lambda world: oversight_services.draw_spot_check(world.unit, user=world.manager).pk,
    "key": lambda world: "forsta-plan-saknas",
    "unit_id": lambda world: world.unit.pk,
}
# Ids of this unit's own things (not a client's): someone of another unit gets 404 for them.
UNIT_IDS = {"spot_check_id", "unit_id"}


def url_patterns(resolver=None, namespace=""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace == "admin":
                continue  # Django's own, behind is_staff; it holds no client records (accounts/admin.py)
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from url_patterns(entry, inner)
        elif isinstance(entry, URLPattern):
            yield f"{namespace}{entry.name}", tuple(sorted(entry.pattern.regex.groupindex))


PATTERNS = dict(url_patterns())
ASKED = [(name, method) for name in sorted(PATTERNS) if name in PAGES for method in PAGES[name].methods.split()]


def cases(rows=None):
    chosen = [(name, method) for name, method in ASKED if rows is None or PAGES[name].who in rows]
    return pytest.mark.parametrize(("name", "method"), chosen, ids=[f"{name} {method}" for name, method in chosen])


def test_every_url_pattern_has_a_line_saying_who_may_use_it():
    assert set(PATTERNS) - set(PAGES) == set(), "add a line to PAGES in tests/test_url_walk.py"
    assert set(PAGES) - set(PATTERNS) == set(), "a line of PAGES names no URL pattern"
    assert "clients:detail" in PATTERNS and "oversight:dashboard" in PATTERNS


def url_for(name, world):
    missing = [kwarg for kwarg in PATTERNS[name] if kwarg not in OBJECT_IDS]
    if missing:
        pytest.fail(f"{name} takes {missing}: add a line for it to OBJECT_IDS in {__file__}")
    return reverse(name, kwargs={kwarg: OBJECT_IDS[kwarg](world) for kwarg in PATTERNS[name]})


def send(browser, method, name, world):
    url = url_for(name, world)
    if method == "GET":
        return url, browser.get(url)
    posts = PAGES[name].posts
    return url, browser.post(url, posts(world) if posts else {})


def text_of(response) -> str:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode(errors="replace")


def about_client(name):
    return "client_id" in PATTERNS[name]


def events_of(world, user=None):
    events = AccessEvent.objects.filter(client=world.client)
    return events.filter(user=user) if user is not None else events


@cases()
def test_nobody_signed_in_is_sent_to_sign_in(name, method, world, client):
    _url, response = send(client, method, name, world)
    if PAGES[name].who == PUBLIC:
        assert response.status_code in (200, 302), response.status_code
    else:
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))
    assert not events_of(world).exists()


@cases(rows={SIGNED_IN, STAFF, MANAGER})
def test_someone_of_another_unit_finds_nothing_of_this_units_clients(name, method, world, as_user):
    """A manager of the other unit holds every role there, and none here."""
    _url, response = send(as_user(world.outside_manager), method, name, world)
    if about_client(name) or UNIT_IDS & set(PATTERNS[name]):
        assert response.status_code == 404, response.status_code
    else:
        # Their own units' page (a form sent empty refused), or 404 for this unit's thing.
        assert response.status_code in (200, 302, 400, 404), response.status_code
        assert world.client.last_name not in text_of(response)
    assert not events_of(world).exists()


@cases(rows={MANAGER})
def test_someone_of_the_unit_without_the_role_is_refused(name, method, world, as_user):
    _url, response = send(as_user(world.staff), method, name, world)
    if about_client(name):
        # The page of a client asks for the role with the right, so it answers as for another unit.
        assert response.status_code == 404, response.status_code
    else:
        assert response.status_code in (403, 404), response.status_code
    assert not events_of(world, world.staff).exists()


@cases(rows={SIGNED_IN, STAFF, MANAGER})
def test_someone_with_the_right_is_answered_and_the_access_recorded(name, method, world, as_user):
    """The least right a page needs: support staff of the unit for a client's pages, a manager
    for the managers'."""
    user = world.manager if PAGES[name].who == MANAGER else world.staff
    url, response = send(as_user(user), method, name, world)
    if about_client(name):
        # A refusal after the access check (403: a signed entry cannot be edited) is an answer.
        assert response.status_code not in (404, 500), response.status_code
        event = events_of(world, user).latest("pk")
        assert event.path.startswith(url)
    else:
        assert response.status_code in (200, 302, 400), response.status_code  # 400: a form sent empty
