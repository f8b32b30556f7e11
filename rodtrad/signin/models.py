from django.db import models
from django.utils.translation import gettext_lazy as _

from rodtrad.accounts.models import Membership, Unit


class GroupMapping(models.Model):
    """A group at the identity provider that gives its members a unit and a role in Rödtråd,
    at each sign-in through the IdP (groups.py). Kept by the administrator; changes are audited."""

    group = models.CharField(
        _("group at the identity provider"),
        max_length=255,
        help_text=_("As the identity provider sends it: a group name, or in Entra ID the group's object id."),
    )
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="group_mappings", verbose_name=_("unit"))
    role = models.CharField(
        _("role"), max_length=20, choices=Membership.Role.choices, default=Membership.Role.SUPPORT_STAFF
    )

    class Meta:
        verbose_name = _("group mapping")
        verbose_name_plural = _("group mappings")
        ordering = ["group", "unit__name"]
        constraints = [models.UniqueConstraint(fields=["group", "unit"], name="one_mapping_per_group_and_unit")]

    def __str__(self):
        return f"{self.group} → {self.unit} ({self.get_role_display()})"
