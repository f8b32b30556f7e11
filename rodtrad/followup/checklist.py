"""The municipality's checklist for the follow-up and the new plan (checklista-uppfoljning-ny-plan),
with the answer wherever Rödtråd can see it for itself, and a confirmation asked of the writer
where it cannot (whether contact details are current is known only by asking the client)."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from rodtrad.clients.due import consent_review
from rodtrad.plans.models import Goal, Risk

from . import rules


class State:
    DONE = "done"
    MISSING = "missing"
    WARNING = "warning"
    CONFIRM = "confirm"
    INFO = "info"


STATE_LABELS = {
    State.DONE: _("Done"),
    State.MISSING: _("Missing"),
    State.WARNING: _("Look at this"),
    State.CONFIRM: _("Confirm"),
    State.INFO: _("Good to know"),
}


@dataclass(frozen=True)
class Check:
    key: str
    question: str
    state: str
    detail: str = ""
    url: str = ""
    confirm: bool = False

    @property
    def state_label(self):
        return STATE_LABELS[self.state]


# Questions Rödtråd cannot answer itself: the writer confirms them.
DOCUMENTATION_READ = (
    "documentation",
    _("Have you read the documentation or talked with colleagues to know whether something needs to change?"),
)
REVIEW_CONFIRMATIONS = (DOCUMENTATION_READ,)
NEW_PERIOD_CONFIRMATIONS = (
    ("client_contact", _("Are the client's contact details current?")),
    ("contacts", _("Are the contact details of relatives, representatives and the nurse current?")),
    ("contact_person", _("Is the contact person correctly recorded?")),
    ("items_clear", _("Is every plan item described clearly enough for a substitute to know what to do?")),
    ("door", _("Does the plan describe how staff act if the client does not open the door? Is there a consent?")),
    (
        "consents",
        _("Have you asked the client whether the consents still hold? (At most a year old, or updated when needed.)"),
    ),
)


def new_period_confirmation_errors(confirmed) -> dict:
    return {
        f"confirm_{key}": _("Confirm this before the new period is added.")
        for key, _question in NEW_PERIOD_CONFIRMATIONS
        if key not in confirmed
    }


def _confirmation(key, question, confirmed, detail="", url=""):
    state = State.DONE if key in confirmed else State.CONFIRM
    return Check(key, question, state, detail, url, confirm=True)


def review_checks(review, rows) -> list[Check]:
    """The follow-up part of the checklist, for a review being written (or finished)."""
    period = review.period
    client_id = period.plan.client_id
    confirmed = review.checklist_confirmed
    summary_url = journal_summary_url(period, until=review.finished_at)
    missing_rows = [row for row in rows if row.follow_up is None]
    closing_done = all(getattr(review, field).strip() for field in rules.CLOSING_FIELDS)
    checks = [
        _confirmation(*DOCUMENTATION_READ, confirmed, _("The journal's period summary for the period."), summary_url),
        _with_client_check(review),
        Check(
            "rows",
            _("Have you written the changes under each plan item or goal? (Leave the box empty when nothing changed.)"),
            State.MISSING if missing_rows else State.DONE,
            _("%(count)s of %(total)s not followed up yet.") % {"count": len(missing_rows), "total": len(rows)}
            if missing_rows
            else "",
        ),
        Check(
            "closing",
            _(
                "Have you described at the bottom how the follow-up was done, how the support works, your "
                "assessment of the client's situation (new or changed needs), and how the goals go?"
            ),
            State.DONE if closing_done and review.participants.strip() else State.MISSING,
        ),
        _case_officer_check(review),
        Check(
            "journal",
            _(
                "Have you recorded in the social journal that the follow-up is done, and who took part (name and title)?"
            ),
            State.DONE if review.journal_entry_id else State.INFO,
            "" if review.journal_entry_id else _("Rödtråd writes this entry when you finish the follow-up."),
            reverse("journal:detail", args=[client_id, review.journal_entry_id]) if review.journal_entry_id else "",
        ),
        Check(
            "remove_items",
            _("Have you removed the plan items that no longer apply, before the new plan?"),
            State.DONE if review.new_period_started_at else State.INFO,
            _("You choose which plan items carry over when you add the new period."),
        ),
    ]
    return checks


def _with_client_check(review):
    question = _("Have you followed up the plan items and goals together with the client?")
    if review.with_client:
        return Check("with_client", question, State.DONE)
    if any(getattr(review, field) for field in rules.HOW_FIELDS):
        detail = _("Recorded as done without the client: say why under how it was done.")
        return Check("with_client", question, State.WARNING, detail)
    return Check("with_client", question, State.INFO, _("Tick below how the follow-up was done."))


def _case_officer_check(review):
    question = _("If the needs have changed: have you told the case officer, and recorded that you did?")
    if review.needs_changed is None:
        return Check("case_officer", question, State.MISSING, _("Answer whether the client's needs have changed."))
    if not review.needs_changed:
        return Check("case_officer", question, State.DONE, _("The needs are unchanged."))
    if review.case_officer_told_on is None:
        return Check("case_officer", question, State.MISSING, _("Give the date the case officer was told."))
    day = formats.date_format(review.case_officer_told_on, "j F Y")
    return Check("case_officer", question, State.DONE, _("Told on %(day)s.") % {"day": day})


def journal_summary_url(period, until=None) -> str:
    """The journal's period summary from the period's start, one click from the review."""
    end = timezone.localtime(until).date() if until else timezone.localdate()
    url = reverse("journal:summary", args=[period.plan.client_id])
    return f"{url}?fran={period.starts_on.isoformat()}&till={max(end, period.starts_on).isoformat()}"


def new_period_checks(period, *, confirmed=(), draft=None, today=None) -> list[Check]:
    """The new-plan and safety parts of the checklist. `period` is the reviewed one; `draft`, once
    added, the new period, whose own content then answers the questions it can."""
    today = today or timezone.localdate()
    client = period.plan.client
    items = list((draft or period).items.prefetch_related("goals"))
    unclear = [item.title for item in items if not (item.support_wanted.strip() and item.how_wanted.strip())]
    without_goals = [item.title for item in items if not item.goals.all()]
    contact_people = ", ".join(person.user.name_with_title for person in client.contact_persons.select_related("user"))
    details_url = reverse("clients:detail", args=[client.pk]) + "#details-heading"
    return [
        _confirmation(*NEW_PERIOD_CONFIRMATIONS[0], confirmed, url=details_url),
        _confirmation(
            *NEW_PERIOD_CONFIRMATIONS[1],
            confirmed,
            _("%(count)s relatives, representatives and others are recorded.") % {"count": client.contacts.count()},
            reverse("clients:contacts", args=[client.pk]),
        ),
        _confirmation(
            *NEW_PERIOD_CONFIRMATIONS[2],
            confirmed,
            contact_people or _("No contact person is recorded."),
            reverse("clients:detail", args=[client.pk]) + "#contacts-heading",
        ),
        _participation_check(draft),
        Check(
            "items",
            _("Are the plan items right? (Adjust them, and remove what no longer applies.)"),
            State.DONE if draft else State.INFO,
            "" if draft else _("Choose below which plan items carry over into the new period."),
        ),
        _confirmation(
            *NEW_PERIOD_CONFIRMATIONS[3],
            confirmed,
            _("Without a description of the support or of how it is given: %(items)s.") % {"items": ", ".join(unclear)}
            if unclear
            else "",
        ),
        _goal_check(draft, without_goals),
        _risk_assessment_check(period, draft, today),
        _protective_measures_check(period, draft, today),
        _confirmation(*NEW_PERIOD_CONFIRMATIONS[4], confirmed),
        _consents_check(client, confirmed, today),
    ]


def _participation_check(draft):
    question = _("Is it described how the client took part in the plan, or why not?")
    if draft is None:
        detail = _("The new period starts without it: write it anew with the client. It is required to establish.")
        return Check("participation", question, State.INFO, detail)
    done = bool(draft.participation.strip() or draft.declined_participation_reason.strip())
    return Check("participation", question, State.DONE if done else State.MISSING)


def _goal_check(draft, without_goals):
    question = _("Are there goals tied to the plan items? (There must always be at least one.)")
    detail = _("Plan items without a goal: %(items)s.") % {"items": ", ".join(without_goals)} if without_goals else ""
    if draft is None:
        return Check("goals", question, State.WARNING if without_goals else State.DONE, detail)
    has_goal = Goal.objects.filter(item__period=draft).exists() or bool(draft.declined_goals_reason.strip())
    return Check("goals", question, State.DONE if has_goal else State.MISSING, detail)


def _risk_assessment_check(period, draft, today):
    question = _(
        "Is there an up-to-date risk assessment, with actions tied to the risks? (Updated yearly or when needed.)"
    )
    if draft is not None:
        done = hasattr(draft, "risk_assessment")
        url = reverse("plans:risks", args=[draft.plan.client_id, draft.pk])
        return Check("risk_assessment", question, State.DONE if done else State.MISSING, url=url)
    assessment = getattr(period, "risk_assessment", None)
    detail = _("The new period gets its own risk assessment, made anew; it is required to establish.")
    if assessment is not None:
        detail = _("The previous one is from %(day)s. %(rest)s") % {
            "day": formats.date_format(assessment.assessed_on, "j F Y"),
            "rest": detail,
        }
    late = assessment is None or assessment.review_due_on < today
    return Check("risk_assessment", question, State.WARNING if late else State.INFO, detail)


def _protective_measures_check(period, draft, today):
    question = _("If the client has protective measures: have they been reviewed within the last six months?")
    risks = Risk.objects.filter(assessment__period=draft or period, is_protective_measure=True)
    late = [risk for risk in risks if risk.protective_review_due_on < today]
    if not risks:
        return Check("protective", question, State.DONE, _("No protective measures."))
    if late:
        detail = _("Not reviewed for six months: %(risks)s.") % {
            "risks": ", ".join(risk.description[:60].rstrip(".") for risk in late)
        }
        return Check("protective", question, State.WARNING, detail)
    return Check("protective", question, State.DONE)


def _consents_check(client, confirmed, today):
    consents = list(client.consents.filter(withdrawn_on__isnull=True))
    due = [consent for consent in consents if consent_review.is_due(consent, today)]
    detail = (
        _("Due for review: %(consents)s.") % {"consents": ", ".join(consent.scope[:60].rstrip(".") for consent in due)}
        if due
        else _("%(count)s active consents, none older than a year.") % {"count": len(consents)}
    )
    check = _confirmation(
        *NEW_PERIOD_CONFIRMATIONS[5], confirmed, detail, reverse("clients:consents", args=[client.pk])
    )
    if due and check.state == State.CONFIRM:
        return Check(check.key, check.question, State.WARNING, detail, check.url, confirm=True)
    return check
