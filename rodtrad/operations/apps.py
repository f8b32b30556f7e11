from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OperationsConfig(AppConfig):
    """Running Rödtråd: backups, the health check and the log lines. Knows no domain app."""

    name = "rodtrad.operations"
    verbose_name = _("Operations")
