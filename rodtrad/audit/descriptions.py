"""What an access event says to the person reviewing the log, in Swedish words: "Öppnade
journalanteckning #12 – månadsanteckning", never `journal_entry #12 – monthly note`.

An event stores what was reached as a code (`object_type`: a model's name or a page's) and a
short detail; the words for them live here, in one place, for the review page and the CSV.
A model that is not named below is described by its own verbose name."""

from django.apps import apps
from django.utils.translation import gettext_lazy as _

# Pages and things that are no model of their own, or whose model name says too little.
OBJECT_WORDS = {
    "": _("the client's record"),
    "client": _("personal details"),
    "client_list": _("the list of clients (My clients)"),
    "client_file": _("the file for the authority"),
    "consent_list": _("the consents"),
    "contact_list": _("relatives and representatives"),
    "journal": _("the social journal"),
    "journal_entry": _("journal entry"),
    "writing_findings": _("the writing help on a text"),
    "plan": _("implementation plan"),
    "life_story": _("life story"),
    "follow_up": _("follow-up"),
    "audit_log": _("the audit log"),
    "oversight_dashboard": _("the overview (dashboard)"),
    "oversight_list": _("a list on the overview"),
    "oversight_trends": _("the overview's trends"),
    "spot_check": _("quality spot check"),
    "protected_details_grant": _("permission to see protected details"),
}

# Details the code records in English words.
DETAIL_WORDS = {
    "monthly note": _("monthly note"),
    "discard draft": _("draft thrown away"),
    "correction": _("correction"),
    "objection": _("objection"),
}


def _model_words(object_type: str):
    for model in apps.get_models():
        if model._meta.model_name == object_type:
            return model._meta.verbose_name
    return None


def object_words(object_type: str) -> str:
    """The Swedish words for what an event reached; the code itself only for an unknown one."""
    words = OBJECT_WORDS.get(object_type) or _model_words(object_type)
    return str(words) if words is not None else object_type


def detail_words(detail: str) -> str:
    return str(DETAIL_WORDS.get(detail, detail))


def describe(event) -> str:
    """What was reached, its number and the detail, e.g. "journalanteckning nr 12 – rättelse".
    An event about no client and no object (a sign-in, say) is told by its detail alone."""
    parts = []
    if event.object_type or event.client_id:
        text = object_words(event.object_type)
        if event.object_id:
            text += " " + str(_("no. %(number)s") % {"number": event.object_id})
        parts.append(text)
    if event.detail:
        parts.append(detail_words(event.detail))
    return " – ".join(parts)
