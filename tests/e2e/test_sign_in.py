"""Signing in as a municipality's staff would, in the browser at 375 px: through an OpenID Connect
provider on the loopback (tests/oidc_provider.py) onto Mina brukare with the demo's clients, a
person the provider knows but Rödtråd does not refused, a token with a bad signature refused;
and a local account enrolling a passkey (Chromium's virtual authenticator) and confirming with it
at the next sign-in."""

import pytest
from playwright.sync_api import expect

from rodtrad.audit.models import AccessEvent, Action, SignInMethod
from rodtrad.clients.models import Client
from rodtrad.core import demo

pytestmark = pytest.mark.e2e

GROUP_HOME = "Gruppbostaden Lärkan"


@pytest.fixture
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": {"width": 375, "height": 812}, "is_mobile": True}


def through_the_provider(page, live_server, username):
    page.goto(f"{live_server.url}/konto/logga-in/")
    page.get_by_role("link", name="Logga in med e-legitimation").click()
    expect(page.get_by_role("heading", name="Testleverantörens inloggning")).to_be_visible()
    page.get_by_label("Användare hos leverantören").fill(username)
    page.get_by_role("button", name="Logga in hos leverantören").click()


def test_personal_signs_in_through_the_provider_onto_their_clients_and_out_again(
    page, live_server, demo_data, oidc_provider, assert_accessible
):
    page.goto(f"{live_server.url}/konto/logga-in/")
    expect(page.get_by_role("link", name="Logga in med e-legitimation")).to_be_visible()
    assert_accessible(page)

    through_the_provider(page, live_server, "personal")
    expect(page.get_by_role("heading", name="Mina brukare")).to_be_visible()
    expect(page.get_by_text("Pia Lund")).to_be_visible()
    clients = Client.objects.filter(orders__unit__name=GROUP_HOME).distinct()
    for client in clients:
        expect(page.get_by_role("link", name=f"{client.last_name}, {client.first_name}")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    event = AccessEvent.objects.get(action=Action.SIGN_IN)
    assert (event.user.username, event.sign_in_method, event.assurance) == (
        "personal",
        SignInMethod.OIDC,
        oidc_provider.acr,
    )

    page.get_by_role("button", name="Logga ut").click()
    expect(page.get_by_role("heading", name="Logga in i Rödtråd")).to_be_visible()
    assert len(oidc_provider.end_sessions) == 1
    page.goto(f"{live_server.url}/")
    expect(page.get_by_role("heading", name="Logga in i Rödtråd")).to_be_visible()


def test_someone_the_provider_knows_but_rodtrad_does_not_is_refused(
    page, live_server, demo_data, oidc_provider, assert_accessible
):
    through_the_provider(page, live_server, "okand")
    expect(page.get_by_role("heading", name="Logga in i Rödtråd")).to_be_visible()
    expect(page.get_by_text("okand har inget konto i Rödtråd")).to_be_visible()
    expect(page.get_by_role("button", name="Logga ut")).to_have_count(0)
    assert_accessible(page)


def test_a_token_with_a_bad_signature_is_refused(page, live_server, demo_data, oidc_provider):
    oidc_provider.sign_with_unpublished_key = True
    through_the_provider(page, live_server, "personal")
    expect(page.get_by_text("Svaret från inloggningstjänsten kunde inte verifieras")).to_be_visible()
    expect(page.get_by_role("button", name="Logga ut")).to_have_count(0)


def sign_in_with_password(page, live_server, username):
    page.goto(f"{live_server.url}/konto/logga-in/")
    page.get_by_label("Användarnamn").fill(username)
    page.get_by_label("Lösenord").fill(demo.PASSWORD)
    page.get_by_role("button", name="Logga in").click()


def test_a_local_account_enrols_a_passkey_and_confirms_with_it_next_time(
    page, live_server, demo_data, settings, assert_accessible
):
    settings.RODTRAD_REQUIRE_MFA = True
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
            }
        },
    )

    sign_in_with_password(page, live_server, "personal")
    expect(page.get_by_role("heading", name="Tvåstegsverifiering")).to_be_visible()
    assert_accessible(page)
    page.goto(f"{live_server.url}/")  # nothing else opens before a second factor is added
    expect(page.get_by_role("heading", name="Tvåstegsverifiering")).to_be_visible()

    page.get_by_role("button", name="Lägg till en passkey").click()
    expect(page.get_by_text("Din passkey är tillagd.")).to_be_visible()
    page.get_by_role("link", name="Fortsätt till Rödtråd").click()
    expect(page.get_by_role("heading", name="Mina brukare")).to_be_visible()
    assert AccessEvent.objects.get(action=Action.SIGN_IN).sign_in_method == SignInMethod.PASSWORD_PASSKEY

    page.get_by_role("button", name="Logga ut").click()
    sign_in_with_password(page, live_server, "personal")
    expect(page.get_by_role("heading", name="Bekräfta att det är du")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Bekräfta med passkey").click()
    expect(page.get_by_role("heading", name="Mina brukare")).to_be_visible()
    methods = list(AccessEvent.objects.filter(action=Action.SIGN_IN).values_list("sign_in_method", flat=True))
    assert methods == [SignInMethod.PASSWORD_PASSKEY, SignInMethod.PASSWORD_PASSKEY]
