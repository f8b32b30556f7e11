"""OpenID Connect against the tests' provider on the loopback (tests/oidc_provider.py): the
library's flow and our verification over real HTTP, the browser's part played by `requests`."""

from urllib.parse import parse_qs, urlsplit

import pytest
import requests

from rodtrad.accounts.models import User
from rodtrad.audit.models import AccessEvent, Action, SignInMethod
from rodtrad.signin import oidc

LOGIN = "/konto/logga-in/"
LOA2 = "http://id.elegnamnden.se/loa/1.0/loa2"
LOA3 = "http://id.elegnamnden.se/loa/1.0/loa3"


def at_provider(client, provider, username, next_url=""):
    """Start the sign-in at Rödtråd, sign in at the provider; the address it sends the browser back to."""
    start = client.get("/konto/oidc/logga-in/" + (f"?next={next_url}" if next_url else ""))
    assert start.status_code == 302
    address = start["Location"]
    assert address.startswith(f"{provider.issuer}/authorize?")
    assert requests.get(address, timeout=5).status_code == 200
    query = {key: values[0] for key, values in parse_qs(urlsplit(address).query).items()}
    answer = requests.post(
        f"{provider.issuer}/authorize", data={**query, "username": username}, allow_redirects=False, timeout=5
    )
    assert answer.status_code == 302, answer.text
    return answer.headers["Location"]


def back_at_rodtrad(client, address):
    parts = urlsplit(address)
    assert parts.path == "/konto/oidc/retur/"
    return client.get(f"{parts.path}?{parts.query}")


def sign_in_through(client, provider, username, next_url=""):
    return back_at_rodtrad(client, at_provider(client, provider, username, next_url))


def signed_in_user(client):
    return client.session.get("_auth_user_id")


def messages_on_sign_in_page(client, response):
    assert response.status_code == 302
    assert response["Location"] == LOGIN
    return client.get(LOGIN).content.decode()


def test_the_sign_in_page_offers_e_identification_before_the_password_form(client, db, oidc_provider):
    body = client.get(LOGIN).content.decode()
    assert "Logga in med e-legitimation" in body
    assert body.index("Logga in med e-legitimation") < body.index('name="password"')


def test_without_an_issuer_the_sign_in_page_has_the_password_form_only(client, db):
    body = client.get(LOGIN).content.decode()
    assert "e-legitimation" not in body
    assert 'name="password"' in body


def test_password_login_off_leaves_only_the_provider_and_refuses_passwords(client, world, oidc_provider, settings):
    settings.RODTRAD_PASSWORD_LOGIN = False
    body = client.get(LOGIN).content.decode()
    assert "Logga in med e-legitimation" in body
    assert 'name="password"' not in body
    response = client.post(LOGIN, {"username": "staff", "password": "ett-langt-losenord"})
    assert signed_in_user(client) is None
    assert "lösenord används inte här" in messages_on_sign_in_page(client, response)


def test_the_authorization_request_uses_pkce_state_and_nonce(client, world, oidc_provider):
    sign_in_through(client, oidc_provider, "staff")
    request = oidc_provider.authorization_requests[-1]
    assert request["response_type"] == "code"
    assert request["code_challenge_method"] == "S256"
    assert len(request["code_challenge"]) == 43
    assert request["state"] and request["nonce"]
    assert "openid" in request["scope"].split()
    # The code was exchanged with the verifier that matches the challenge (the provider checks it).
    assert oidc_provider.token_requests[-1]["code_verifier"]


def test_a_known_user_signs_in_and_the_log_records_the_method_and_assurance(client, world, oidc_provider):
    response = sign_in_through(client, oidc_provider, "staff", next_url=f"/brukare/{world.client.pk}/")
    assert response.status_code == 302
    assert response["Location"] == f"/brukare/{world.client.pk}/"
    assert signed_in_user(client) == str(world.staff.pk)
    event = AccessEvent.objects.get(action=Action.SIGN_IN)
    assert event.user == world.staff
    assert event.sign_in_method == SignInMethod.OIDC
    assert event.assurance == LOA3
    assert "3" in event.detail
    # Signed in, the user reaches their unit's client.
    assert client.get(f"/brukare/{world.client.pk}/").status_code == 200


def test_the_user_name_claim_is_matched_without_regard_to_case(client, world, oidc_provider):
    oidc_provider.users["STAFF"] = oidc_provider.users["staff"]
    sign_in_through(client, oidc_provider, "STAFF")
    assert signed_in_user(client) == str(world.staff.pk)


def test_a_user_the_provider_knows_but_rodtrad_does_not_is_refused_and_no_account_is_made(client, world, oidc_provider):
    users_before = User.objects.count()
    response = sign_in_through(client, oidc_provider, "okand")
    assert signed_in_user(client) is None
    assert "okand har inget konto i Rödtråd" in messages_on_sign_in_page(client, response)
    assert User.objects.count() == users_before
    refusal = AccessEvent.objects.get(action=Action.REFUSED)
    assert refusal.user is None
    assert refusal.sign_in_method == SignInMethod.OIDC
    assert refusal.detail.startswith("okand:")


def test_an_inactive_user_is_refused(client, world, oidc_provider):
    world.staff.is_active = False
    world.staff.save()
    response = sign_in_through(client, oidc_provider, "staff")
    assert signed_in_user(client) is None
    assert "Ditt konto i Rödtråd är avslutat" in messages_on_sign_in_page(client, response)
    assert AccessEvent.objects.get(action=Action.REFUSED).user == world.staff


