"""The test suite: development settings with a fast password hasher and no lock-out carried between tests."""

from .development import *  # noqa: F403

# Argon2 is deliberately slow; tests create many users. Production's hasher list is tested separately.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
ALLOWED_HOSTS = ["*"]
# Every reused statement is also built the ordinary way and compared (rodtrad/lib/reused.py).
RODTRAD_CHECK_REUSED_STATEMENTS = True
