"""The implementation plan (genomförandeplan): a plan per client and unit, in periods; each period
holds how the plan was made, plan items per section, goals, a risk assessment and a signature."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from rodtrad.accounts.models import Unit
from rodtrad.clients.models import Client, Consent, Order

from .risk_matrix import risk_class


class PlanTemplate(models.Model):
    """Section headings a unit uses; the one without a unit is the default for all."""

    unit = models.OneToOneField(
        Unit, on_delete=models.CASCADE, null=True, blank=True, related_name="plan_template", verbose_name=_("unit")
    )
    name = models.CharField(_("name"), max_length=200)

    class Meta:
        verbose_name = _("plan template")
        verbose_name_plural = _("plan templates")

    def __str__(self):
        return self.name


class SectionTemplate(models.Model):
    template = models.ForeignKey(
        PlanTemplate, on_delete=models.CASCADE, related_name="sections", verbose_name=_("template")
    )
    title = models.CharField(_("heading"), max_length=100)
    life_areas = models.CharField(_("ICF/IBIC life areas"), max_length=300, blank=True)
    guidance = models.TextField(_("guidance"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    holds_items = models.BooleanField(
        _("holds plan items"),
        default=True,
        help_text=_("Off for headings filled from elsewhere, such as Personuppgifter."),
    )

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        ordering = ["position", "pk"]

    def __str__(self):
        return self.title


class Plan(models.Model):
    client = models.ForeignKey(Client, on_delete=models.PROTECT, related_name="plans", verbose_name=_("client"))
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="plans", verbose_name=_("unit"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("implementation plan")
        verbose_name_plural = _("implementation plans")
        constraints = [models.UniqueConstraint(fields=["client", "unit"], name="one_plan_per_client_and_unit")]

    def __str__(self):
        return f"{self.client} – {self.unit}"


class PlanPeriod(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        ESTABLISHED = "established", _("Established")

    class SignatureMethod(models.TextChoices):
        PAPER = "paper", _("Signed on paper")
        ORAL = "oral", _("Confirmed orally")
        REPRESENTATIVE = "representative", _("Via representative")

    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="periods", verbose_name=_("plan"))
    starts_on = models.DateField(_("period starts"))
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.DRAFT)
    established_at = models.DateTimeField(_("established"), null=True, blank=True)
    established_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("established by"),
    )
    previous = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="next_period",
        verbose_name=_("previous period"),
    )
    # Optimistic locking: a save carries the version it started from; a stale one is refused.
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)
    # When the yearly review is due (due/yearly_review.py).
    review_due_on = models.DateField(_("yearly review due"), editable=False)

    # Planens framtagande
    planning_date = models.DateField(_("planning date"), null=True, blank=True)
    participation = models.TextField(_("how the client took part"), blank=True)
    participants = models.TextField(
        _("who took part"),
        blank=True,
        help_text=_("The client, relatives, representatives and staff, with relation or title."),
    )
    follow_up_planned_on = models.DateField(_("planned follow-up"), null=True, blank=True)
    declined_participation_reason = models.TextField(
        _("the client declined to take part, because"),
        blank=True,
        help_text=_("Leave empty when the client took part. The plan then describes how the services are given."),
    )
    declined_goals_reason = models.TextField(_("the client declined goals, because"), blank=True)
    child_views = models.TextField(
        _("the child's own views"),
        blank=True,
        help_text=_("Or how staff tried to learn them, if the child could not or would not say."),
    )
    child_best_interest = models.TextField(_("how the child's best interest was weighed"), blank=True)

    # Underskrift: the client's confirmation that the plan was discussed, not a contract.
    signature_method = models.CharField(_("confirmation"), max_length=20, choices=SignatureMethod.choices, blank=True)
    signed_on = models.DateField(_("confirmed on"), null=True, blank=True)
    signed_by = models.CharField(
        _("confirmed by"), max_length=200, blank=True, help_text=_("The client, or the representative's name.")
    )

    class Meta:
        verbose_name = _("plan period")
        verbose_name_plural = _("plan periods")
        ordering = ["-starts_on", "-pk"]
        indexes = [models.Index(fields=["review_due_on"], name="period_review_due", condition=Q(status="established"))]

    def __str__(self):
        return f"{self.plan} {self.starts_on}"

    @property
    def is_established(self):
        return self.status == self.Status.ESTABLISHED

    @property
    def client(self):
        return self.plan.client


class PlanItem(models.Model):
    """Insats/aktivitet per område: what the client does alone, what support they want, and how."""

    period = models.ForeignKey(PlanPeriod, on_delete=models.CASCADE, related_name="items", verbose_name=_("period"))
    section = models.ForeignKey(SectionTemplate, on_delete=models.PROTECT, related_name="+", verbose_name=_("section"))
    order = models.ForeignKey(
        Order, on_delete=models.PROTECT, null=True, blank=True, related_name="plan_items", verbose_name=_("order")
    )
    title = models.CharField(_("activity"), max_length=200)
    does_alone = models.TextField(_("what the client does alone"), blank=True)
    support_wanted = models.TextField(_("what support the client wants"), blank=True)
    how_wanted = models.TextField(_("how the client wants it"), blank=True)
    way_of_working = models.TextField(_("way of working"), blank=True)
    carried_from = models.ForeignKey("self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("plan item")
        verbose_name_plural = _("plan items")
        ordering = ["section__position", "position", "pk"]

    def __str__(self):
        return self.title


class Goal(models.Model):
    """A SMART goal made with the goal template (mål-mall) of the routine."""

    class Type(models.TextChoices):
        MAINTAIN = "maintain", _("Maintain an ability")
        DEVELOP = "develop", _("Develop an ability")
        REGAIN = "regain", _("Regain an ability")

    item = models.ForeignKey(PlanItem, on_delete=models.CASCADE, related_name="goals", verbose_name=_("plan item"))
    goal_type = models.CharField(_("kind of goal"), max_length=10, choices=Type.choices)
    what = models.CharField(_("what"), max_length=300)
    how_often = models.CharField(_("how often or how much"), max_length=200)
    support = models.CharField(_("with what support"), max_length=300, blank=True)
    by_when = models.DateField(_("by when"))
    why = models.TextField(_("why it matters to the client"))
    order_goal = models.TextField(_("the order goal it serves"))
    sentence = models.TextField(_("the goal"))
    carried_from = models.ForeignKey("self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    # When it is next followed up, empty once met with nothing more planned (due/goal_follow_up.py).
    follow_up_due_on = models.DateField(_("next follow-up due"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        ordering = ["pk"]
        indexes = [models.Index(fields=["follow_up_due_on"], name="goal_follow_up_due")]

    def __str__(self):
        return self.sentence[:80]


class RiskAssessment(models.Model):
    period = models.OneToOneField(
        PlanPeriod, on_delete=models.CASCADE, related_name="risk_assessment", verbose_name=_("period")
    )
    assessed_on = models.DateField(_("assessed on"))
    team = models.TextField(_("team (names and titles)"), blank=True)
    responsible = models.CharField(_("responsible for the assessment"), max_length=200, blank=True)
    no_risks_identified = models.BooleanField(_("no risks identified"), default=False)
    no_risks_grounds = models.TextField(_("grounds for no risks"), blank=True)
    # When it is reviewed again (due/risk_assessment_review.py).
    review_due_on = models.DateField(_("review due"), editable=False)

    class Meta:
        verbose_name = _("risk assessment")
        verbose_name_plural = _("risk assessments")
        indexes = [models.Index(fields=["review_due_on"], name="risk_assessment_review_due")]

    def __str__(self):
        return f"{self.period} {self.assessed_on}"


class Risk(models.Model):
    class Consequence(models.IntegerChoices):
        MINOR = 1, _("Minor – discomfort")
        MODERATE = 2, _("Moderate – risk of harm to health or development")
        SIGNIFICANT = 3, _("Significant – serious harm or clear risk of it")
        CATASTROPHIC = 4, _("Catastrophic – death or suicide")

    class Likelihood(models.IntegerChoices):
        VERY_LOW = 1, _("Very low – once a year")
        LOW = 2, _("Low – every month")
        HIGH = 3, _("High – every week, or one time in ten")
        VERY_HIGH = 4, _("Very high – daily, or one time in three")

    assessment = models.ForeignKey(
        RiskAssessment, on_delete=models.CASCADE, related_name="risks", verbose_name=_("risk assessment")
    )
    item = models.ForeignKey(
        PlanItem, on_delete=models.SET_NULL, null=True, blank=True, related_name="risks", verbose_name=_("activity")
    )
    description = models.TextField(_("risk (what has happened or could happen)"))
    consequence = models.PositiveSmallIntegerField(_("consequence"), choices=Consequence.choices)
    likelihood = models.PositiveSmallIntegerField(_("likelihood"), choices=Likelihood.choices)
    causes = models.TextField(_("causes"), blank=True)
    tried_before = models.TextField(_("measures tried before and their result"), blank=True)
    actions = models.TextField(_("actions to take"))
    responsible = models.CharField(_("responsible"), max_length=200)
    follow_up_on = models.DateField(_("follow-up"))
    is_protective_measure = models.BooleanField(_("protective measure (skyddsåtgärd)"), default=False)
    protective_purpose = models.TextField(_("the protective measure and its purpose"), blank=True)
    consent = models.ForeignKey(
        Consent,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("the client's consent"),
    )
    # When the protective measure is reviewed, empty for other risks (due/protective_measure_review.py).
    protective_review_due_on = models.DateField(
        _("protective measure review due"), null=True, blank=True, editable=False
    )

    class Meta:
        verbose_name = _("risk")
        verbose_name_plural = _("risks")
        ordering = ["pk"]
        indexes = [
            models.Index(
                fields=["protective_review_due_on"],
                name="protective_review_due",
                condition=Q(is_protective_measure=True),
            )
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(is_protective_measure=True, protective_review_due_on__isnull=False)
                | Q(is_protective_measure=False, protective_review_due_on__isnull=True),
                name="protective_review_due_exactly_for_a_protective_measure",
            )
        ]

    def __str__(self):
        return self.description[:80]

    @property
    def risk_class(self):
        return risk_class(self.consequence, self.likelihood)


class LifeStory(models.Model):
    client = models.OneToOneField(Client, on_delete=models.PROTECT, related_name="life_story", verbose_name=_("client"))
    gone_through_on = models.DateField(_("gone through with the client on"), null=True, blank=True)

    class Meta:
        verbose_name = _("life story")
        verbose_name_plural = _("life stories")

    def __str__(self):
        return str(self.client)


class LifeStorySection(models.Model):
    story = models.ForeignKey(
        LifeStory, on_delete=models.CASCADE, related_name="sections", verbose_name=_("life story")
    )
    title = models.CharField(_("heading"), max_length=200)
    text = models.TextField(_("text"))
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("life story section")
        verbose_name_plural = _("life story sections")
        ordering = ["position", "pk"]

    def __str__(self):
        return self.title


class FormDraft(models.Model):
    """What a user has typed into one of the plan's forms and not saved yet, kept on the server
    as they write so that a closed tab, a lost phone or another device loses nothing. It belongs
    to its writer alone, like a journal draft, and is gone once the form is saved or thrown away.
    The browser keeps its own copy of what has not reached the server (static/rodtrad/drafts.js)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="+")
    period = models.ForeignKey(PlanPeriod, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    # The page the form is on and, where a page has two forms, which one: "/brukare/1/plan/2/risker/#risk".
    key = models.CharField(max_length=300)
    view_name = models.CharField(max_length=100)
    title = models.CharField(max_length=200)
    data = models.JSONField(default=dict)
    saved_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("unsaved form")
        verbose_name_plural = _("unsaved forms")
        constraints = [models.UniqueConstraint(fields=["user", "key"], name="one_form_draft_per_user_and_form")]

    def __str__(self):
        return f"{self.user} {self.key}"

    @property
    def url(self):
        return self.key.partition("#")[0]
