"""`make run`: Rödtråd as a unit runs it on its own machine, on the embedded SQLite (or
DATABASE_URL), served by gunicorn (gunicorn.conf.py).

DEBUG is off and static files come from WhiteNoise (settings/served.py). What production
requires from the environment has a local default here: the secret key is generated once into
var/ and kept; the hosts are the loopback addresses plus DJANGO_ALLOWED_HOSTS; the demo data may
be loaded into an empty database (RODTRAD_DEMO_DATA=0 refuses it, for a unit that runs this for
real). Over plain HTTP the session and CSRF cookies are ordinary cookies, so that they work in
any browser and HTTP client on http://127.0.0.1:8000; a request that came over TLS (a proxy in
front that gunicorn trusts says so) gets them marked Secure (rodtrad/core/secure_cookies.py)."""

import os

from .secret import secret_key_in
from .served import *  # noqa: F403

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY") or secret_key_in(VAR_DIR)
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]", *ALLOWED_HOSTS]
# Behind a TLS proxy on the unit's own network: its https:// address, e.g. https://rodtrad.lokal.
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("DJANGO_CSRF_TRUSTED_ORIGINS", "").split(",") if o]
DEMO_DATA_ALLOWED = os.environ.get("RODTRAD_DEMO_DATA", "1") == "1"

SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
# First, so that it sees every cookie the others set.
MIDDLEWARE = ["rodtrad.core.secure_cookies.middleware", *MIDDLEWARE]
SECURE_HSTS_SECONDS = int(os.environ.get("RODTRAD_HSTS_SECONDS", "0"))

EMAIL_BACKEND = os.environ.get("DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("DJANGO_EMAIL_HOST", "localhost")
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "rodtrad@localhost")

LOGGING["root"]["level"] = os.environ.get("RODTRAD_LOG_LEVEL", "WARNING").upper()
