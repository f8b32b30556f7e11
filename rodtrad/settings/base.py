"""Settings shared by every environment. Secrets and the database come from the environment."""

import os
from pathlib import Path

import dj_database_url

from rodtrad.operations import logs

# Sign-in through identity providers and two-factor (issue 18): its own module, from the environment.
from .sso import *  # noqa: F403

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("RODTRAD_VAR_DIR", BASE_DIR / "var"))

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = [h for h in os.environ.get("DJANGO_ALLOWED_HOSTS", "").split(",") if h]

# Demo data holds invented people and a known password; only development may load it.
DEMO_DATA_ALLOWED = False

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    # Its widget templates, found through TEMPLATES (FORM_RENDERER below).
    "django.forms",
    "django_htmx",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "rodtrad.core",
    "rodtrad.accounts",
    "rodtrad.audit",
    "rodtrad.clients",
    "rodtrad.exports",
    "rodtrad.documents",
    "rodtrad.plans",
    "rodtrad.journal",
    "rodtrad.followup",
    "rodtrad.oversight",
    "rodtrad.synthetic",
    *SSO_APPS,
    "rodtrad.operations",
    # Last: its admin composes the other apps' parts of the unit's page (front/admin.py).
    "rodtrad.front",
]

MIDDLEWARE = [
    # First: every log line of the request carries its id (rodtrad/operations/middleware.py).
    "rodtrad.operations.middleware.RequestLog",
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    *SSO_MIDDLEWARE,
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    # Last, so that a locked-out sign-in is answered before anything else runs.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "rodtrad.urls"
WSGI_APPLICATION = "rodtrad.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "rodtrad" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "rodtrad.core.context_processors.signed_in_user",
            ],
        },
    },
]

# Form widgets are rendered with the project's templates first, so that one template
# (templates/django/forms/widgets/select_option.html) gives every empty choice Swedish words.
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

DATABASE_CONNECTION_SECONDS = 600


def postgresql_options():
    """Parameters bound on the server, so that psycopg can prepare statements where the code
    asks for it (rodtrad/lib/prepared.py); connections kept for ten minutes (CONN_MAX_AGE, with a
    health check before reuse), so that what a worker prepared serves it."""
    return {"server_side_binding": True}


# SQLite, the embedded default, serving a unit's shift: every page view writes an audit event, so
# every reader is a writer. In WAL mode readers never wait for the writer; a transaction takes
# the write lock when it begins (BEGIN IMMEDIATE, Django 5.1+ `transaction_mode`), so that two
# requests never both read and then try to upgrade to writing (SQLite answers one of them
# "database is locked" at once, whatever the busy timeout); and a request that finds the lock
# taken waits for it (`timeout`, seconds: Python's sqlite3 sets SQLite's busy timeout from it)
# instead of failing. Requests then queue for the milliseconds each holds the lock.
SQLITE_BUSY_TIMEOUT_SECONDS = int(os.environ.get("RODTRAD_SQLITE_BUSY_TIMEOUT", "20"))
SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": SQLITE_BUSY_TIMEOUT_SECONDS,
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
}


def database_from_environment():
    """PostgreSQL (or anything dj-database-url reads) from DATABASE_URL, else SQLite under var/."""
    url = os.environ.get("DATABASE_URL")
    sqlite_options = dict(SQLITE_OPTIONS)
    if url:
        config = dj_database_url.parse(url, conn_max_age=DATABASE_CONNECTION_SECONDS, conn_health_checks=True)
        if config["ENGINE"] == "django.db.backends.postgresql":
            config["OPTIONS"] = {**postgresql_options(), **config.get("OPTIONS", {})}
        # A SQLite file named in DATABASE_URL (sqlite:////abs/path) gets the same backend as the
        # default one: without its "sv" collation every list in Swedish order would fail.
        if config["ENGINE"] == "django.db.backends.sqlite3":
            config["ENGINE"] = "rodtrad.lib.sqlite"
            config["OPTIONS"] = {**sqlite_options, **config.get("OPTIONS", {})}
    else:
        config = {"ENGINE": "rodtrad.lib.sqlite", "NAME": VAR_DIR / "rodtrad.sqlite3", "OPTIONS": sqlite_options}
    # Every request is one transaction, so an audit event that cannot be written takes the
    # whole response down with it instead of letting the data out unlogged.
    config["ATOMIC_REQUESTS"] = True
    return config


