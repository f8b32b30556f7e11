"""Sign-in settings (issue 18), all from the environment: OpenID Connect, SAML 2.0 and two-factor.

Imported by base.py, so every environment has them; production.py turns RODTRAD_REQUIRE_MFA on
by default. Nothing here is contacted at import: the OpenID Connect discovery document and the
SAML metadata are read when someone signs in (rodtrad/signin/oidc.py, saml.py)."""

import os


def _flag(name, default="0"):
    return os.environ.get(name, default) == "1"


# --- OpenID Connect (mozilla-django-oidc; endpoints from the issuer's discovery document) ---
# Exactly as the provider writes it in its tokens ("iss"); discovery is read at issuer + /.well-known/….
RODTRAD_OIDC_ISSUER = os.environ.get("RODTRAD_OIDC_ISSUER", "")
OIDC_RP_CLIENT_ID = os.environ.get("RODTRAD_OIDC_CLIENT_ID", "")
OIDC_RP_CLIENT_SECRET = os.environ.get("RODTRAD_OIDC_CLIENT_SECRET", "")
RODTRAD_OIDC_USERNAME_CLAIM = os.environ.get("RODTRAD_OIDC_USERNAME_CLAIM", "preferred_username")
OIDC_RP_SCOPES = os.environ.get("RODTRAD_OIDC_SCOPES", "openid profile email")
OIDC_RP_SIGN_ALGO = os.environ.get("RODTRAD_OIDC_SIGN_ALGO", "RS256")
# Asked of the provider, for example http://id.elegnamnden.se/loa/1.0/loa3 (space-separated).
RODTRAD_OIDC_ACR_VALUES = os.environ.get("RODTRAD_OIDC_ACR_VALUES", "")
# The label of the sign-in button; the default is the issue's "Logga in med e-legitimation".
RODTRAD_OIDC_LABEL = os.environ.get("RODTRAD_OIDC_LABEL", "")
OIDC_USE_PKCE = True
OIDC_PKCE_CODE_CHALLENGE_METHOD = "S256"
OIDC_USE_NONCE = True
# Kept for the sign-out at the provider (id_token_hint); nothing else reads it.
OIDC_STORE_ID_TOKEN = True
OIDC_TIMEOUT = int(os.environ.get("RODTRAD_OIDC_TIMEOUT_SECONDS", "10"))
OIDC_AUTHENTICATION_CALLBACK_URL = "accounts:oidc_callback"
OIDC_OP_LOGOUT_URL_METHOD = "rodtrad.signin.oidc.end_session_url"
# The discovery document and the signing keys are re-read after this long (and on an unknown key id).
RODTRAD_OIDC_DISCOVERY_SECONDS = int(os.environ.get("RODTRAD_OIDC_DISCOVERY_SECONDS", "3600"))

# --- SAML 2.0 service provider (djangosaml2 on pysaml2) ---
# The federation's or IdP's metadata: a file path, or an https URL (with the certificate that
# signs it in RODTRAD_SAML_METADATA_CERT, as a Sambi federation publishes it).
RODTRAD_SAML_METADATA = os.environ.get("RODTRAD_SAML_METADATA", "")
RODTRAD_SAML_METADATA_CERT = os.environ.get("RODTRAD_SAML_METADATA_CERT", "")
# This service's entity id; default: the address of its metadata (/konto/saml/metadata/).
RODTRAD_SAML_ENTITY_ID = os.environ.get("RODTRAD_SAML_ENTITY_ID", "")
# The key and certificate this service signs its requests with and publishes in its metadata.
RODTRAD_SAML_KEY_FILE = os.environ.get("RODTRAD_SAML_KEY_FILE", "")
RODTRAD_SAML_CERT_FILE = os.environ.get("RODTRAD_SAML_CERT_FILE", "")
# The attribute matched to a Rödtråd user name: employeeHsaId (Sambi's HSA-id) by default.
RODTRAD_SAML_USERNAME_ATTRIBUTE = os.environ.get("RODTRAD_SAML_USERNAME_ATTRIBUTE", "urn:oid:1.2.752.29.6.2.1")
# Asked of the IdP (RequestedAuthnContext), for example http://id.elegnamnden.se/loa/1.0/loa3.
RODTRAD_SAML_AUTHN_CONTEXT = os.environ.get("RODTRAD_SAML_AUTHN_CONTEXT", "")
RODTRAD_SAML_LABEL = os.environ.get("RODTRAD_SAML_LABEL", "")
RODTRAD_SAML_XMLSEC_BINARY = os.environ.get("RODTRAD_SAML_XMLSEC_BINARY", "/usr/bin/xmlsec1")
SAML_CONFIG_LOADER = "rodtrad.signin.saml.sp_config"
SAML_CREATE_UNKNOWN_USER = False
SAML_DJANGO_USER_MAIN_ATTRIBUTE = "username"
SAML_SESSION_COOKIE_NAME = "rodtrad_saml"
SAML_ACS_FAILURE_RESPONSE_FUNCTION = "rodtrad.signin.saml.refused"
SAML_IGNORE_LOGOUT_ERRORS = True
# djangosaml2 would add its views' sources to django-csp's policy; ours has none to add (the
# request is a redirect, the IdP posts to us).
SAML_CSP_HANDLER = ""
# The request goes to the IdP as a redirect: no page with a self-submitting form (and its script).
SAML_DEFAULT_BINDING = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect"
# Which IdP of the metadata to send people to (a federation's metadata names many).
RODTRAD_SAML_IDP = os.environ.get("RODTRAD_SAML_IDP", "")
RODTRAD_SAML_METADATA_SECONDS = int(os.environ.get("RODTRAD_SAML_METADATA_SECONDS", "3600"))

