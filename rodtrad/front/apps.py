from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FrontConfig(AppConfig):
    """The top floor: pages and operations that gather several parts. It imports the domain
    apps and none imports it (docs/architecture.md)."""

    name = "rodtrad.front"
    verbose_name = _("Pages across the record")
