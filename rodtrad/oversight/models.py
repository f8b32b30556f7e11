"""What oversight itself records: that a manager reviewed the audit log, the monthly quality
spot checks of the journal, and which reminders were e-mailed."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rodtrad.accounts.models import Unit
from rodtrad.clients.models import Client


class LogReview(models.Model):
    """A manager's record that the unit's audit log was reviewed (logguppföljning): who and when.
    Every review is kept; the unit counts as reviewed for the months it has one in."""

    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="log_reviews", verbose_name=_("unit"))
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("reviewed by")
    )
    reviewed_at = models.DateTimeField(_("reviewed"), default=timezone.now)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("audit log review")
        verbose_name_plural = _("audit log reviews")
        ordering = ["-reviewed_at", "-pk"]
        indexes = [models.Index(fields=["unit", "-reviewed_at"], name="log_review_unit_time")]

    def __str__(self):
        return f"{self.unit} {self.reviewed_at:%Y-%m-%d}"


class SpotCheck(models.Model):
    """A month's quality spot check at a unit: a random sample of journals, read by a manager
    against the routine's checklist. The sample is drawn once and kept, so that it cannot be
    redrawn until it looks better."""

    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="spot_checks", verbose_name=_("unit"))
    month = models.DateField(_("month"), help_text=_("The first day of the month the check belongs to."))
    drawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("drawn by")
    )
    drawn_at = models.DateTimeField(_("drawn"), default=timezone.now)

    class Meta:
        verbose_name = _("quality spot check")
        verbose_name_plural = _("quality spot checks")
        ordering = ["-month", "unit__name"]
        constraints = [models.UniqueConstraint(fields=["unit", "month"], name="one_spot_check_per_unit_and_month")]

    def __str__(self):
        return f"{self.unit} {self.month:%Y-%m}"


class Assessment(models.TextChoices):
    MET = "met", _("Yes")
    NOT_MET = "not_met", _("No, needs work")
    NOT_APPLICABLE = "not_applicable", _("Not applicable")


class Outcome(models.TextChoices):
    APPROVED = "approved", _("Approved")
    NEEDS_WORK = "needs_work", _("Needs work")


# The checklist, drawn from the routine's "Hur ska du skriva?" and "Månadsanteckning": the field
# on SpotCheckItem, and the question the manager answers for the sampled journal.
CHECKLIST = (
    ("objective", _("Written objectively: what happened, what was done, and the result")),
    ("no_value_laden_words", _("No value-laden words, and interpretations marked as such")),
    ("no_medical_details", _("No medical details such as medicine names or doses")),
    ("no_other_clients", _("No other client is named")),
    ("deviations_written", _("Deviations from the plan are written, with the reason")),
    ("monthly_note_present", _("There is an entry for the month (at least the monthly note)")),
)


def _assessment_field(label):
    return models.CharField(label, max_length=16, choices=Assessment.choices, blank=True)


class SpotCheckItem(models.Model):
    """One sampled journal in a spot check, and what the manager found in it."""

    spot_check = models.ForeignKey(
        SpotCheck, on_delete=models.CASCADE, related_name="items", verbose_name=_("spot check")
    )
    client = models.ForeignKey(Client, on_delete=models.PROTECT, related_name="+", verbose_name=_("client"))
    position = models.PositiveSmallIntegerField(default=0)
    objective = _assessment_field(CHECKLIST[0][1])
    no_value_laden_words = _assessment_field(CHECKLIST[1][1])
    no_medical_details = _assessment_field(CHECKLIST[2][1])
    no_other_clients = _assessment_field(CHECKLIST[3][1])
    deviations_written = _assessment_field(CHECKLIST[4][1])
    monthly_note_present = _assessment_field(CHECKLIST[5][1])
    outcome = models.CharField(_("outcome"), max_length=16, choices=Outcome.choices, blank=True)
    comment = models.TextField(_("comment"), blank=True)
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("checked by"),
    )
    checked_at = models.DateTimeField(_("checked"), null=True, blank=True)

    class Meta:
        verbose_name = _("sampled journal")
        verbose_name_plural = _("sampled journals")
        ordering = ["position", "pk"]
        constraints = [models.UniqueConstraint(fields=["spot_check", "client"], name="client_once_per_spot_check")]

    def __str__(self):
        return f"{self.spot_check} {self.client}"

    @property
    def is_checked(self):
        return self.checked_at is not None

    def answers(self):
        """(question, answer label) for each point of the checklist."""
        return [(label, getattr(self, f"get_{field}_display")()) for field, label in CHECKLIST]


class ReminderSent(models.Model):
    """A reminder e-mailed to a user: at most one a day, however often the job runs."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("user")
    )
    sent_on = models.DateField(_("sent on"))
    sent_at = models.DateTimeField(_("sent"), default=timezone.now)
    item_count = models.PositiveIntegerField(_("items"))

    class Meta:
        verbose_name = _("reminder sent")
        verbose_name_plural = _("reminders sent")
        ordering = ["-sent_at"]
        constraints = [models.UniqueConstraint(fields=["user", "sent_on"], name="one_reminder_per_user_and_day")]

    def __str__(self):
        return f"{self.user} {self.sent_on}"
