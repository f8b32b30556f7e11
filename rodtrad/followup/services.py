"""Domain operations of follow-up, called by views, demo data and tests alike: a goal followed up
at any time, the yearly review of a period (steps 1–6 of the routine), and "Lägg till", the new
period that starts from a finished review."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import formats, timezone
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from rodtrad.journal import services as journal
from rodtrad.journal.models import Category
from rodtrad.plans import rules as plan_rules
from rodtrad.plans import services as plans
from rodtrad.plans.due import goal_follow_up
from rodtrad.plans.models import Goal, PlanItem, PlanPeriod

from . import checklist, rules
from .models import Answer, GoalFollowUp, Review

HOW = (*rules.HOW_FIELDS, "participants")
FOLLOW_UP_FIELDS = ("followed_up_on", "answer", "comment", "next_follow_up_on", *HOW)
REVIEW_FIELDS = (
    *HOW,
    "how_done",
    *rules.CLOSING_FIELDS,
    "needs_changed",
    "case_officer_told_on",
    "checklist_confirmed",
)
ROW_FIELDS = ("answer", "comment", "changes")


class ReadOnlyFollowUp(Exception):
    """The follow-up cannot be made or changed: the period is not established, has been replaced
    by a newer one, the case is closed, or the review is finished."""


class StaleReview(Exception):
    """Someone else saved the review after this writer opened it."""


class ReviewIncomplete(Exception):
    def __init__(self, missing):
        super().__init__("; ".join(missing))
        self.missing = missing


def _refuse_unless_followable(period):
    refusal = rules.follow_up_refusal(period)
    if refusal:
        raise ReadOnlyFollowUp(refusal)


def _check_fields(given, allowed, function):
    unknown = set(given) - set(allowed)
    if unknown:
        raise TypeError(f"{function}() got fields it does not save: {sorted(unknown)}")


@transaction.atomic
def record_follow_up(item, *, user, goal=None, today=None, **data) -> GoalFollowUp:
    """ "Har målet uppfyllts?" for `goal` (or "not applicable" for a plan item without goals), at
    any time in an established period. Final once recorded: the goal's history only grows."""
    _check_fields(data, FOLLOW_UP_FIELDS, "record_follow_up")
    if goal is not None and goal.item_id != item.pk:
        raise ValueError("The goal belongs to another plan item.")
    if goal is None and item.goals.exists():
        raise ValueError("A plan item with goals is followed up goal by goal.")
    _refuse_unless_followable(item.period)
    today = today or timezone.localdate()
    data = {"followed_up_on": today} | data
    if goal is None:
        data["answer"] = Answer.NOT_APPLICABLE
    errors = rules.follow_up_errors(item.period, goal=goal, data=data, today=today)
    if errors:
        raise ValidationError(errors)
    data["comment"] = data["comment"].strip()
    follow_up = GoalFollowUp.objects.create(item=item, goal=goal, recorded_by=user, **data)
    if goal is not None:
        _followed_up(goal)
    return follow_up


def _followed_up(goal):
    """The goal's next follow-up, from its newest (plans/due/goal_follow_up.py)."""
    goal_follow_up.followed_up(goal, GoalFollowUp.objects.filter(goal=goal).newest_first().first())


def _carried_chain(obj) -> list[int]:
    ids = []
    while obj is not None:
        ids.append(obj.pk)
        obj = obj.carried_from
    return ids


def history(item, goal=None) -> list[GoalFollowUp]:
    """The follow-ups of `goal` (or of a plan item without goals), newest first, through the
    periods it was carried over from: a goal keeps its history into the new period."""
    if goal is not None:
        follow_ups = GoalFollowUp.objects.filter(goal__in=_carried_chain(goal))
    else:
        follow_ups = GoalFollowUp.objects.filter(item__in=_carried_chain(item), goal__isnull=True)
    return list(follow_ups.select_related("recorded_by", "review", "item__period").newest_first())


@dataclass
class Row:
    """A line of the yearly review: a goal, or a plan item without goals, and its follow-up there."""

    item: PlanItem
    goal: Goal | None
    follow_up: GoalFollowUp | None
    earlier: GoalFollowUp | None = None  # the latest follow-up before the review, for reference

    @property
    def key(self):
        return (self.item.pk, self.goal.pk if self.goal else None)

    @property
    def prefix(self):
        return f"row-{self.item.pk}-{self.goal.pk if self.goal else 0}"


