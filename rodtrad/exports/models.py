"""A file made in the background for one user (the file for the authority, a period summary):
asked for by a request, made by the worker (`manage.py db_worker`), fetched by the same user,
then removed. The row lives only as long as the file is needed; the audit log keeps the history."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class PreparedFile(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("being prepared")
        READY = "ready", _("ready")
        FAILED = "failed", _("failed")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(_("kind"), max_length=40)
    # What the file covers beyond the client, as the address asked for it (e.g. a period's dates).
    parameters = models.JSONField(_("parameters"), default=dict)
    key = models.CharField(_("key"), max_length=200)
    client = models.ForeignKey("clients.Client", on_delete=models.CASCADE, related_name="+", verbose_name=_("client"))
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("requested by")
    )
    # The request's address, for the audit event the job writes.
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    task_id = models.CharField(_("task"), max_length=64, blank=True)
    requested_at = models.DateTimeField(_("requested at"))
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    ready_at = models.DateTimeField(_("ready at"), null=True, blank=True)
    fetched_at = models.DateTimeField(_("fetched at"), null=True, blank=True)
    # When the file is removed: set when it is ready, brought forward when it is fetched.
    expires_at = models.DateTimeField(_("expires at"), null=True, blank=True)
    filename = models.CharField(_("file name"), max_length=200, blank=True)
    content = models.BinaryField(_("content"), null=True, blank=True)
    pages = models.PositiveIntegerField(_("pages"), null=True, blank=True)

    class Meta:
        verbose_name = _("prepared file")
        verbose_name_plural = _("prepared files")
        constraints = [
            # One file of a kind per user, client and parameters: a second tab waits for the first.
            models.UniqueConstraint(fields=["requested_by", "client", "kind", "key"], name="exports_one_per_request"),
        ]
        indexes = [models.Index(fields=["expires_at"], name="exports_by_expiry")]

    def __str__(self):
        return f"{self.kind} {self.client_id} {self.status}"

    @property
    def is_ready(self):
        return self.status == self.Status.READY