DATABASES = {"default": database_from_environment()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    *SSO_AUTHENTICATION_BACKENDS,
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "clients:my_clients"
LOGOUT_REDIRECT_URL = "accounts:login"

# Sign-in lock-out: five failures for one user name from one address lock it for 30 minutes.
AXES_FAILURE_LIMIT = int(os.environ.get("RODTRAD_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 0.5  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
# A refusal at the identity provider's return is no password guessed: it is audited, not counted.
AXES_WHITELIST_CALLABLE = "rodtrad.signin.sso.is_identity_provider_return"

# The shared cache: one table in the database (manage.py createcachetable, where the migrations
# run), so that every worker and every app server sees the same values. Nothing whose staleness
# matters may live in one process.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "rodtrad_cache"},
    # Rendered journal cards, process-local on purpose (see rodtrad/journal/cards.py): a card's key
    # holds everything it shows, so a card kept in one worker is never stale. A card is about
    # 2 kB: 5,000 of them are some 10 MB per worker.
    "journal_cards": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "journal-cards",
        "TIMEOUT": 24 * 60 * 60,
        "OPTIONS": {"MAX_ENTRIES": 5000},
    },
}

# A session ends after this many idle minutes: every request renews the cookie.
SESSION_IDLE_MINUTES = int(os.environ.get("RODTRAD_SESSION_IDLE_MINUTES", "30"))
SESSION_COOKIE_AGE = SESSION_IDLE_MINUTES * 60
SESSION_SAVE_EVERY_REQUEST = True
# Renewed in the database at most once a minute while nothing in it changes (accounts/sessions.py).
SESSION_ENGINE = "rodtrad.accounts.sessions"
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"

LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", "Svenska")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "rodtrad" / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Behind a reverse proxy the client's address is in X-Forwarded-For; trust it only when told to.
RODTRAD_TRUST_X_FORWARDED_FOR = os.environ.get("RODTRAD_TRUST_X_FORWARDED_FOR") == "1"

# JSON lines with the request's id and no personal data (rodtrad/operations/logs.py);
# RODTRAD_LOG_FORMAT=console for readable lines while developing.
LOGGING = logs.configure(
    level=os.environ.get("RODTRAD_LOG_LEVEL", "INFO"), log_format=os.environ.get("RODTRAD_LOG_FORMAT", "json")
)

# Background jobs (the file for the authority, the period summary's PDF) wait in a table of the
# database Rödtråd already has, SQLite or PostgreSQL, until `manage.py db_worker` runs them.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
# A file made in the background is kept this long once ready, for the user who asked (and two
# minutes once fetched); one not made within RODTRAD_EXPORT_PENDING_MINUTES counts as failed.
RODTRAD_EXPORT_KEEP_MINUTES = int(os.environ.get("RODTRAD_EXPORT_KEEP_MINUTES", "15"))
RODTRAD_EXPORT_PENDING_MINUTES = int(os.environ.get("RODTRAD_EXPORT_PENDING_MINUTES", "10"))
# DejaVu Sans for the journal part of the file for the authority (Debian's fonts-dejavu-core).
RODTRAD_PDF_FONT_DIR = os.environ.get("RODTRAD_PDF_FONT_DIR", "/usr/share/fonts/truetype/dejavu")

# `manage.py backup` writes dated backups here unless told otherwise (docs/operations.md).
RODTRAD_BACKUP_DIR = os.environ.get("RODTRAD_BACKUP_DIR", str(VAR_DIR / "backups"))

# Links in e-mailed reminders (manage.py send_reminders) point here.
RODTRAD_BASE_URL = os.environ.get("RODTRAD_BASE_URL", "http://127.0.0.1:8000")
