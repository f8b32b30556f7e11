"""Domain operations on the social journal, called by views, other apps, commands and tests.

The rules live here so that no entry point can skip them: only the author edits a draft, a
signed entry is final, a correction is a new entry, an objection never changes the entry,
and a closed case takes no new entries (an objection is still noted: the client's right to
have it recorded does not end with the service)."""

import datetime
import unicodedata

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from rodtrad.accounts.models import Membership
from rodtrad.clients.models import Client
from rodtrad.clients.services import is_closed
from rodtrad.lib import dates

from . import assistant
from .due import monthly_note
from .models import Category, Entry, Objection, SignedEntryError

# An entry signed more than this many days after the event is marked as late. Three days lets
# an entry about a Friday evening be written on the Monday, after a weekend off, without a
# mark; anything later is no longer "written in connection with the event" and the reader
# should know. RODTRAD_JOURNAL_LATE_DAYS in the settings changes it.
DEFAULT_LATE_DAYS = 3
# The clock of a phone may be a little ahead of the server's.
FUTURE_TOLERANCE = datetime.timedelta(minutes=5)
MONTHLY_DESCRIPTION_MIN_CHARS = 15
MAX_TEXT_CHARS = 20_000

MONTHLY_NOTE_WORDING = gettext_lazy("The support has worked according to the implementation plan.")
READ_ONLY_MESSAGE = gettext_lazy("The case is closed and the record is read-only.")

DRAFT_FIELDS = (
    "category",
    "occurred_at",
    "plan_item",
    "goal",
    "life_area",
    "text",
    "for_colleague",
    "colleague_name",
    "colleague_title",
    "assessment_by",
    "correction_reason",
)


class StaleDraft(Exception):
    """The draft was saved elsewhere (another tab, another session) after this writer opened
    it: `current` is the draft as it is now. Nothing was saved over it."""

    def __init__(self, current: Entry):
        super().__init__("The draft was saved elsewhere after it was opened here.")
        self.current = current


def draft_version(entry: Entry) -> str:
    """What a form carries of the draft it was opened at: the moment it was last saved."""
    return entry.updated_at.isoformat() if entry.pk and entry.updated_at else ""


def late_after() -> datetime.timedelta:
    return datetime.timedelta(days=getattr(settings, "RODTRAD_JOURNAL_LATE_DAYS", DEFAULT_LATE_DAYS))


def is_late(occurred_at, signed_at) -> bool:
    return signed_at - occurred_at > late_after()


def clean_text(text: str) -> str:
    """Line breaks as \\n, no control characters, and Unicode in one (composed) form."""
    text = unicodedata.normalize("NFC", (text or "").replace("\r\n", "\n").replace("\r", "\n"))
    return "".join(char for char in text if char in "\n\t" or unicodedata.category(char) != "Cc")


def _snapshot_author(entry, user):
    entry.author_name = user.get_full_name() or user.get_username()
    entry.author_title = user.title


def refuse_if_read_only(client: Client) -> None:
    if is_closed(client):
        raise PermissionDenied(READ_ONLY_MESSAGE)


def may_correct(entry: Entry, user) -> bool:
    """The author, or a manager of one of the client's units, may correct a signed entry."""
    if not entry.is_signed:
        return False
    if entry.author_id == user.pk:
        return True
    return Client.objects.visible_to(user, role=Membership.Role.MANAGER).filter(pk=entry.client_id).exists()


def _locked_draft(entry: Entry, user) -> Entry:
    """The entry as it is in the database, locked for the rest of the transaction, if it is
    still a draft and `user` wrote it. Its client comes with it (locking only the entry's row):
    every caller looks at the client next."""
    current = Entry.objects.select_for_update(of=("self",)).select_related("client").get(pk=entry.pk)
    if current.is_signed:
        raise SignedEntryError(_("The entry is signed and can no longer be changed."))
    if current.author_id != user.pk:
        raise PermissionDenied(_("Only the author can change a draft."))
    return current


def link_errors(client: Client, *, plan_item=None, goal=None) -> dict:
    """A plan item or goal must be the client's own; a goal belongs to its plan item."""
    errors = {}
    if plan_item is not None and plan_item.period.plan.client_id != client.pk:
        errors["plan_item"] = _("Choose one of the client's plan items.")
    if goal is not None:
        if goal.item.period.plan.client_id != client.pk:
            errors["goal"] = _("Choose one of the client's goals.")
        elif plan_item is not None and goal.item_id != plan_item.pk:
            errors["goal"] = _("The goal belongs to another plan item than the one chosen.")
    return errors