def test_just_in_time_accounts_get_no_unit_and_no_rights(client, world, oidc_provider, settings):
    settings.RODTRAD_SSO_CREATE_USERS = True
    sign_in_through(client, oidc_provider, "okand")
    user = User.objects.get(username="okand")
    assert signed_in_user(client) == str(user.pk)
    assert (user.first_name, user.last_name, user.email) == ("Okand", "Testsson", "okand@example.se")
    assert not user.memberships.exists()
    assert not (user.is_staff or user.is_superuser or user.has_usable_password())
    assert AccessEvent.objects.filter(action=Action.CREATE, object_type="user", object_id=str(user.pk)).exists()
    # No unit, no client: the client of the world's unit is not there for them.
    assert client.get(f"/brukare/{world.client.pk}/").status_code == 404


def test_an_id_token_signed_with_a_key_the_provider_does_not_publish_is_refused(client, world, oidc_provider):
    oidc_provider.sign_with_unpublished_key = True
    response = sign_in_through(client, oidc_provider, "staff")
    assert signed_in_user(client) is None
    assert "kunde inte verifieras" in messages_on_sign_in_page(client, response)
    refusal = AccessEvent.objects.get(action=Action.REFUSED)
    assert "Signature verification failed" in refusal.detail


@pytest.mark.parametrize(
    ("switch", "value", "reason"),
    [
        ("audience", "another-client", "Audience doesn't match"),
        ("lifetime", -120, "Signature has expired"),
        ("replace_nonce", "a-nonce-we-never-sent", "Nonce"),
    ],
)
def test_an_id_token_for_another_client_expired_or_with_another_nonce_is_refused(
    client, world, oidc_provider, switch, value, reason
):
    setattr(oidc_provider, switch, value)
    response = sign_in_through(client, oidc_provider, "staff")
    assert signed_in_user(client) is None
    assert "kunde inte verifieras" in messages_on_sign_in_page(client, response)
    assert reason in AccessEvent.objects.get(action=Action.REFUSED).detail


def test_a_return_with_a_state_we_did_not_send_is_refused(client, world, oidc_provider):
    address = at_provider(client, oidc_provider, "staff")
    forged = address.replace("state=", "state=x")
    response = back_at_rodtrad(client, forged)
    assert signed_in_user(client) is None
    assert response.status_code == 302
    assert AccessEvent.objects.filter(action=Action.REFUSED).exists()


def test_a_return_used_twice_signs_in_once(client, world, oidc_provider):
    address = at_provider(client, oidc_provider, "staff")
    back_at_rodtrad(client, address)
    client.logout()
    back_at_rodtrad(client, address)
    assert signed_in_user(client) is None


def test_a_provider_that_does_not_answer_gives_a_swedish_message(client, db, settings):
    settings.RODTRAD_OIDC_ISSUER = "http://127.0.0.1:9"  # the discard port: nothing listens
    settings.OIDC_RP_CLIENT_ID = "rodtrad"
    oidc.forget_discovery()
    response = client.get("/konto/oidc/logga-in/")
    assert "Inloggningstjänsten svarar inte just nu" in messages_on_sign_in_page(client, response)


def test_a_discovery_document_for_another_issuer_is_not_used(client, db, oidc_provider, settings):
    settings.RODTRAD_OIDC_ISSUER = oidc_provider.issuer + "/"
    oidc.forget_discovery()
    with pytest.raises(oidc.ProviderError, match="describes the issuer"):
        oidc.discovery()


def test_signing_out_ends_the_session_at_the_provider_too(client, world, oidc_provider):
    sign_in_through(client, oidc_provider, "staff")
    id_token = client.session["oidc_id_token"]
    response = client.post("/konto/logga-ut/")
    assert response.status_code == 302
    parts = urlsplit(response["Location"])
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == f"{oidc_provider.issuer}/logout"
    query = parse_qs(parts.query)
    assert query["id_token_hint"] == [id_token]
    assert query["post_logout_redirect_uri"] == [f"http://testserver{LOGIN}"]
    assert signed_in_user(client) is None
    event = AccessEvent.objects.get(action=Action.SIGN_OUT)
    assert (event.user, event.sign_in_method) == (world.staff, SignInMethod.OIDC)


def test_a_password_session_signs_out_to_the_sign_in_page(client, world, oidc_provider):
    client.post(LOGIN, {"username": "staff", "password": "ett-langt-losenord"})
    response = client.post("/konto/logga-ut/")
    assert response["Location"] == f"http://testserver{LOGIN}"
    assert oidc_provider.end_sessions == []


def test_a_unit_that_requires_level_3_refuses_a_sign_in_asserted_at_level_2(client, world, oidc_provider):
    world.unit.minimum_assurance = 3
    world.unit.save()
    oidc_provider.acr = LOA2
    response = sign_in_through(client, oidc_provider, "staff")
    assert signed_in_user(client) is None
    page = messages_on_sign_in_page(client, response)
    assert "Gruppbostaden Testet kräver inloggning med minst Tillitsnivå 3" in page
    refusal = AccessEvent.objects.get(action=Action.REFUSED)
    assert (refusal.user, refusal.assurance) == (world.staff, LOA2)

    oidc_provider.acr = LOA3
    sign_in_through(client, oidc_provider, "staff")
    assert signed_in_user(client) == str(world.staff.pk)
