"""Local development and `make run`: DEBUG on, demo data allowed, SQLite unless DATABASE_URL is set."""

import os

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "development-only-not-secret-" + "x" * 40)
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
DEMO_DATA_ALLOWED = True
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