@transaction.atomic
def save_draft(
    client: Client, *, author, entry: Entry | None = None, expected_version: str | None = None, **fields
) -> Entry:
    """Create a draft (without `entry`) or save fields of the author's own draft. Nothing is
    required of a draft; what signing needs is checked by sign_entry. With `expected_version`
    (draft_version of the draft as the writer opened it), a draft saved elsewhere since is not
    overwritten: StaleDraft is raised instead."""
    unknown = set(fields) - set(DRAFT_FIELDS)
    if unknown:
        raise TypeError(f"save_draft() got fields it does not save: {sorted(unknown)}")
    if entry is None:
        refuse_if_read_only(client)
        entry = Entry(client=client, author=author)
    else:
        if entry.client_id != client.pk:
            raise PermissionDenied(_("The entry belongs to another client."))
        entry = _locked_draft(entry, author)
        refuse_if_read_only(client)
        if expected_version and expected_version != draft_version(entry):
            raise StaleDraft(entry)
    for name, value in fields.items():
        setattr(entry, name, value)
    entry.text = clean_text(entry.text)[:MAX_TEXT_CHARS]
    if entry.goal is not None and entry.plan_item is None:
        entry.plan_item = entry.goal.item
    errors = link_errors(client, plan_item=entry.plan_item, goal=entry.goal)
    if errors:
        raise ValidationError(errors)
    if not entry.for_colleague:
        entry.colleague_name = entry.colleague_title = ""
    _snapshot_author(entry, author)
    entry.save()
    return entry


def _text_without_standard_wording(text: str) -> str:
    return text.replace(str(MONTHLY_NOTE_WORDING), "").strip()


def sign_errors(entry: Entry, *, now=None) -> dict:
    """What keeps a draft from being signed, by field, in the writer's language."""
    now = now or timezone.now()
    errors = {}
    if not entry.category:
        errors["category"] = _("Choose what kind of entry this is.")
    if not entry.text.strip():
        errors["text"] = _("Write what happened, what you did and how it went.")
    elif entry.category == Category.MONTHLY and (
        len(_text_without_standard_wording(entry.text)) < MONTHLY_DESCRIPTION_MIN_CHARS
    ):
        errors["text"] = _(
            "Add a short description of the client's situation: how the client says things work, or what "
            "you have seen and learnt from colleagues."
        )
    if entry.occurred_at is None:
        errors["occurred_at"] = _("Write when it happened.")
    elif entry.occurred_at > now + FUTURE_TOLERANCE:
        errors["occurred_at"] = _("An entry is about something that has happened: the time cannot be in the future.")
    if entry.for_colleague:
        if len(entry.colleague_name.split()) < 2:
            errors["colleague_name"] = _("Write the colleague's first and last name.")
        if not entry.colleague_title.strip():
            errors["colleague_title"] = _("Write the colleague's title.")
    if entry.corrects_id is not None:
        if not entry.correction_reason.strip():
            errors["correction_reason"] = _("Write what is corrected and why.")
        if entry.text.strip() == entry.corrects.text.strip():
            errors["text"] = _("The correction says the same as the entry it corrects. Write the corrected text.")
    return errors


@transaction.atomic
def sign_entry(entry: Entry, *, user, confirm_other_client: bool = False, now=None) -> Entry:
    """Sign the author's draft: from now on it is final. The writing assistant looks at the
    text once more; its findings do not stop the signing, except that a possible name of
    another client must be confirmed explicitly (`confirm_other_client`)."""
    entry = _locked_draft(entry, user)
    refuse_if_read_only(entry.client)
    now = now or timezone.now()
    errors = sign_errors(entry, now=now)
    found = assistant.findings(entry.text, client=entry.client, user=user)
    named = assistant.has_other_client(found)
    if named and not confirm_other_client:
        errors["confirm_other_client"] = _(
            "The text may name another client. Remove the name, or confirm that it is not another client's."
        )
    if errors:
        raise ValidationError(errors)
    entry.signed_at = now
    entry.signed_by = user
    entry.late = entry.corrects_id is None and is_late(entry.occurred_at, now)
    entry.other_client_confirmed = named
    entry.findings_at_signing = sorted({finding["code"] for finding in found})
    _snapshot_author(entry, user)
    entry.save()
    return entry


@transaction.atomic
def discard_draft(entry: Entry, *, user) -> None:
    """The author throws away a draft. A signed entry is never removed."""
    _locked_draft(entry, user).delete()


@transaction.atomic
def correct_entry(original: Entry, *, author) -> Entry:
    """Start a correction of a signed entry: a draft tied to the original, with its text to
    correct. The original stays as it was, marked as corrected once the correction is signed."""
    if not original.is_signed:
        raise PermissionDenied(_("A draft is changed, not corrected."))
    if not may_correct(original, author):
        raise PermissionDenied(_("Only the author or a manager of the unit can correct an entry."))
    refuse_if_read_only(original.client)
    existing = Entry.objects.drafts().filter(corrects=original, author=author).first()
    if existing is not None:
        return existing
    entry = Entry(
        client=original.client,
        author=author,
        corrects=original,
        category=original.category,
        occurred_at=original.occurred_at,
        plan_item=original.plan_item,
        goal=original.goal,
        life_area=original.life_area,
        text=original.text,
        assessment_by=original.assessment_by,
    )
    _snapshot_author(entry, author)
    entry.save()
    return entry


