"""django-otp-webauthn's relying party, taken from where Rödtråd is opened.

A passkey is bound to a domain (the RP ID) and checked against the page's origin. Unless
RODTRAD_WEBAUTHN_RP_ID and RODTRAD_WEBAUTHN_ORIGINS name them, both come from the request's
host, which ALLOWED_HOSTS has already limited to Rödtråd's own names. Browsers allow passkeys
on https and on http://localhost only, and never for an IP address: open a development server
as http://localhost:8000 to try them."""

from django.conf import settings
from django_otp_webauthn.helpers import WebAuthnHelper


def relying_party_id(request) -> str:
    """OTP_WEBAUTHN_RP_ID_CALLABLE."""
    return settings.RODTRAD_WEBAUTHN_RP_ID or request.get_host().rsplit(":", 1)[0].strip("[]")


class Helper(WebAuthnHelper):
    def get_allowed_origins(self) -> list[str]:
        if settings.RODTRAD_WEBAUTHN_ORIGINS:
            return settings.RODTRAD_WEBAUTHN_ORIGINS
        return [f"{self.request.scheme}://{self.request.get_host()}"]
