"""Who asks about which client: the subject of the small statements nearly every page of a client
runs (may they see it, is the case closed, which other clients' names to look for). Each is
built once and reused with these two values (rodtrad/db/reused.py): building one took about a
millisecond of Python, more than the database took to answer it."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model

from rodtrad.db import reused

# Values no real user or client has.
_STAND_INS = {which: (-2_000_000_100 - which, -2_000_000_110 - which) for which in (1, 2)}


@dataclass(frozen=True)
class Asked:
    client_id: int
    user: object = None

    def stand_in(self, which: int) -> "Asked":
        user, client_id = _STAND_INS[which]
        return Asked(client_id, get_user_model()(pk=user) if self.user is not None else None)

    def slot_values(self) -> dict:
        return {"client": lambda: self.client_id, "user": lambda: self.user.pk if self.user is not None else None}


def rows(key, query, asked: Asked) -> list[tuple]:
    return reused.run(key, query, asked, read=lambda cursor: cursor.fetchall())


def exists(key, query, asked: Asked) -> bool:
    return reused.run(key, query, asked, read=lambda cursor: cursor.fetchone() is not None)
