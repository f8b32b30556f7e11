"""The follow-up rules of the routine, as functions that return what is wrong in words for the
writer. Forms call them to put a message next to a field; services call them again so that no
entry point can skip them."""

import datetime

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from rodtrad.clients.services import is_closed
from rodtrad.plans.services import is_superseded

from .models import Answer, HowFollowedUp

# A later follow-up than this says nothing the yearly review would not say first.
NEXT_FOLLOW_UP_MAX_DAYS = 366
# "Lägg till" gives the plan a new date: today, or soon after, not a year ahead by a typing slip.
NEW_PERIOD_MAX_DAYS_AHEAD = 92
GOAL_ANSWERS = (Answer.FULLY, Answer.PARTLY, Answer.NO)

# Messages that forms also give, as their "required" messages.
NO_ANSWER = gettext_lazy("Answer whether the goal has been met: fully, partly or no.")
NO_COMMENT = gettext_lazy("Write a comment: how the work towards the goal goes, and what comes next.")
NO_DATE = gettext_lazy("Give the date of the follow-up.")
HOW_FIELDS = HowFollowedUp.WAY_FIELDS


def follow_up_refusal(period) -> str:
    """Why goals and plan items of `period` cannot be followed up now; empty when they can."""
    if not period.is_established:
        return _("Goals are followed up in an established plan period.")
    if is_superseded(period):
        return _("A newer plan period has replaced this one: it and its follow-up stay as they were.")
    if is_closed(period.plan.client):
        return _("The case is closed and the record is read-only.")
    return ""


def how_errors(data: dict) -> dict:
    """At least one way the follow-up was done, and the people asked named when others took part."""
    errors = {}
    if not any(data.get(field) for field in HOW_FIELDS):
        errors["with_client"] = _("Choose at least one way the follow-up was done.")
    others = data.get("with_relatives") or data.get("with_colleagues")
    if others and not (data.get("participants") or "").strip():
        errors["participants"] = _("Name the relatives or colleagues you asked, with relation or title.")
    return errors


def follow_up_errors(period, *, goal, data: dict, today) -> dict:
    """Field errors of a goal follow-up made at any time (not in a yearly review)."""
    errors = how_errors(data)
    answer = data.get("answer")
    if goal is None and answer != Answer.NOT_APPLICABLE:
        errors["answer"] = _("A plan item without a goal is followed up as “not applicable”.")
    elif goal is not None and answer not in GOAL_ANSWERS:
        errors["answer"] = NO_ANSWER
    if not (data.get("comment") or "").strip():
        errors["comment"] = NO_COMMENT
    day = data.get("followed_up_on")
    if day is None:
        errors["followed_up_on"] = NO_DATE
    elif day > today:
        errors["followed_up_on"] = _("The follow-up cannot be dated in the future.")
    elif day < period.starts_on:
        errors["followed_up_on"] = _("The follow-up cannot be dated before the plan period started (%(day)s).") % {
            "day": formats.date_format(period.starts_on, "j F Y")
        }
    errors.update(_next_date_errors(answer, day, data.get("next_follow_up_on")))
    return errors


def _next_date_errors(answer, day, next_on) -> dict:
    """A goal not yet met needs the date of its next follow-up; a met goal may have one (to see
    that it holds) but need not: it is then done, and never due again in this period."""
    if next_on is None:
        if answer in (Answer.PARTLY, Answer.NO):
            return {"next_follow_up_on": _("Give the date of the next follow-up: the goal is not yet met.")}
        return {}
    if day is not None and next_on <= day:
        return {"next_follow_up_on": _("The next follow-up must come after this one.")}
    if day is not None and next_on > day + datetime.timedelta(days=NEXT_FOLLOW_UP_MAX_DAYS):
        return {"next_follow_up_on": _("Choose a date within a year: the plan is followed up yearly anyway.")}
    return {}


def review_row_errors(*, goal, data: dict) -> dict:
    """A row of the yearly review (a goal, or a plan item without one), once anything is in it."""
    errors = {}
    answer = data.get("answer")
    if goal is not None and answer not in GOAL_ANSWERS:
        errors["answer"] = NO_ANSWER
    if not (data.get("comment") or "").strip():
        errors["comment"] = (
            _("Write a comment: how the work towards the goal goes.")
            if goal is not None
            else _("Write a comment: how the support in this plan item works.")
        )
    return errors


