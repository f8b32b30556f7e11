"""Domain operations on implementation plans, called by views, commands and tests alike."""

import hashlib
import json
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from rodtrad.clients.services import is_closed

from . import drafts, rules
from .due import goal_follow_up, protective_measure_review, risk_assessment_review, yearly_review
from .models import Goal, Plan, PlanItem, PlanPeriod, PlanTemplate, Risk, RiskAssessment, SectionTemplate

ITEM_TEXT_FIELDS = ("title", "does_alone", "support_wanted", "how_wanted", "way_of_working")


class StaleEdit(Exception):
    """Someone else saved the period, or the plan item, after this writer opened it."""


STALE_ITEM_MESSAGE = gettext_lazy(
    "Someone else changed this plan item while you were writing. Your text is kept below: copy what you need, "
    "reload the page and add it again."
)


class PlanIncomplete(Exception):
    def __init__(self, missing):
        super().__init__("; ".join(missing))
        self.missing = missing


class ReadOnlyPeriod(Exception):
    """An established period is read-only, except for small changes to plan items."""


def template_for(unit):
    """The unit's own template if it has one, else the default: as a subquery, so that the
    sections below are one query."""
    templates = PlanTemplate.objects.filter(Q(unit=unit) | Q(unit__isnull=True))
    return templates.order_by(F("unit").asc(nulls_last=True)).values("pk")[:1]


def sections_for(unit):
    return SectionTemplate.objects.filter(template=Subquery(template_for(unit)))


@transaction.atomic
def start_plan(client, unit, *, starts_on=None) -> PlanPeriod:
    """The client's plan at this unit, with a first draft period."""
    ensure_open(client)
    plan, _created = Plan.objects.get_or_create(client=client, unit=unit)
    if plan.periods.exists():
        raise ValidationError(_("The client already has a plan at this unit."))
    return add_period(plan, starts_on=starts_on or timezone.localdate())


def add_period(plan, *, starts_on, previous=None) -> PlanPeriod:
    """A new draft period of `plan` (the first, or the next after `previous`'s yearly review)."""
    period = PlanPeriod(plan=plan, starts_on=starts_on, previous=previous)
    yearly_review.set_due(period)
    period.save()
    return period


def ensure_open(client):
    """A closed case is read-only, its plans included."""
    if is_closed(client):
        raise ReadOnlyPeriod(_("The case is closed and the record is read-only."))


def ensure_draft(period):
    ensure_open(period.plan.client)
    if period.is_established:
        raise ReadOnlyPeriod(_("An established period is read-only."))


def is_superseded(period) -> bool:
    """A newer period was added after this one (after its yearly review): the old period is then
    history, kept as it was with its follow-up, and even small changes go into the new one."""
    return PlanPeriod.objects.filter(previous=period).exists()


def save_period(period, changes: dict, *, expected_version: int) -> PlanPeriod:
    """Save fields of a draft period unless someone else saved it since `expected_version`."""
    ensure_draft(period)
    updated = PlanPeriod.objects.filter(pk=period.pk, version=expected_version, status=PlanPeriod.Status.DRAFT).update(
        **changes, version=F("version") + 1, updated_at=timezone.now()
    )
    if not updated:
        raise StaleEdit
    period.refresh_from_db()
    if "follow_up_planned_on" in changes:
        goal_follow_up.planned_changed(period)
    return period


@transaction.atomic
def establish(period, *, user) -> PlanPeriod:
    ensure_draft(period)
    missing = rules.missing_to_establish(period)
    if missing:
        raise PlanIncomplete(missing)
    period.status = PlanPeriod.Status.ESTABLISHED
    period.established_at = timezone.now()
    period.established_by = user
    period.version = F("version") + 1
    period.save(update_fields=["status", "established_at", "established_by", "version", "updated_at"])
    period.refresh_from_db()
    drafts.forget_closed_forms(period)
    return period


def add_item(period, **fields) -> PlanItem:
    ensure_draft(period)
    return PlanItem.objects.create(period=period, **fields)


