"""The server's side of drafts for the plan's forms, used by each form's own view after its access
check: the form posts itself as the person writes (htmx, with the header X-Draft: autosave), the
page puts a kept draft back into the form, and saving or throwing the form away ends the draft.

The browser's side, shared with the journal, is static/rodtrad/drafts.js: it reads the
X-Draft-Status and X-Draft-Version headers, keeps what has not reached the server, and forgets
its copy once the page tells it the form was saved (the draft_token it sent with the form)."""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render

from . import drafts

# How many saved forms the session remembers for the browser to forget its copies of.
DONE_TOKENS_KEPT = 20


def key_for(request, form_name="") -> str:
    return f"{request.path}#{form_name}" if form_name else request.path


def _status(request, *, status, draft=None, message=""):
    response = render(request, "_draft_status.html", {"draft": draft, "status": status, "message": message})
    response["X-Draft-Status"] = status
    response["X-Draft-Version"] = draft.saved_at.isoformat() if draft else ""
    return response


def handle(request, client, *, title, period=None, form_name=""):
    """Answer an autosave or a "throw the draft away" of the form on this page; None for
    anything else, which the view then handles as usual."""
    if request.method != "POST":
        return None
    key = key_for(request, form_name)
    if request.headers.get("X-Draft") == "autosave":
        try:
            draft = drafts.save_draft(
                user=request.user,
                client=client,
                key=key,
                view_name=request.resolver_match.view_name,
                title=title,
                data=drafts.typed(request.POST),
                period=period,
            )
        except PermissionDenied as refusal:
            return _status(request, status="refused", message=str(refusal))
        return _status(request, status="saved" if draft else "empty", draft=draft)
    if request.POST.get("draft") == "discard":
        drafts.discard_draft(user=request.user, key=key)
        return redirect(request.get_full_path())
    return None


@dataclass(frozen=True)
class DraftState:
    """A form's draft as its page needs it: the key the browser files its copy under, and the
    writer's kept draft when the page is opened (templates _draft_attrs.html, _draft_notice.html,
    _draft_status.html)."""

    key: str
    draft: object = None
    form_name: str = ""
    # Put back into the form now: the page was opened, not posted.
    restored: bool = False

    def initial(self, **defaults) -> dict:
        """A form's initial values: what the draft kept, over the form's own defaults."""
        return defaults | (self.draft.data if self.restored else {})


def state(request, form_name="") -> DraftState:
    key = key_for(request, form_name)
    draft = drafts.draft_for(user=request.user, key=key)
    return DraftState(key, draft, form_name, restored=draft is not None and request.method == "GET")


def saved(request) -> None:
    """A form was saved: the browser may forget its copy, which it marked with this token."""
    token = request.POST.get("draft_token", "")[:40]
    if token:
        tokens = request.session.get("drafts_done", [])
        request.session["drafts_done"] = [*tokens, token][-DONE_TOKENS_KEPT:]


def done(request, form_name="") -> None:
    """The form was saved: its draft has done its job."""
    drafts.discard_draft(user=request.user, key=key_for(request, form_name))
    saved(request)