def review_errors(period, data: dict, *, today) -> dict:
    """Field errors of the review's closing part that can be told while it is being written."""
    errors = {}
    told_on = data.get("case_officer_told_on")
    if told_on is not None:
        if data.get("needs_changed") is not True:
            errors["case_officer_told_on"] = _("Give this date only when the client's needs have changed.")
        elif told_on > today:
            errors["case_officer_told_on"] = _("The case officer cannot have been told in the future.")
        elif told_on < period.starts_on:
            errors["case_officer_told_on"] = _("Give a date within this plan period.")
    return errors


CLOSING_FIELDS = ("summary", "assessment", "goals_summary", "action_needs")


def missing_to_finish(review, rows, *, confirmed_needed) -> list[str]:
    """What stops the yearly review from being finished, in words for the writer.

    `rows` (services.review_rows) hold every goal and every plan item without one."""
    missing = []
    for row in rows:
        if row.follow_up is None:
            missing.append(
                _("The follow-up of the goal “%(goal)s”.") % {"goal": row.goal.sentence[:80]}
                if row.goal is not None
                else _("The follow-up of the plan item “%(item)s” (not applicable: it has no goal).")
                % {"item": row.item.title}
            )
    fields = {field: getattr(review, field) for field in (*HOW_FIELDS, "participants")}
    if how_errors(fields) or not review.participants.strip():
        missing.append(_("How the follow-up was done, and who took part (names with title or relation)."))
    for field in CLOSING_FIELDS:
        if not getattr(review, field).strip():
            label = review._meta.get_field(field).verbose_name
            missing.append(_("The closing comment: %(part)s.") % {"part": label})
    if review.needs_changed is None:
        missing.append(_("Whether the client's needs have changed."))
    elif review.needs_changed and review.case_officer_told_on is None:
        missing.append(_("The needs have changed: when the case officer was told."))
    for key, text in confirmed_needed:
        if key not in review.checklist_confirmed:
            missing.append(_("A confirmation on the checklist: %(question)s") % {"question": text})
    return missing


class GoalChoice:
    """What becomes of a goal when the new period is added."""

    CONTINUE = "continue"
    WAY_OF_WORKING = "way_of_working"
    END = "end"
    ALL = (CONTINUE, WAY_OF_WORKING, END)


def new_period_errors(period, *, starts_on, carried, goals, choices, by_when, met, today) -> dict:
    """Field errors of "Lägg till". `goals` are the period's goals, `carried` the ids of the plan
    items carried over, `choices` and `by_when` per goal id, `met` the ids of goals met."""
    errors = {}
    if starts_on is None:
        errors["starts_on"] = _("Give the date the new period starts.")
    elif starts_on <= period.starts_on:
        errors["starts_on"] = _("The new period must start after the previous one (%(day)s).") % {
            "day": formats.date_format(period.starts_on, "j F Y")
        }
    elif starts_on > today + datetime.timedelta(days=NEW_PERIOD_MAX_DAYS_AHEAD):
        errors["starts_on"] = _("Choose a start at most three months ahead.")
    for goal in goals:
        choice = choices.get(goal.pk)
        if choice not in GoalChoice.ALL:
            errors[f"goal_{goal.pk}"] = _("Choose what becomes of the goal.")
        elif choice != GoalChoice.END and goal.item_id not in carried:
            errors[f"goal_{goal.pk}"] = _("Carry its plan item over to keep the goal, or let the goal end.")
        elif choice == GoalChoice.WAY_OF_WORKING and goal.pk not in met:
            errors[f"goal_{goal.pk}"] = _("Only a goal that has been met becomes a way of working.")
        elif choice == GoalChoice.CONTINUE:
            day = by_when.get(goal.pk)
            if day is None or (starts_on is not None and day <= starts_on):
                errors[f"by_when_{goal.pk}"] = _("Give the goal a date after the new period starts.")
    return errors