def objection_errors(entry: Entry, *, text: str, raised_on, today=None) -> dict:
    today = today or timezone.localdate()
    errors = {}
    if not entry.is_signed:
        errors["__all__"] = _("An objection is noted on a signed entry.")
    if not text.strip():
        errors["text"] = _("Write what the client or the representative considers wrong.")
    if raised_on is None:
        errors["raised_on"] = _("Write when the objection was raised.")
    elif raised_on > today:
        errors["raised_on"] = _("An objection cannot be dated in the future.")
    elif entry.is_signed and raised_on < timezone.localdate(entry.signed_at):
        errors["raised_on"] = _("An objection cannot be dated before the entry was signed.")
    return errors


@transaction.atomic
def add_objection(entry: Entry, *, text: str, recorded_by, raised_on=None, contact=None) -> Objection:
    """Note that the client (or, with `contact`, their representative) considers the entry
    wrong. The entry itself is not changed."""
    raised_on = raised_on or timezone.localdate()
    text = clean_text(text)
    errors = objection_errors(entry, text=text, raised_on=raised_on)
    if contact is not None and contact.client_id != entry.client_id:
        errors["raised_by_contact"] = _("Choose one of the client's relatives or representatives.")
    if errors:
        raise ValidationError(errors)
    if contact is None:
        raised_by = _("%(client)s (the client)") % {"client": entry.client}
    else:
        raised_by = f"{contact.name} ({contact.relation or contact.get_kind_display()})"
    return Objection.objects.create(
        entry=entry,
        raised_on=raised_on,
        raised_by_contact=contact,
        raised_by_name=raised_by,
        text=text,
        recorded_by=recorded_by,
        recorded_by_name=recorded_by.name_with_title,
    )


# How far back a monthly note can be written for: a year of months before this one.
MONTHLY_NOTE_MONTHS_BACK = 12


def monthly_note_months(*, today=None) -> list[datetime.date]:
    """The months a monthly note can be written for, this month first: never a month to come."""
    today = today or timezone.localdate()
    return [dates.first_of_month(today), *reversed(dates.months_back(today, MONTHLY_NOTE_MONTHS_BACK))]


def monthly_note_time(month: datetime.date, *, now=None) -> datetime.datetime:
    """When a monthly note about `month` is dated: now, in the current month; the last minute of
    the month for an earlier one, so that it counts for that month (the monthly-note rule, the
    to-do, the dashboard and the reminders read the entry's time) and is late only when signed
    more than the late limit after the month ended."""
    now = now or timezone.now()
    this_month = dates.first_of_month(timezone.localdate(now))
    month = dates.first_of_month(month)
    if month > this_month:
        raise ValueError("A monthly note is about a month that has begun.")
    if month == this_month:
        return now.replace(second=0, microsecond=0)
    return dates.end_of(dates.last_day_of_month(month)) - datetime.timedelta(minutes=1)


def month_of(moment: datetime.datetime) -> datetime.date:
    return dates.first_of_month(timezone.localdate(moment))


@transaction.atomic
def write_monthly_note_draft(client: Client, *, author, month=None, now=None) -> Entry:
    """A monthly note for `month` (default: the month due, due/monthly_note.due_month) started from
    the routine's standard wording. Signing it still asks for a short description of the
    client's situation. An unsigned monthly note the author already started for this client
    and month is reused."""
    refuse_if_read_only(client)
    now = now or timezone.now()
    month = dates.first_of_month(month) if month else monthly_note.due_month(client, today=timezone.localdate(now))
    occurred_at = monthly_note_time(month, now=now)
    start, end = monthly_note.bounds(month)
    existing = (
        Entry.objects.drafts()
        .filter(client=client, author=author, category=Category.MONTHLY, occurred_at__gte=start, occurred_at__lt=end)
        .first()
    )
    if existing is not None:
        return existing
    entry = Entry(
        client=client,
        author=author,
        category=Category.MONTHLY,
        occurred_at=occurred_at,
        text=f"{MONTHLY_NOTE_WORDING} ",
    )
    _snapshot_author(entry, author)
    entry.save()
    return entry


@transaction.atomic
def record_event_entry(
    client: Client,
    *,
    category: str,
    text: str,
    author,
    occurred_at=None,
    plan_item=None,
    goal=None,
    life_area=None,
) -> Entry:
    """An entry Rödtråd writes on behalf of `author`, the acting user, when something happens
    elsewhere in the record (a plan item changes, an order ends). It is signed at once in the
    author's name and marked as written by the system. A closed case does not refuse it: the
    journal note that closes a case is one of these."""
    if category not in Category.values:
        raise ValueError(f"Unknown journal category: {category!r}")
    text = clean_text(text).strip()
    if not text:
        raise ValueError("A journal entry needs a text.")
    errors = link_errors(client, plan_item=plan_item, goal=goal)
    if errors:
        raise ValidationError(errors)
    now = timezone.now()
    entry = Entry(
        client=client,
        author=author,
        category=category,
        occurred_at=occurred_at or now,
        text=text,
        plan_item=plan_item or (goal.item if goal is not None else None),
        goal=goal,
        life_area=life_area,
        signed_at=now,
        signed_by=author,
        recorded_by_system=True,
    )
    entry.late = is_late(entry.occurred_at, now)
    _snapshot_author(entry, author)
    entry.save()
    return entry
