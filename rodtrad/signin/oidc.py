"""OpenID Connect through mozilla-django-oidc: authorization code with PKCE, state and nonce.

What this module adds to the library: the provider's endpoints from its discovery document
(RODTRAD_OIDC_ISSUER + /.well-known/openid-configuration, whose "issuer" must be that issuer),
the ID token's issuer, audience and expiry verified along with its signature (the library checks
the signature and nonce only), the user matched by RODTRAD_OIDC_USERNAME_CLAIM (sso.py), and the
sign-out at the provider's end_session_endpoint."""

import time
from urllib.parse import urlencode

import jwt
import requests
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import SuspiciousOperation
from django.shortcuts import resolve_url
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.utils import import_from_settings

from rodtrad.audit.models import SignInMethod

from . import groups, services, sso

# Seconds of clock difference allowed between us and the provider when checking exp and iat.
LEEWAY = 60
_discovered: dict[str, tuple[float, dict]] = {}

# The library's settings that the discovery document answers.
FROM_DISCOVERY = {
    "OIDC_OP_AUTHORIZATION_ENDPOINT": "authorization_endpoint",
    "OIDC_OP_TOKEN_ENDPOINT": "token_endpoint",
    "OIDC_OP_USER_ENDPOINT": "userinfo_endpoint",
    "OIDC_OP_JWKS_ENDPOINT": "jwks_uri",
}


class ProviderError(Exception):
    """The provider's discovery document could not be read or does not describe the issuer."""


def configured() -> bool:
    return bool(settings.RODTRAD_OIDC_ISSUER and settings.OIDC_RP_CLIENT_ID)


def discovery() -> dict:
    """The issuer's discovery document, read again after RODTRAD_OIDC_DISCOVERY_SECONDS."""
    issuer = settings.RODTRAD_OIDC_ISSUER
    cached = _discovered.get(issuer)
    if cached and cached[0] > time.monotonic():
        return cached[1]
    url = issuer.rstrip("/") + "/.well-known/openid-configuration"
    try:
        response = requests.get(url, timeout=settings.OIDC_TIMEOUT)
        response.raise_for_status()
        document = response.json()
    except (requests.RequestException, ValueError) as error:
        raise ProviderError(f"{url}: {error}") from error
    if document.get("issuer") != issuer:
        raise ProviderError(f"{url} describes the issuer {document.get('issuer')!r}, not {issuer!r}")
    _discovered[issuer] = (time.monotonic() + settings.RODTRAD_OIDC_DISCOVERY_SECONDS, document)
    return document


def forget_discovery():
    _discovered.clear()


def provider_setting(attr, *args):
    """The library's get_settings: endpoints from discovery, the rest from Django's settings."""
    if attr in FROM_DISCOVERY:
        return discovery().get(FROM_DISCOVERY[attr]) if configured() else None
    if attr == "OIDC_AUTH_REQUEST_EXTRA_PARAMS":
        return {"acr_values": settings.RODTRAD_OIDC_ACR_VALUES} if settings.RODTRAD_OIDC_ACR_VALUES else {}
    if attr in ("LOGIN_REDIRECT_URL", "LOGOUT_REDIRECT_URL"):
        return resolve_url(getattr(settings, attr))
    return import_from_settings(attr, *args)


class Backend(OIDCAuthenticationBackend):
    """Authenticates the provider's return only; a password sign-in never reaches the provider."""

    get_settings = staticmethod(provider_setting)

    def __init__(self, *args, **kwargs):
        # The library reads the endpoints here; Django builds every backend for every sign-in,
        # so they are read in authenticate(), when the provider's return is being handled.
        self.UserModel = get_user_model()

    def authenticate(self, request, **kwargs):
        if request is None or "nonce" not in kwargs or not configured():
            return None
        super().__init__()
        return super().authenticate(request, **kwargs)

    def _verify_jws(self, payload, key):
        """The signature (with the algorithm we expect, never the token's own choice), and the
        claims OpenID Connect Core 3.1.3.7 requires: issuer, audience, expiry, issue time."""
        algorithm = jwt.get_unverified_header(payload).get("alg")
        if algorithm != self.OIDC_RP_SIGN_ALGO:
            raise SuspiciousOperation(f"ID token signed with {algorithm!r}, not {self.OIDC_RP_SIGN_ALGO!r}")
        try:
            claims = jwt.decode(
                payload,
                key,
                algorithms=[self.OIDC_RP_SIGN_ALGO],
                audience=self.OIDC_RP_CLIENT_ID,
                issuer=settings.RODTRAD_OIDC_ISSUER,
                leeway=LEEWAY,
                options={"require": ["iss", "aud", "exp", "iat", "sub"]},
            )
        except jwt.InvalidTokenError as error:
            raise SuspiciousOperation(f"ID token refused: {error}") from error
        audiences = claims["aud"] if isinstance(claims["aud"], list) else [claims["aud"]]
        if len(audiences) > 1 and claims.get("azp") != self.OIDC_RP_CLIENT_ID:
            raise SuspiciousOperation("ID token for several audiences without us as its authorized party")
        return claims

    def get_or_create_user(self, access_token, id_token, payload):
        claims = dict(payload)
        if self.OIDC_OP_USER_ENDPOINT:
            userinfo = self.get_userinfo(access_token, id_token, payload)
            if userinfo.get("sub") != payload["sub"]:
                raise SuspiciousOperation("The userinfo response is about another subject than the ID token")
            claims = {**userinfo, **payload}
        attempt = sso.Attempt(
            method=SignInMethod.OIDC,
            assurance=str(payload.get("acr", "")),
            groups=groups.groups_of(claims.get(settings.RODTRAD_OIDC_GROUPS_CLAIM)),
        )
        return sso.user_for(
            self.request,
            attempt,
            str(claims.get(settings.RODTRAD_OIDC_USERNAME_CLAIM, "")),
            first_name=str(claims.get("given_name", "")),
            last_name=str(claims.get("family_name", "")),
            email=str(claims.get("email", "")),
        )


def end_session_url(request) -> str:
    """Where signing out sends the browser (OIDC_OP_LOGOUT_URL_METHOD): to the provider's
    end_session_endpoint for a session signed in through it, and back to our sign-in page."""
    after = request.build_absolute_uri(resolve_url(settings.LOGOUT_REDIRECT_URL))
    if services.how_signed_in(request)["method"] != SignInMethod.OIDC or not configured():
        return after
    try:
        endpoint = discovery().get("end_session_endpoint")
    except ProviderError:
        return after
    if not endpoint:
        return after
    query = {"client_id": settings.OIDC_RP_CLIENT_ID, "post_logout_redirect_uri": after}
    if request.session.get("oidc_id_token"):
        query["id_token_hint"] = request.session["oidc_id_token"]
    return f"{endpoint}{'&' if '?' in endpoint else '?'}{urlencode(query)}"
