"""The test suite: development settings with a fast password hasher and no lock-out carried between tests."""

from .development import *  # noqa: F403

# Argon2 is deliberately slow; tests create many users. Production's hasher list is tested separately.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
ALLOWED_HOSTS = ["*"]
# Every reused statement is also built the ordinary way and compared (rodtrad/lib/reused.py).
RODTRAD_CHECK_REUSED_STATEMENTS = True

# The suite's SQLite database is in memory, shared between the test's thread and the browser
# tests' live server through SQLite's shared cache, where a lock on a table is reported at once
# ("database table is locked") instead of waited for: a transaction that takes the write lock at
# its start (BEGIN IMMEDIATE) would make the two fail each other. The suite therefore starts its
# transactions as SQLite does by default; the file database `make run` serves, with BEGIN
# IMMEDIATE, WAL and the busy timeout, is tested by tests/test_served.py and tests/test_settings.py.
if DATABASES["default"]["ENGINE"] == "rodtrad.db.sqlite":
    DATABASES["default"]["OPTIONS"] = {**DATABASES["default"]["OPTIONS"], "transaction_mode": None}
