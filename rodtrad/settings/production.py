"""Production: everything secret or site-specific comes from the environment and is required."""

import os

from django.core.exceptions import ImproperlyConfigured

from .served import *  # noqa: F403

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set to at least 50 random characters.")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("DJANGO_ALLOWED_HOSTS must name the host(s) Rödtråd is served on.")

DEMO_DATA_ALLOWED = False
# A password alone is not enough here: a local account signs in with a second factor (issue 18).
# RODTRAD_REQUIRE_MFA=0 turns it off, for a step that signs in over HTTP with a demo password only.
RODTRAD_REQUIRE_MFA = os.environ.get("RODTRAD_REQUIRE_MFA", "1") == "1"

SECURE_SSL_REDIRECT = os.environ.get("RODTRAD_SSL_REDIRECT", "1") == "1"
# The health check answers a load balancer's plain HTTP probe where it stands, not a redirect.
SECURE_REDIRECT_EXEMPT = [r"^halsa/$"]
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = int(os.environ.get("RODTRAD_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

EMAIL_BACKEND = os.environ.get("DJANGO_EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("DJANGO_EMAIL_HOST", "localhost")
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "rodtrad@localhost")
