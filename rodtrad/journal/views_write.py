"""Writing an entry: the draft form, its autosave and live findings, signing, throwing a draft
away, the monthly note and starting a correction. Every change is a POST; every refusal after
the access check is answered with access.refused, so that the audit event stays."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from rodtrad.audit.models import Action
from rodtrad.clients import access
from rodtrad.clients.services import is_closed

from . import assistant, services
from .due import monthly_note as monthly_note_rule
from .forms import MONTH_FORMAT, EntryForm, SignForm, month_choices, parse_month, posted
from .models import Entry, SignedEntryError

SIGNED_MESSAGE = gettext_lazy("The entry is signed and can no longer be changed. Write a correction instead.")
# Other pages may ask for findings on a field of their own (the goal field of the plan, say).
FIELD_NAME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_-")


def _entry(request, client_id, entry_id, action, *, detail=""):
    """The entry, if the user may read it (signed, or their own draft) and see its client, after
    recording `action` on it."""
    readable = Entry.objects.readable_by(request.user).filter(client_id=client_id)
    return access.object_for(request, readable, entry_id, action, detail=detail)


def _draft_or_refusal(request, entry):
    """None when `entry` is the user's own draft in an open case, else the refusal to send."""
    if entry.is_signed:
        return access.refused(request, SIGNED_MESSAGE)
    if entry.author_id != request.user.pk:
        return access.refused(request, _("Only the author can change a draft."))
    if is_closed(entry.client):
        return access.refused(request, services.READ_ONLY_MESSAGE)
    return None


def _add_errors(form, error: ValidationError):
    for field, messages_ in error.message_dict.items():
        for message in messages_:
            form.add_error(field if field in form.fields else None, message)


def _expected_version(request) -> str:
    """The version of the draft the writer saves over: the one the form was opened at, or, after
    a conflict, the newer one they chose to save over ("Spara min text i stället")."""
    return request.POST.get("overwrite") or request.POST.get("version", "")


def _form_page(request, client, entry):
    form = EntryForm(posted(request), instance=entry or Entry(client=client, author=request.user), client=client)
    conflict = None
    if request.method == "POST":
        try:
            entry = services.save_draft(
                client,
                author=request.user,
                entry=entry,
                expected_version=_expected_version(request),
                **form.valid_part(),
            )
        except services.StaleDraft as stale:
            conflict = stale.current
        except ValidationError as error:
            _add_errors(form, error)
        except (SignedEntryError, PermissionDenied) as refusal:
            return access.refused(request, str(refusal))
        if not form.errors and conflict is None:
            if request.POST.get("action") == "review":
                errors = services.sign_errors(entry)
                if not errors:
                    return redirect("journal:sign", client.pk, entry.pk)
                _add_errors(form, ValidationError(errors))
            else:
                messages.success(request, _("The draft is saved. Only you can see it until it is signed."))
                return redirect("journal:edit", client.pk, entry.pk)
    context = {
        "client": client,
        "entry": entry,
        "form": form,
        "late_days": services.late_after().days,
        # A refused save keeps the version it was opened at: autosaves go on being refused
        # until the writer chooses one of the two versions.
        "version": request.POST.get("version", "") if conflict else services.draft_version(entry) if entry else "",
        "conflict": conflict,
        "conflict_version": services.draft_version(conflict) if conflict else "",
    }
    return render(request, "journal/form.html", context, status=409 if conflict else 200)


def new_entry(request, client_id):
    """A new entry. Once the autosave has made a draft, the form carries its id."""
    entry_id = request.POST.get("entry", "") if request.method == "POST" else ""
    if entry_id:
        return edit_entry(request, client_id, entry_id)
    client = access.client_for(
        request, client_id, access.action_for(request, Action.CREATE), object_type="journal_entry"
    )
    if is_closed(client):
        return access.refused(request, services.READ_ONLY_MESSAGE)
    return _form_page(request, client, None)


def edit_entry(request, client_id, entry_id):
    entry = _entry(request, client_id, entry_id, access.action_for(request, Action.UPDATE))
    refusal = _draft_or_refusal(request, entry)
    if refusal:
        return refusal
    return _form_page(request, entry.client, entry)


def _status(request, *, status, entry=None, problems=(), message="", http_status=200):
    response = render(
        request,
        "journal/_save_status.html",
        {
            "status": status,
            "entry": entry,
            "version": services.draft_version(entry) if entry else "",
            "problems": problems,
            "message": message,
            "now": timezone.now(),
        },
        status=http_status,
    )
    response["X-Draft-Status"] = status
    if entry is not None:
        response["X-Draft-Id"] = str(entry.pk)
        response["X-Draft-Version"] = services.draft_version(entry)
    return response


def _has_content(fields: dict) -> bool:
    return any(
        fields.get(name)
        for name in ("text", "category", "plan_item", "goal", "life_area", "assessment_by", "colleague_name")
    )


