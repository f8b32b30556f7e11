from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import descriptions


class AppendOnlyError(Exception):
    """Raised by any attempt to change or remove an audit event through the ORM."""


class AccessEventQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError("The audit log is append-only.")

    def delete(self):
        raise AppendOnlyError("The audit log is append-only.")


class Action(models.TextChoices):
    VIEW = "view", _("view")
    CREATE = "create", _("create")
    UPDATE = "update", _("update")
    SIGN = "sign", _("sign")
    EXPORT = "export", _("export")
    PRINT = "print", _("print")
    SIGN_IN = "sign_in", _("sign-in")
    SIGN_OUT = "sign_out", _("sign-out")
    REFUSED = "refused", _("sign-in refused")


class SignInMethod(models.TextChoices):
    """How a person signed in, as the log records it with each sign-in (issue 18)."""

    PASSWORD = "password", _("password")
    PASSWORD_TOTP = "password_totp", _("password and one-time code")
    PASSWORD_PASSKEY = "password_passkey", _("password and passkey")
    PASSWORD_RECOVERY = "password_recovery", _("password and recovery code")
    OIDC = "oidc", _("OpenID Connect")
    SAML = "saml", _("SAML")


class AccessEvent(models.Model):
    """Who did what with which client's data, when and from where. Written once, never changed.

    On PostgreSQL a trigger (migration 0002) refuses UPDATE and DELETE as well, so not even
    a raw SQL path can rewrite history."""

    occurred_at = models.DateTimeField(_("time"), default=timezone.now)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="access_events",
        verbose_name=_("user"),
    )
    client = models.ForeignKey(
        "clients.Client",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="access_events",
        verbose_name=_("client"),
    )
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    object_type = models.CharField(_("object type"), max_length=50, blank=True)
    object_id = models.CharField(_("object id"), max_length=50, blank=True)
    detail = models.CharField(_("detail"), max_length=200, blank=True)
    path = models.CharField(_("address in Rödtråd"), max_length=500, blank=True)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    # Sign-in events only: the method, and the assurance the identity provider asserted (acr or
    # AuthnContextClassRef, as sent).
    sign_in_method = models.CharField(_("sign-in method"), max_length=20, choices=SignInMethod.choices, blank=True)
    assurance = models.CharField(_("asserted assurance"), max_length=200, blank=True)

    objects = AccessEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("access event")
        verbose_name_plural = _("access events")
        ordering = ["-occurred_at", "-pk"]
        indexes = [
            models.Index(fields=["client", "-occurred_at"], name="audit_by_client"),
            models.Index(fields=["user", "-occurred_at"], name="audit_by_user"),
            models.Index(fields=["-occurred_at"], name="audit_by_time"),
        ]

    def __str__(self):
        return f"{self.occurred_at:%Y-%m-%d %H:%M} {self.user} {self.action} {self.client_id}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError("The audit log is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("The audit log is append-only.")

    def description(self) -> str:
        """What was reached, in Swedish words (audit/descriptions.py)."""
        return descriptions.describe(self)
