from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from .assurance import MINIMUM_CHOICES, Level


class User(AbstractUser):
    """A person who signs in. Their right to clients comes from unit memberships, never from is_superuser."""

    title = models.CharField(
        _("title"), max_length=100, blank=True, help_text=_("For example stödassistent or enhetschef.")
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self):
        return self.get_full_name() or self.username

    @property
    def name_with_title(self):
        return f"{self}, {self.title}" if self.title else str(self)


class Organisation(models.Model):
    name = models.CharField(_("name"), max_length=200, unique=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Unit(models.Model):
    class Kind(models.TextChoices):
        LSS_GROUP_HOME = "lss_group_home", _("LSS group home (9 § 9)")
        LSS_DAILY_ACTIVITY = "lss_daily_activity", _("LSS daily activity (9 § 10)")
        SOL_HOME_CARE = "sol_home_care", _("SoL home care and housing support")
        OTHER = "other", _("Other")

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="units", verbose_name=_("organisation")
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices, default=Kind.OTHER)
    first_plan_days = models.PositiveSmallIntegerField(
        _("days to first plan"),
        default=30,
        help_text=_("The agreed number of days from the start of an order until the first plan must be established."),
    )
    minimum_assurance = models.PositiveSmallIntegerField(
        _("minimum sign-in assurance"),
        choices=MINIMUM_CHOICES,
        default=Level.NONE,
        help_text=_("A session signed in below this level cannot be used by the unit's staff."),
    )

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="unit_name_unique_in_organisation")
        ]

    def __str__(self):
        return self.name


class Membership(models.Model):
    class Role(models.TextChoices):
        SUPPORT_STAFF = "support_staff", _("Support staff")
        MANAGER = "manager", _("Manager")

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("user"))
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="memberships", verbose_name=_("unit"))
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.SUPPORT_STAFF)
    # Granted from the identity provider's groups at sign-in (rodtrad/signin/groups.py), and taken
    # away there when the group is gone; a membership granted by hand is never touched there.
    from_identity_provider = models.BooleanField(_("from the identity provider's groups"), default=False)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [models.UniqueConstraint(fields=["user", "unit"], name="one_membership_per_user_and_unit")]

    def __str__(self):
        return f"{self.user} – {self.unit} ({self.get_role_display()})"
