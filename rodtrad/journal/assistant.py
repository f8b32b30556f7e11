"""The writing assistant (rodtrad.writing) as the journal uses it: findings in a text, with the
names of the other clients the writer can see so that none of them ends up in the entry.

The assistant is a separate package. Until it is installed the journal works without it and
shows no findings; when rodtrad.writing exists but fails to import, that error is raised, not
hidden."""

import importlib
import importlib.util
import inspect

from django.db.models import Value
from django.db.models.functions import Concat, Trim

from rodtrad.clients.models import Client

OTHER_CLIENT = "other_client"
# Enough for any unit's clients; a cap so that a user of many units does not load thousands.
OTHER_CLIENTS_LIMIT = 2000


def _writing():
    if importlib.util.find_spec("rodtrad.writing") is None:
        return None
    return importlib.import_module("rodtrad.writing")


def _check_journal():
    return getattr(_writing(), "check_journal", None)


def _check_goal():
    return getattr(_writing(), "check_goal", None)


def _check_plan():
    return getattr(_writing(), "check_plan", None)


def _takes(function, name) -> bool:
    return name in inspect.signature(function).parameters


def is_available(kind: str = "journal") -> bool:
    check = {"goal": _check_goal, "plan": _check_plan}.get(kind, _check_journal)
    return check() is not None


def other_client_names(client, user, *, limit=OTHER_CLIENTS_LIMIT) -> list[str]:
    """Full names of the other clients `user` may see: only the names, and at most `limit`."""
    if not user.is_authenticated:
        return []

    others = Client.objects.visible_to(user).exclude(pk=client.pk).order_by("pk")
    names = others.annotate(full_name=Trim(Concat("first_name", Value(" "), "last_name")))
    return list(names.values_list("full_name", flat=True)[:limit])


def findings(text: str, *, client, user, kind: str = "journal", other_clients=None) -> list[dict]:
    """What the assistant finds in `text`, as dicts with code, start, end, message, suggestion
    and the excerpt it concerns. `kind` "goal" checks a goal sentence instead of an entry, "plan"
    the plan's own text (plan items, the life story).
    `other_clients`, from other_client_names, saves the query when checking many texts.
    Empty without the assistant or without text."""
    if not text.strip():
        return []
    if kind == "goal":
        check_goal = _check_goal()
        found = check_goal(text) if check_goal is not None else []
    else:
        check_text = _check_plan() if kind == "plan" else _check_journal()
        if check_text is None:
            return []
        extra = {"client_name": str(client)} if _takes(check_text, "client_name") else {}
        if other_clients is None:
            other_clients = other_client_names(client, user)
        found = check_text(text, other_clients=other_clients, **extra)
    return [{**finding.to_dict(), "excerpt": text[finding.start : finding.end]} for finding in found]


def has_other_client(found: list[dict]) -> bool:
    return any(finding["code"] == OTHER_CLIENT for finding in found)