def review_rows(period, review=None) -> list[Row]:
    """Every goal of the period and every plan item without one, in the order of the plan."""
    items = PlanItem.objects.filter(period=period).select_related("section", "order__service").prefetch_related("goals")
    saved = {(row.item_id, row.goal_id): row for row in review.follow_ups.all()} if review else {}
    earlier = {}
    for follow_up in GoalFollowUp.objects.filter(item__period=period, review__isnull=True).newest_first():
        earlier.setdefault((follow_up.item_id, follow_up.goal_id), follow_up)
    rows = []
    for item in items:
        for goal in list(item.goals.all()) or [None]:
            key = (item.pk, goal.pk if goal else None)
            rows.append(Row(item, goal, saved.get(key), earlier.get(key)))
    return rows


def start_review(period, *, user) -> Review:
    """Steps 1–2: the period's follow-up document, added when none exists."""
    existing = Review.objects.filter(period=period).first()
    if existing is not None:
        return existing
    _refuse_unless_followable(period)
    review, _created = Review.objects.get_or_create(period=period, defaults={"started_by": user})
    return review


def _refuse_unless_open(review):
    if review.is_finished:
        raise ReadOnlyFollowUp(_("The follow-up is finished and can no longer change."))
    _refuse_unless_followable(review.period)


@transaction.atomic
def save_review(review, *, user, expected_version, fields, rows=None, today=None) -> Review:
    """Save the review (steps 4–5) unless someone saved it since `expected_version`. `rows` maps a
    row's key (item id, goal id or None) to its answer, comment and changes; a row given nothing
    stays unanswered. Rows can be corrected until the review is finished."""
    _check_fields(fields, REVIEW_FIELDS, "save_review")
    _refuse_unless_open(review)
    today = today or timezone.localdate()
    errors = rules.review_errors(review.period, fields, today=today)
    known = {row.key: row for row in review_rows(review.period, review)}
    rows = rows or {}
    for key, data in rows.items():
        _check_fields(data, ROW_FIELDS, "save_review")
        if key not in known:
            raise ValueError(f"No such row in the review: {key}")
        if any(value for value in data.values()) or known[key].follow_up is not None:
            errors.update(rules.review_row_errors(goal=known[key].goal, data=data))
    if errors:
        raise ValidationError(errors)
    updated = Review.objects.filter(pk=review.pk, version=expected_version, finished_at__isnull=True).update(
        **fields, version=F("version") + 1
    )
    if not updated:
        raise StaleReview
    review.refresh_from_db()
    for key, data in rows.items():
        if any(value for value in data.values()) or known[key].follow_up is not None:
            _save_row(review, known[key], data, user=user, today=today)
    return review


def _save_row(review, row, data, *, user, today):
    follow_up = row.follow_up or GoalFollowUp(item=row.item, goal=row.goal, review=review)
    answer = data.get("answer") if row.goal is not None else Answer.NOT_APPLICABLE
    values = {"answer": answer, "comment": data["comment"].strip(), "changes": (data.get("changes") or "").strip()}
    if follow_up.pk and all(getattr(follow_up, field) == value for field, value in values.items()):
        return
    for field, value in values.items():
        setattr(follow_up, field, value)
    for field in HOW:
        setattr(follow_up, field, getattr(review, field))
    follow_up.followed_up_on, follow_up.recorded_by, follow_up.recorded_at = today, user, timezone.now()
    follow_up.save()
    if row.goal is not None:
        _followed_up(row.goal)


WAYS = {
    "with_client": gettext_lazy("talking with the client"),
    "from_journal": gettext_lazy("reading the journal"),
    "with_relatives": gettext_lazy("contact with relatives or representatives"),
    "with_colleagues": gettext_lazy("dialogue with colleagues"),
}


def _finished_text(review, user) -> str:
    period = review.period
    ways = [str(WAYS[field]) for field in rules.HOW_FIELDS if getattr(review, field)]
    lines = [
        _("The yearly follow-up of the implementation plan at %(unit)s (the period from %(day)s) is done.")
        % {"unit": period.plan.unit.name, "day": formats.date_format(period.starts_on, "j F Y")},
        _("It was done by %(ways)s.") % {"ways": get_text_list(ways, _("and"))},
        _("Took part: %(participants)s.") % {"participants": review.participants.strip().rstrip(".")},
        _("Finished by %(name)s.") % {"name": user.name_with_title},
    ]
    if review.needs_changed:
        day = formats.date_format(review.case_officer_told_on, "j F Y")
        lines.append(_("The client's needs have changed; the case officer was told on %(day)s.") % {"day": day})
    else:
        lines.append(_("The client's needs are unchanged."))
    return "\n".join(lines)


