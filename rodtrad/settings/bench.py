"""`make bench`: the production settings, so that the figures are production's (DEBUG off, cached
templates, WhiteNoise, secure cookies), with what a local run lacks filled in. Requests arrive as
from the HTTPS proxy (bench/pages.py sends them as secure).

Without DATABASE_URL the bench uses its own SQLite file (BENCH_SQLITE), never the development
database."""

import os

# Production refuses to start without these; the bench serves nobody, so local values do.
os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-not-secret-" + "b" * 50)
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver")

from .production import *  # noqa: F403

if not os.environ.get("DATABASE_URL"):
    DATABASES["default"]["NAME"] = os.environ.get("BENCH_SQLITE", str(VAR_DIR / "bench.sqlite3"))

# The bench signs its users in with force_login, which passes no second factor: without this
# every page would answer with the two-factor page (issue 18). RODTRAD_REQUIRE_MFA=1 puts it back.
RODTRAD_REQUIRE_MFA = os.environ.get("RODTRAD_REQUIRE_MFA", "0") == "1"
# The benchmark's data is invented (manage.py seed_synthetic), like the demo's.
DEMO_DATA_ALLOWED = True
# Collected apart from `make run`'s files: the manifest storage needs its own collectstatic.
STATIC_ROOT = VAR_DIR / "bench-static"
