"""`manage.py check_text`: the writing assistant (rodtrad.writing) over JSON Lines.

Each input line is {"id": "...", "kind": "journal" | "goal" | "plan", "text": "...",
"other_clients": [...]} ("other_clients" is optional; so are "client_name", the name of the client
the text is about, and "hints": true, which asks for the gentle hints as well).
Each output line, in input order, is {"id": ..., "findings": [...]} (with "hints": [...] when
asked for) or, for a line that cannot be checked, {"id": ... or null, "error": "..."}. Blank lines
are skipped. Output is flushed per line, so a caller can write a line and read its answer.
"""

import json
import sys

from django.core.management.base import BaseCommand

from rodtrad.writing import KINDS, check


class InputError(ValueError):
    """An input line that is not a valid request; the message goes back to the caller."""


def _valid_id(value) -> bool:
    return isinstance(value, str | int) and not isinstance(value, bool)


def validate(request) -> None:
    if not isinstance(request, dict):
        raise InputError("each line must be a JSON object")
    if not _valid_id(request.get("id")):
        raise InputError('"id" must be a string or an integer')
    if request.get("kind") not in KINDS:
        raise InputError(f'"kind" must be one of {", ".join(map(repr, KINDS))}')
    if not isinstance(request.get("text"), str):
        raise InputError('"text" must be a string')
    other_clients = request.get("other_clients", [])
    if not isinstance(other_clients, list) or not all(isinstance(name, str) for name in other_clients):
        raise InputError('"other_clients" must be a list of strings')
    if not isinstance(request.get("client_name", ""), str):
        raise InputError('"client_name" must be a string')
    if not isinstance(request.get("hints", False), bool):
        raise InputError('"hints" must be true or false')


def answer(line: str) -> dict:
    """The output object for one input line."""
    try:
        request = json.loads(line)
    except json.JSONDecodeError as error:
        return {"id": None, "error": f"invalid JSON: {error.msg} (column {error.colno})"}
    request_id = request.get("id") if isinstance(request, dict) else None
    try:
        validate(request)
    except InputError as error:
        return {"id": request_id if _valid_id(request_id) else None, "error": str(error)}
    hints = request.get("hints", False)
    found = check(
        request["kind"], request["text"], request.get("other_clients", []), request.get("client_name"), hints=hints
    )
    answer = {"id": request_id, "findings": [f.to_dict() for f in found if not f.is_hint]}
    if hints:
        answer["hints"] = [f.to_dict() for f in found if f.is_hint]
    return answer


class Command(BaseCommand):
    help = (
        "Check journal entries, goals and plan text against the writing rules: JSON Lines in on stdin, JSON Lines out."
    )
    requires_system_checks = []
    stealth_options = ("stdin",)

    def handle(self, *args, **options):
        stdin = options.get("stdin") or sys.stdin
        for line in stdin:
            if not line.strip():
                continue
            self.stdout.write(json.dumps(answer(line), ensure_ascii=False))
            self.stdout.flush()