def _describe_changes(before: PlanItem, after: PlanItem) -> str:
    lines = []
    for field in ITEM_TEXT_FIELDS:
        if getattr(before, field) != getattr(after, field):
            label = PlanItem._meta.get_field(field).verbose_name
            lines.append(f"{str(label).capitalize()}: ”{getattr(before, field)}” → ”{getattr(after, field)}”")
    if before.order_id != after.order_id:
        label = str(PlanItem._meta.get_field("order").verbose_name).capitalize()
        lines.append(f"{label}: ”{_service_name(before.order)}” → ”{_service_name(after.order)}”")
    return "\n".join(lines)


def _service_name(order) -> str:
    return order.service.name if order else "–"


def item_fingerprint(item) -> str:
    """What a plan item says, in short: a form carries it from when it was opened, so that a
    save over someone else's change is noticed (plan items have no version of their own)."""
    values = [getattr(item, field) for field in ITEM_TEXT_FIELDS] + [item.order_id]
    return hashlib.sha256(json.dumps(values).encode()).hexdigest()[:16]


@dataclass(frozen=True)
class ItemChange:
    """A plan item after a change, and what the journal is to say of it: the text of the entry
    "Ändring i insats" when an established item changed, else empty."""

    item: PlanItem
    journal_text: str = ""


@transaction.atomic
def change_item(item, changes: dict, *, reason: str = "", opened: str = "") -> ItemChange:
    """Draft items change freely. After establishing, a small change is made in place with a
    reason, and the change says what the journal entry "Ändring i insats" is to say (written by
    front.services.change_plan_item: the journal is above the plan). With `opened`
    (item_fingerprint when the writer opened the item), a change over someone else's is refused."""
    ensure_open(item.period.plan.client)
    if is_superseded(item.period):
        raise ReadOnlyPeriod(_("A newer plan period has replaced this one: make the change there."))
    # "Before" is what the database holds, not `item`: a bound ModelForm has already written the
    # new values into its instance.
    current = PlanItem.objects.select_for_update().get(pk=item.pk)
    if opened and opened != item_fingerprint(current):
        raise StaleEdit
    if item.period.is_established and not reason.strip():
        raise ValidationError({"reason": _("Write why the plan item is changed.")})
    for field, value in changes.items():
        setattr(item, field, value)
    if not item.period.is_established:
        item.save()
        return ItemChange(item)
    described = _describe_changes(current, item)
    if not described:
        return ItemChange(item)
    item.save()
    text = _("Change in plan item “%(item)s”.\n%(changes)s\nWhy: %(reason)s") % {
        "item": item.title,
        "changes": described,
        "reason": reason.strip(),
    }
    return ItemChange(item, text)


def add_goal(item, *, confirm_many=False, **fields) -> Goal:
    ensure_draft(item.period)
    count = Goal.objects.filter(item__period=item.period).count()
    if count >= rules.MANY_GOALS and not confirm_many:
        raise ValidationError(
            {
                "confirm_many": _("The plan already has %(count)s goals. Goals should be few enough to work with.")
                % {"count": count}
            }
        )
    if not fields.get("sentence", "").strip():
        fields["sentence"] = rules.compose_goal(
            what=fields["what"],
            how_often=fields["how_often"],
            support=fields.get("support", ""),
            by_when=fields["by_when"],
            why=fields["why"],
        )
    goal = Goal(item=item, **fields)
    goal_follow_up.set_due(goal, item.period)
    goal.save()
    return goal


@transaction.atomic
def save_risk_assessment(period, **fields) -> RiskAssessment:
    ensure_draft(period)
    fields["review_due_on"] = risk_assessment_review.due_on(RiskAssessment(**fields))
    assessment, _created = RiskAssessment.objects.update_or_create(period=period, defaults=fields)
    protective_measure_review.assessed(assessment)
    return assessment


def add_risk(assessment, **fields) -> Risk:
    ensure_draft(assessment.period)
    if fields.get("is_protective_measure") and fields.get("consent") is None:
        raise ValidationError({"consent": _("A protective measure needs the client's consent.")})
    risk = Risk(assessment=assessment, **fields)
    protective_measure_review.set_due(risk, assessment)
    risk.save()
    return risk
