"""SAML 2.0 as a service provider through djangosaml2 (on pysaml2), for SITHS eID, EFOS or Freja
OrgID through a Sambi-style federation.

The IdP is known from its metadata (RODTRAD_SAML_METADATA, a file or a URL with the certificate
that signs it); every assertion must be signed by a key that metadata names (pysaml2 verifies it
with xmlsec1); the attribute RODTRAD_SAML_USERNAME_ATTRIBUTE (the HSA-id by default) is matched to
a user as for OpenID Connect (sso.py), and the AuthnContextClassRef is the asserted assurance."""

import time
from urllib.parse import urlencode

import saml2
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from djangosaml2 import views as saml_views
from djangosaml2.backends import Saml2Backend
from saml2.attribute_converter import get_local_name
from saml2.config import SPConfig
from saml2.saml import NAME_FORMAT_URI, NAMEID_FORMAT_UNSPECIFIED
from saml2.sigver import SignatureError

from rodtrad.audit.models import SignInMethod

from . import groups, services, sso

_loaded: dict[tuple, tuple[float, SPConfig]] = {}


def configured() -> bool:
    return bool(settings.RODTRAD_SAML_METADATA)


def _absolute(name):
    return settings.RODTRAD_BASE_URL.rstrip("/") + reverse(name)


def entity_id() -> str:
    return settings.RODTRAD_SAML_ENTITY_ID or _absolute("accounts:saml_metadata")


def config_dict() -> dict:
    """pysaml2's configuration of this service provider, from the environment."""
    source = settings.RODTRAD_SAML_METADATA
    if source.startswith(("https://", "http://")):
        remote = {"url": source}
        if settings.RODTRAD_SAML_METADATA_CERT:
            remote["cert"] = settings.RODTRAD_SAML_METADATA_CERT
        metadata = {"remote": [remote]}
    else:
        metadata = {"local": [source]}
    signing = bool(settings.RODTRAD_SAML_KEY_FILE and settings.RODTRAD_SAML_CERT_FILE)
    sp = {
        "name": "Rödtråd",
        "endpoints": {"assertion_consumer_service": [(_absolute("accounts:saml_acs"), saml2.BINDING_HTTP_POST)]},
        # Only answers to our own requests, each assertion signed by the IdP, its keys from metadata.
        "allow_unsolicited": False,
        "want_assertions_signed": True,
        "want_response_signed": False,
        "only_use_keys_in_metadata": True,
        "authn_requests_signed": signing,
        "name_id_format": NAMEID_FORMAT_UNSPECIFIED,
    }
    if settings.RODTRAD_SAML_AUTHN_CONTEXT:
        sp["requested_authn_context"] = {
            "authn_context_class_ref": settings.RODTRAD_SAML_AUTHN_CONTEXT.split(),
            "comparison": "minimum",
        }
    config = {
        "entityid": entity_id(),
        "xmlsec_binary": settings.RODTRAD_SAML_XMLSEC_BINARY,
        "allow_unknown_attributes": True,
        "service": {"sp": sp},
        "metadata": metadata,
        "debug": 0,
    }
    if signing:
        config["key_file"] = settings.RODTRAD_SAML_KEY_FILE
        config["cert_file"] = settings.RODTRAD_SAML_CERT_FILE
        # The same pair decrypts an assertion the IdP encrypted for us.
        config["encryption_keypairs"] = [
            {"key_file": settings.RODTRAD_SAML_KEY_FILE, "cert_file": settings.RODTRAD_SAML_CERT_FILE}
        ]
    return config


def sp_config(request=None) -> SPConfig:
    """SAML_CONFIG_LOADER: the loaded configuration (with the IdP's metadata, fetched when it is a
    URL), kept for RODTRAD_SAML_METADATA_SECONDS."""
    config = config_dict()
    key = (repr(sorted(config.items())),)
    cached = _loaded.get(key)
    if cached and cached[0] > time.monotonic():
        return cached[1]
    loaded = SPConfig()
    loaded.load(config)
    _loaded.clear()
    _loaded[key] = (time.monotonic() + settings.RODTRAD_SAML_METADATA_SECONDS, loaded)
    return loaded


