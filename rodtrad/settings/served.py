"""What every served Rödtråd shares, `make run` on a unit's machine and production alike: DEBUG
off (the Swedish 404, 403 and 500 pages, never Django's debug page), the static files served by
WhiteNoise from the app itself under names that change with their content, and cached templates
(Django caches them whenever DEBUG is off)."""

from .base import *  # noqa: F403

DEBUG = False

# WhiteNoise serves the collected static files (htmx, styles, scripts) from the app itself: no CDN.
MIDDLEWARE = list(MIDDLEWARE)
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1, "whitenoise.middleware.WhiteNoiseMiddleware"
)
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}}
