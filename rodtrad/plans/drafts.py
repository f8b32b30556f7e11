"""Drafts of the plan's forms: what a writer has typed, saved on the server as they write.

Nothing in a draft is checked: it is what was typed, kept until the form is saved (and then
checked as always) or thrown away. Only its writer reads it back."""

from django.core.exceptions import PermissionDenied

from rodtrad.clients.services import is_closed
from rodtrad.clients.services_register import READ_ONLY_MESSAGE

from .models import FormDraft

# Fields that say nothing the writer typed: the CSRF token, which of a page's forms it is, the
# version it was opened at, and the browser's mark for a submitted form.
NOT_CONTENT = frozenset({"csrfmiddlewaretoken", "form", "version", "opened", "draft_token"})
# Forms of an established period that stay open: a small change to a plan item, with a reason.
OPEN_AFTER_ESTABLISHING = frozenset({"plans:item_edit"})


def typed(post) -> dict:
    """The fields of a posted form as a draft keeps them: one value, or a list for a field
    posted more than once."""
    return {name: values[0] if len(values) == 1 else values for name, values in post.lists()}


def has_content(data: dict) -> bool:
    return any(str(value).strip() for name, value in data.items() if name not in NOT_CONTENT)


def save_draft(*, user, client, key: str, view_name: str, title: str, data: dict, period=None) -> FormDraft | None:
    """Keep what `user` has typed into the form `key`; with nothing typed, keep nothing (and
    forget an earlier draft: the writer emptied the form)."""
    if is_closed(client):
        raise PermissionDenied(READ_ONLY_MESSAGE)
    if not has_content(data):
        discard_draft(user=user, key=key)
        return None
    draft, _created = FormDraft.objects.update_or_create(
        user=user,
        key=key,
        defaults={"client": client, "period": period, "view_name": view_name, "title": title, "data": data},
    )
    return draft


def draft_for(*, user, key: str) -> FormDraft | None:
    return FormDraft.objects.filter(user=user, key=key).first()


def discard_draft(*, user, key: str) -> None:
    FormDraft.objects.filter(user=user, key=key).delete()


def drafts_of_period(period, user):
    """The writer's unsaved forms in a period, newest first, for the plan page."""
    drafts = FormDraft.objects.filter(period=period, user=user)
    if period.is_established:
        drafts = drafts.filter(view_name__in=OPEN_AFTER_ESTABLISHING)
    return drafts.order_by("-saved_at")


def forget_closed_forms(period) -> None:
    """Once a period is established its new-item, goal and risk forms are closed: their drafts
    can no longer be saved anywhere. Called by plans.services.establish."""
    FormDraft.objects.filter(period=period).exclude(view_name__in=OPEN_AFTER_ESTABLISHING).delete()