@require_POST
def autosave(request, client_id):
    """Save the draft as the person writes (htmx, debounced). Answers with the "Sparat" status
    and headers static/rodtrad/drafts.js reads; a draft is only made once there is something to keep."""
    entry_id = request.POST.get("entry", "")
    if entry_id:
        entry = _entry(request, client_id, entry_id, Action.UPDATE)
        client = entry.client
        refusal = _draft_or_refusal(request, entry)
        if refusal:
            message = SIGNED_MESSAGE if entry.is_signed else _("This draft cannot be saved here.")
            return _status(request, status="refused", message=message)
    else:
        client = access.client_for(request, client_id, Action.CREATE, object_type="journal_entry")
        if is_closed(client):
            return _status(request, status="refused", message=services.READ_ONLY_MESSAGE)
        entry = None
    form = EntryForm(request.POST, instance=entry or Entry(client=client, author=request.user), client=client)
    fields = form.valid_part()
    if entry is None and not _has_content(fields):
        return _status(request, status="empty")
    problems = [form.fields[name].label for name in form.errors if name in form.fields]
    expected = _expected_version(request)
    try:
        saved = services.save_draft(client, author=request.user, entry=entry, expected_version=expected, **fields)
    except services.StaleDraft as stale:
        # Refused, and both versions offered: the writer's stays in their form (and browser),
        # the saved one comes in the answer (journal/_draft_conflict.html, placed by drafts.js).
        return _conflict(request, stale.current)
    except (SignedEntryError, PermissionDenied) as refusal:
        return _status(request, status="refused", message=str(refusal))
    except ValidationError as error:
        for name in error.message_dict:
            fields.pop(name, None)
            if name in form.fields:
                problems.append(form.fields[name].label)
        saved = services.save_draft(client, author=request.user, entry=entry, expected_version=expected, **fields)
    response = _status(request, status="saved", entry=saved, problems=problems)
    if entry is None:
        response["HX-Replace-Url"] = reverse("journal:edit", args=[client.pk, saved.pk])
    return response


def _conflict(request, current):
    response = render(
        request,
        "journal/_draft_conflict.html",
        {"saved": current, "saved_version": services.draft_version(current)},
        status=409,
    )
    response["X-Draft-Status"] = "stale"
    response["X-Draft-Id"] = str(current.pk)
    response["X-Draft-Version"] = services.draft_version(current)
    return response


@require_POST
def findings(request, client_id):
    """The writing assistant's findings in the text being written (htmx, debounced). The text
    is in POST `text`, or in the field named by POST `field`; POST `kind` "goal" checks a goal
    sentence (the plan's goal field) instead of a journal entry."""
    client = access.client_for(request, client_id, object_type="writing_findings")
    field = request.POST.get("field", "") or "text"
    if not set(field) <= FIELD_NAME_CHARS:
        field = "text"
    kind = "goal" if request.POST.get("kind") == "goal" else "journal"
    text = services.clean_text(request.POST.get(field, ""))[: services.MAX_TEXT_CHARS]
    found = assistant.findings(text, client=client, user=request.user, kind=kind)
    response = render(
        request,
        "journal/_findings.html",
        {"findings": found, "available": assistant.is_available(kind), "checked": bool(text.strip())},
    )
    return response


def sign(request, client_id, entry_id):
    """Before signing: the entry as it will stand, and the findings once more. Signing is
    final; a possible other client's name must be confirmed."""
    entry = _entry(request, client_id, entry_id, access.action_for(request, Action.SIGN))
    refusal = _draft_or_refusal(request, entry)
    if refusal:
        return refusal
    form = SignForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.sign_entry(
                entry, user=request.user, confirm_other_client=form.cleaned_data["confirm_other_client"]
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The entry is signed."))
            return redirect("journal:detail", client_id, entry.pk)
    found = assistant.findings(entry.text, client=entry.client, user=request.user)
    return render(
        request,
        "journal/sign.html",
        {
            "client": entry.client,
            "entry": entry,
            "form": form,
            "findings": found,
            "available": assistant.is_available(),
            "asks_confirmation": assistant.has_other_client(found),
            "errors": services.sign_errors(entry),
            "will_be_late": entry.corrects_id is None and services.is_late(entry.occurred_at, timezone.now()),
            "late_days": services.late_after().days,
        },
    )


@require_POST
def discard(request, client_id, entry_id):
    entry = _entry(request, client_id, entry_id, Action.UPDATE, detail="discard draft")
    refusal = _draft_or_refusal(request, entry)
    if refusal:
        return refusal
    services.discard_draft(entry, user=request.user)
    messages.success(request, _("The draft was thrown away."))
    return redirect("journal:list", client_id)


def monthly_note(request, client_id):
    """The monthly note for a month: the month due unless another is asked for (`manad`,
    "2026-11", in the address from a to-do or in the form). A GET shows the month to confirm
    (the links from the to-do, the dashboard and the overview); a POST starts the note's draft."""
    action = Action.CREATE if request.method == "POST" else Action.VIEW
    client = access.client_for(request, client_id, action, object_type="journal_entry", detail="monthly note")
    if is_closed(client):
        return access.refused(request, services.READ_ONLY_MESSAGE)
    months = services.monthly_note_months()
    asked_for = parse_month((request.POST if request.method == "POST" else request.GET).get("manad", ""), months)
    month = asked_for or monthly_note_rule.due_month(client)
    if request.method == "POST":
        entry = services.write_monthly_note_draft(client, author=request.user, month=month)
        return redirect("journal:edit", client.pk, entry.pk)
    return render(
        request,
        "journal/monthly_note.html",
        {"client": client, "month": month, "months": month_choices(months), "chosen": month.strftime(MONTH_FORMAT)},
    )


@require_POST
def correct(request, client_id, entry_id):
    original = _entry(request, client_id, entry_id, Action.CREATE, detail="correction")
    try:
        entry = services.correct_entry(original, author=request.user)
    except PermissionDenied as refusal:
        return access.refused(request, str(refusal))
    return redirect("journal:edit", client_id, entry.pk)