# The claim and the attribute that carry the person's groups, for the administrator's mapping of
# groups to units and roles (rodtrad/signin/groups.py). Entra ID sends "groups" (object ids) when
# the app is set to; a SAML IdP names its own attribute, for example isMemberOf.
RODTRAD_OIDC_GROUPS_CLAIM = os.environ.get("RODTRAD_OIDC_GROUPS_CLAIM", "groups")
RODTRAD_SAML_GROUPS_ATTRIBUTE = os.environ.get("RODTRAD_SAML_GROUPS_ATTRIBUTE", "")

# --- Who gets in ---
# Just-in-time accounts: a person the IdP knows but Rödtråd does not gets a user with no unit.
RODTRAD_SSO_CREATE_USERS = _flag("RODTRAD_SSO_CREATE_USERS")
# The user name and password form; 0 leaves only the identity providers' buttons.
RODTRAD_PASSWORD_LOGIN = _flag("RODTRAD_PASSWORD_LOGIN", "1")
# Asserted assurance (acr / AuthnContextClassRef) → level, beyond the Swedish ones known in
# rodtrad/accounts/assurance.py: "uri=3,other-uri=2".
RODTRAD_ASSURANCE_LEVELS = os.environ.get("RODTRAD_ASSURANCE_LEVELS", "")

# --- Two-factor for local accounts (django-otp: TOTP, recovery codes; django-otp-webauthn) ---
# On: a password sign-in needs a second factor, and a user without one enrols on first sign-in.
RODTRAD_REQUIRE_MFA = _flag("RODTRAD_REQUIRE_MFA")
OTP_TOTP_ISSUER = "Rödtråd"
OTP_WEBAUTHN_RP_NAME = "Rödtråd"
# Passkeys are a second factor after the password, never the whole sign-in.
OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN = False
# The relying party is the host Rödtråd is opened on unless named (rodtrad/signin/passkeys.py).
OTP_WEBAUTHN_HELPER_CLASS = "rodtrad.signin.passkeys.Helper"
OTP_WEBAUTHN_RP_ID_CALLABLE = "rodtrad.signin.passkeys.relying_party_id"
# The allowed origins come from the helper above, which the package's check cannot see.
SILENCED_SYSTEM_CHECKS = ["otp_webauthn.E030"]
RODTRAD_WEBAUTHN_RP_ID = os.environ.get("RODTRAD_WEBAUTHN_RP_ID", "")
RODTRAD_WEBAUTHN_ORIGINS = [o for o in os.environ.get("RODTRAD_WEBAUTHN_ORIGINS", "").split(",") if o]

# rodtrad.signin last: its admin replaces the users' and units' admin and removes the devices'.
SSO_APPS = [
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_otp_webauthn",
    "rodtrad.signin",
]
SSO_AUTHENTICATION_BACKENDS = [
    "rodtrad.signin.oidc.Backend",
    "rodtrad.signin.saml.Backend",
]
# After AuthenticationMiddleware: django-otp's verification, djangosaml2's own session (the IdP
# posts back across sites), and the second-factor and assurance checks (signin/middleware.py).
SSO_MIDDLEWARE = [
    "django_otp.middleware.OTPMiddleware",
    "djangosaml2.middleware.SamlSessionMiddleware",
    "rodtrad.signin.middleware.SignInMiddleware",
]
