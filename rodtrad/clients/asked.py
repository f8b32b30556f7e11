"""Who asks about which client: the subject of the small statements nearly every page of a client
runs (may they see it, is the case closed, which other clients' names to look for), and of those
about the user's clients as a whole (the list of them, those they are contact person for). Each
is built once and reused with these values (rodtrad/db/reused.py): building one took about a
millisecond of Python, more than the database took to answer it."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model

from rodtrad.db import reused

# Values no real user, client or object has.
_STAND_INS = {which: (-2_000_000_100 - which, -2_000_000_110 - which, -2_000_000_120 - which) for which in (1, 2)}


@dataclass(frozen=True)
class Asked:
    client_id: int | None = None  # None: about the user's clients, not one of them
    user: object = None
    # One of the client's objects (a journal entry), when that is what is asked for.
    object_id: int | None = None

    def stand_in(self, which: int) -> "Asked":
        user, client_id, object_id = _STAND_INS[which]
        return Asked(
            client_id if self.client_id is not None else None,
            get_user_model()(pk=user) if self.user is not None else None,
            object_id if self.object_id is not None else None,
        )

    def slot_values(self) -> dict:
        return {
            "client": lambda: self.client_id,
            "user": lambda: self.user.pk if self.user is not None else None,
            "object": lambda: self.object_id,
        }


def rows(key, query, asked: Asked) -> list[tuple]:
    """Rows as tuples: the ordinary query must give them so too (values_list, not flat)."""
    return reused.run(key, query, asked, read=lambda cursor: cursor.fetchall())


def exists(key, query, asked: Asked) -> bool:
    return reused.run(key, query, asked, read=lambda cursor: cursor.fetchone() is not None)
