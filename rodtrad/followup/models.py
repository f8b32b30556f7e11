"""Follow-up (uppföljning): goals followed up at the client's own pace, and the yearly review of
a whole plan period, after which a new period starts.

A follow-up is a record of what was found on a day; it is never changed afterwards (one made in a
yearly review can be corrected until the review is finished, since the review is written over one
meeting or a series of shorter ones). A goal's history is its follow-ups in order; the newest says
how the goal goes and when it is next due."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rodtrad.plans.models import Goal, PlanItem, PlanPeriod


class Answer(models.TextChoices):
    """Har målet uppfyllts? Ej aktuellt is for plan items without a goal."""

    FULLY = "fully", _("Fully")
    PARTLY = "partly", _("Partly")
    NO = "no", _("No")
    NOT_APPLICABLE = "not_applicable", _("Not applicable")


class HowFollowedUp(models.Model):
    """How a follow-up was done: the routine accepts talking with the client as well as reading
    the journal or asking relatives and colleagues, and both of its examples must be recordable."""

    with_client = models.BooleanField(_("talked with the client"), default=False)
    from_journal = models.BooleanField(_("read the journal"), default=False)
    with_relatives = models.BooleanField(_("with relatives or representatives"), default=False)
    with_colleagues = models.BooleanField(_("with colleagues"), default=False)
    participants = models.TextField(
        _("who took part"),
        blank=True,
        help_text=_("Names with title or relation, for example “Maria Berg, kontaktman”."),
    )

    class Meta:
        abstract = True

    WAY_FIELDS = ("with_client", "from_journal", "with_relatives", "with_colleagues")

    def ways_display(self) -> str:
        """The ways ticked, in words: "talked with the client, read the journal"."""
        return ", ".join(
            str(self._meta.get_field(name).verbose_name) for name in self.WAY_FIELDS if getattr(self, name)
        )


class FinalFollowUpError(Exception):
    """A follow-up on its own, or one in a finished review, is part of the record and never changes."""


class Review(HowFollowedUp):
    """The follow-up document of a plan period (uppföljningsdokument), used for the yearly review."""

    period = models.OneToOneField(PlanPeriod, on_delete=models.PROTECT, related_name="review", verbose_name=_("period"))
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("started by")
    )
    how_done = models.TextField(_("how the follow-up was done"), blank=True)
    summary = models.TextField(_("how the support works"), blank=True)
    assessment = models.TextField(_("the unit's assessment of the client's situation"), blank=True)
    goals_summary = models.TextField(_("how the goals go"), blank=True)
    action_needs = models.TextField(_("needs for action found"), blank=True)
    needs_changed = models.BooleanField(_("the client's needs have changed"), null=True, blank=True)
    case_officer_told_on = models.DateField(_("the case officer was told on"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    finished_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("finished by"),
    )
    # Optimistic locking, as on plan periods: a stale save is refused and the writer's text kept.
    version = models.PositiveIntegerField(default=1)
    # The checklist questions (followup/checklist.py) the writer confirmed, where Rödtråd cannot
    # see the answer for itself.
    checklist_confirmed = models.JSONField(_("confirmed checklist questions"), default=list, blank=True)
    journal_entry = models.ForeignKey(
        "journal.Entry",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("journal entry that the follow-up was done"),
    )
    # "Lägg till": who started the next period from this review, and what they confirmed then.
    new_period_confirmed = models.JSONField(_("confirmed for the new period"), default=list, blank=True)
    new_period_started_at = models.DateTimeField(_("new period started"), null=True, blank=True)
    new_period_started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("new period started by"),
    )

    class Meta:
        verbose_name = _("follow-up of a plan period")
        verbose_name_plural = _("follow-ups of plan periods")

    def __str__(self):
        return f"{self.period}"

    # After finishing, only "Lägg till" writes to the review: who added the new period, and when.
    NEW_PERIOD_FIELDS = frozenset({"new_period_confirmed", "new_period_started_at", "new_period_started_by"})

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        only_new_period = update_fields is not None and set(update_fields) <= self.NEW_PERIOD_FIELDS
        if self.pk and not only_new_period and Review.objects.filter(pk=self.pk, finished_at__isnull=False).exists():
            raise FinalFollowUpError("A finished follow-up is never changed.")
        super().save(*args, **kwargs)

    @property
    def is_finished(self):
        return self.finished_at is not None


class GoalFollowUpQuerySet(models.QuerySet):
    def newest_first(self):
        return self.order_by("-followed_up_on", "-pk")


class GoalFollowUp(HowFollowedUp):
    """One answer to "Har målet uppfyllts?" for a goal, or Ej aktuellt for a plan item without one."""

    item = models.ForeignKey(PlanItem, on_delete=models.PROTECT, related_name="follow_ups", verbose_name=_("plan item"))
    goal = models.ForeignKey(
        Goal, on_delete=models.PROTECT, null=True, blank=True, related_name="follow_ups", verbose_name=_("goal")
    )
    review = models.ForeignKey(
        Review,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="follow_ups",
        verbose_name=_("yearly review"),
    )
    followed_up_on = models.DateField(_("followed up on"), default=timezone.localdate)
    answer = models.CharField(_("has the goal been met?"), max_length=16, choices=Answer.choices)
    comment = models.TextField(_("comment"))
    changes = models.TextField(_("changes in the plan item"), blank=True)
    next_follow_up_on = models.DateField(_("next follow-up"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("recorded by")
    )
    recorded_at = models.DateTimeField(_("recorded"), default=timezone.now)

    objects = GoalFollowUpQuerySet.as_manager()

    class Meta:
        verbose_name = _("goal follow-up")
        verbose_name_plural = _("goal follow-ups")
        ordering = ["-followed_up_on", "-pk"]
        indexes = [
            models.Index(fields=["goal", "-followed_up_on", "-id"], name="followup_goal_newest"),
            models.Index(fields=["item", "-followed_up_on", "-id"], name="followup_item_newest"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["review", "goal"],
                condition=Q(review__isnull=False, goal__isnull=False),
                name="one_follow_up_per_goal_in_a_review",
            ),
            models.UniqueConstraint(
                fields=["review", "item"],
                condition=Q(review__isnull=False, goal__isnull=True),
                name="one_follow_up_per_goalless_item_in_a_review",
            ),
            # Ej aktuellt is the answer for a plan item without a goal, and only for one.
            models.CheckConstraint(
                condition=(
                    Q(goal__isnull=True, answer="not_applicable")
                    | (Q(goal__isnull=False) & ~Q(answer="not_applicable"))
                ),
                name="not_applicable_exactly_without_a_goal",
            ),
            models.CheckConstraint(condition=~Q(comment=""), name="a_follow_up_has_a_comment"),
        ]

    def __str__(self):
        return f"{self.followed_up_on} {self.get_answer_display()}"

    def save(self, *args, **kwargs):
        stored = GoalFollowUp.objects.select_related("review").filter(pk=self.pk).first() if self.pk else None
        if stored is not None and stored.is_final:
            raise FinalFollowUpError("A recorded follow-up is never changed.")
        super().save(*args, **kwargs)

    @property
    def is_final(self):
        """A follow-up made on its own is final when recorded; one in a yearly review when the
        review is finished (until then it is a draft part of the review's document)."""
        return self.review_id is None or self.review.is_finished