def forget_config():
    _loaded.clear()


def _first(values):
    if isinstance(values, list | tuple):
        return str(values[0]) if values else ""
    return str(values or "")


def asserted_assurance(session_info) -> str:
    """The AuthnContextClassRef of the assertion's authentication statement."""
    for class_ref, *_rest in session_info.get("authn_info") or []:
        if class_ref:
            return str(class_ref)
    return ""


def all_values(attributes: dict, name: str) -> list:
    """An attribute's values, by the name the IdP sends (urn:oid:…) or the friendly name pysaml2
    gives the attributes it knows (urn:oid:0.9.2342.19200300.100.1.1 → uid)."""
    if not name:
        return []
    if name in attributes:
        return attributes[name]
    local = get_local_name(sp_config().attribute_converters, name, NAME_FORMAT_URI)
    return attributes.get(local, []) if local else []


def attribute(attributes: dict, name: str) -> str:
    return _first(all_values(attributes, name))


class Backend(Saml2Backend):
    """The user named by the configured attribute of a verified assertion (sso.py decides)."""

    def authenticate(self, request, session_info=None, **kwargs):
        if request is None or session_info is None:
            return None
        attributes = session_info.get("ava") or {}
        attempt = sso.Attempt(
            method=SignInMethod.SAML,
            assurance=asserted_assurance(session_info),
            groups=groups.groups_of(all_values(attributes, settings.RODTRAD_SAML_GROUPS_ATTRIBUTE)),
        )
        return sso.user_for(
            request,
            attempt,
            attribute(attributes, settings.RODTRAD_SAML_USERNAME_ATTRIBUTE),
            first_name=_first(attributes.get("givenName")),
            last_name=_first(attributes.get("sn")),
            email=_first(attributes.get("mail")),
        )


def _to_sign_in(request, message):
    messages.error(request, message)
    return redirect("accounts:login")


def refused(request, exception=None, status=403, **kwargs):
    """SAML_ACS_FAILURE_RESPONSE_FUNCTION: a response that failed verification or named nobody
    we let in: audited, and the sign-in page with the reason."""
    attempt = sso.attempt_of(request)
    if attempt and attempt.refusal:
        message = attempt.refusal
        services.refuse(
            request, SignInMethod.SAML, message, claimed=attempt.claimed, assurance=attempt.assurance, user=attempt.user
        )
    else:
        if isinstance(exception, SignatureError):
            message = _(
                "The answer from the identity provider could not be verified. Try again, or contact your system administrator."
            )
        else:
            message = _(
                "Signing in through the identity provider failed. Try again, or contact your system administrator."
            )
        services.refuse(request, SignInMethod.SAML, f"{message} ({type(exception).__name__}: {exception})"[:200])
    return _to_sign_in(request, message)


class LoginView(saml_views.LoginView):
    def get(self, request, *args, **kwargs):
        if not configured():
            return redirect("accounts:login")
        if settings.RODTRAD_SAML_IDP and "idp" not in request.GET:
            request.GET = request.GET.copy()
            request.GET["idp"] = settings.RODTRAD_SAML_IDP
        return super().get(request, *args, **kwargs)


class AssertionConsumerServiceView(saml_views.AssertionConsumerServiceView):
    def post_login_hook(self, request, user, session_info):
        attempt = sso.attempt_of(request)
        groups.apply(request, user, attempt.groups if attempt else set())
        request.rodtrad_refusal = services.complete(request, SignInMethod.SAML, asserted_assurance(session_info))

    def custom_redirect(self, user, relay_state, session_info):
        if getattr(self.request, "rodtrad_refusal", ""):
            messages.error(self.request, self.request.rodtrad_refusal)
            return reverse("accounts:login")
        return None


def login_url(next_url="") -> str:
    return reverse("accounts:saml_login") + (f"?{urlencode({'next': next_url})}" if next_url else "")