@transaction.atomic
def finish_review(review, *, user) -> Review:
    """The end of the yearly review: everything answered, a journal entry that it was done and
    who took part, and from then on the review never changes."""
    review = Review.objects.select_for_update().select_related("period__plan__unit").get(pk=review.pk)
    _refuse_unless_open(review)
    missing = rules.missing_to_finish(
        review, review_rows(review.period, review), confirmed_needed=checklist.REVIEW_CONFIRMATIONS
    )
    if missing:
        raise ReviewIncomplete(missing)
    review.follow_ups.update(**{field: getattr(review, field) for field in HOW})
    entry = journal.record_event_entry(
        review.period.plan.client, category=Category.FOLLOW_UP, text=_finished_text(review, user), author=user
    )
    review.finished_at, review.finished_by, review.journal_entry = timezone.now(), user, entry
    review.version = F("version") + 1
    review.save(update_fields=["finished_at", "finished_by", "journal_entry", "version"])
    review.refresh_from_db()
    return review


def met_goals(review) -> set[int]:
    """Goals the review found met (Helt)."""
    return set(review.follow_ups.filter(answer=Answer.FULLY, goal__isnull=False).values_list("goal_id", flat=True))


def new_period_errors(period, met, *, starts_on, carried, choices, by_when, confirmed, today) -> dict:
    """Field errors of "Lägg till": its date, what becomes of each goal, the confirmations."""
    goals = list(Goal.objects.filter(item__period=period))
    errors = rules.new_period_errors(
        period,
        starts_on=starts_on,
        carried=carried,
        goals=goals,
        choices=choices,
        by_when=by_when,
        met=met,
        today=today,
    )
    return errors | checklist.new_period_confirmation_errors(confirmed)


@transaction.atomic
def start_new_period(review, *, user, starts_on, carried, choices, by_when=None, confirmed=(), today=None):
    """ "Lägg till": from a finished review, a new draft period with a new date. The chosen plan
    items carry over (carried_from), with their goals as chosen: a goal continues (with its date,
    moved when it has passed), a met goal becomes a way of working in its item, or a goal ends.
    How the plan was made, the risk assessment and the signature start empty: the checklist asks
    for them to be current, and establishing the new period requires them made anew."""
    period = PlanPeriod.objects.select_for_update().select_related("plan__client").get(pk=review.period_id)
    review = Review.objects.select_for_update().get(pk=review.pk)
    if not review.is_finished:
        raise ReadOnlyFollowUp(_("Finish the yearly follow-up first: the new period starts from it."))
    _refuse_unless_followable(period)
    today = today or timezone.localdate()
    carried, by_when = set(carried), by_when or {}
    decisions = {"starts_on": starts_on, "carried": carried, "choices": choices, "by_when": by_when}
    errors = new_period_errors(period, met_goals(review), **decisions, confirmed=confirmed, today=today)
    if errors:
        raise ValidationError(errors)
    new = plans.add_period(period.plan, starts_on=starts_on, previous=period)
    for item in period.items.select_related("order").prefetch_related("goals"):
        if item.pk in carried:
            _carry_item(item, new, choices, by_when, user=user)
    review.new_period_confirmed = sorted(confirmed)
    review.new_period_started_at, review.new_period_started_by = timezone.now(), user
    review.save(update_fields=["new_period_confirmed", "new_period_started_at", "new_period_started_by"])
    return new


def _carry_item(item, new_period, choices, by_when, *, user):
    order = item.order if item.order is not None and item.order.ended_on is None else None
    fields = {field: getattr(item, field) for field in plans.ITEM_TEXT_FIELDS}
    new_item = plans.add_item(
        new_period, section=item.section, order=order, position=item.position, carried_from=item, **fields
    )
    for goal in item.goals.all():
        choice = choices[goal.pk]
        if choice == rules.GoalChoice.CONTINUE:
            _carry_goal(goal, new_item, by_when[goal.pk])
        elif choice == rules.GoalChoice.WAY_OF_WORKING:
            new_item = goal_to_way_of_working(goal, new_item, user=user)


def _carry_goal(goal, new_item, by_when):
    old_day, new_day = (formats.date_format(day, "j F Y") for day in (goal.by_when, by_when))
    sentence = goal.sentence.replace(old_day, new_day) if by_when != goal.by_when else goal.sentence
    fields = {
        field: getattr(goal, field) for field in ("goal_type", "what", "how_often", "support", "why", "order_goal")
    }
    carried = Goal(item=new_item, by_when=by_when, sentence=sentence, carried_from=goal, **fields)
    goal_follow_up.set_due(carried, new_item.period)
    carried.save()
    return carried


def goal_to_way_of_working(goal, item, *, user) -> PlanItem:
    """One action: a met goal becomes part of how the support is given (arbetssätt) in `item`,
    the goal's plan item in a new draft period."""
    described = plan_rules.compose_goal(
        what=goal.what, how_often=goal.how_often, support=goal.support, by_when=None, why=goal.why
    )
    text = _("From the goal met in the previous period: %(goal)s") % {"goal": described}
    way_of_working = "\n\n".join(part for part in (item.way_of_working.strip(), text) if part)
    return plans.change_item(item, {"way_of_working": way_of_working}).item
