"""Oversight's own operations: recording the audit log review, drawing a month's spot check and
storing what the manager found. Called by views, the demo data and tests alike."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from rodtrad.accounts.models import Membership
from rodtrad.accounts.roles import managed_units
from rodtrad.clients.models import Client, Order
from rodtrad.lib import dates

from .models import CHECKLIST, Assessment, LogReview, Outcome, SpotCheck, SpotCheckItem

SAMPLE_SIZE = 10


def _require_manager_of(user, units):
    managed = set(managed_units(user).values_list("pk", flat=True))
    if not units or any(unit.pk not in managed for unit in units):
        raise PermissionDenied(_("Only a manager of the unit can do this."))


@transaction.atomic
def record_log_review(units, *, user, note="", now=None) -> list[LogReview]:
    """The manager has reviewed the audit log of `units` (logguppföljning): who and when."""
    _require_manager_of(user, units)
    now = now or timezone.now()
    return [LogReview.objects.create(unit=unit, reviewed_by=user, reviewed_at=now, note=note.strip()) for unit in units]


def sample_candidates(unit, user):
    """Clients with an open order at `unit` that `user` may see as its manager."""
    open_here = Order.objects.filter(client=OuterRef("pk"), unit=unit, ended_on__isnull=True)
    return Client.objects.visible_to(user, role=Membership.Role.MANAGER).filter(Exists(open_here))


def spot_check_for(unit, month):
    return SpotCheck.objects.filter(unit=unit, month=dates.first_of_month(month)).first()


def draw_spot_check(unit, *, user, today=None) -> SpotCheck:
    """This month's spot check at `unit`: ten journals drawn at random by the database, once.
    Asked again the same month, the sample already drawn is returned unchanged."""
    _require_manager_of(user, [unit])
    month = dates.first_of_month(today or timezone.localdate())
    existing = spot_check_for(unit, month)
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            check = SpotCheck.objects.create(unit=unit, month=month, drawn_by=user)
            chosen = sample_candidates(unit, user).order_by("?").values_list("pk", flat=True)[:SAMPLE_SIZE]
            SpotCheckItem.objects.bulk_create(
                SpotCheckItem(spot_check=check, client_id=client_id, position=position)
                for position, client_id in enumerate(chosen)
            )
    except IntegrityError:  # drawn by someone else at the same moment
        return SpotCheck.objects.get(unit=unit, month=month)
    return check


def period_checked(check):
    """The calendar month whose entries a spot check reads: the complete month before it."""
    start = dates.previous_month(check.month)
    return start, dates.last_day_of_month(start)


ANSWER_EVERY_POINT = gettext_lazy("Answer this point of the checklist.")
CHOOSE_OUTCOME = gettext_lazy("Choose the outcome.")


def checklist_errors(answers: dict, outcome: str, comment: str) -> dict:
    errors = {}
    for field, _label in CHECKLIST:
        if answers.get(field) not in Assessment.values:
            errors[field] = ANSWER_EVERY_POINT
    if outcome not in Outcome.values:
        errors["outcome"] = CHOOSE_OUTCOME
    elif outcome == Outcome.NEEDS_WORK and not comment.strip():
        errors["comment"] = _("Write what needs work, so that the staff can put it right.")
    return errors


@transaction.atomic
def record_check(item: SpotCheckItem, *, user, answers: dict, outcome: str, comment: str = "", now=None):
    """Store the manager's checklist answers, outcome and comment for a sampled journal."""
    _require_manager_of(user, [item.spot_check.unit])
    errors = checklist_errors(answers, outcome, comment)
    if errors:
        raise ValidationError(errors)
    for field, _label in CHECKLIST:
        setattr(item, field, answers[field])
    item.outcome = outcome
    item.comment = comment.strip()
    item.checked_by = user
    item.checked_at = now or timezone.now()
    item.save()
    return item
