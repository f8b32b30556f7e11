"""What the benchmark and the people reading it need to find in the synthetic municipality.

The heavy client is the one with the most journal entries (min(5,000, M // 2) of M): she has a
fixed, valid test-series personnummer (HEAVY_PERSONAL_NUMBER) that no other client is given, and
lives at unit 1, a home care unit. chef0001 manages unit 1, and personal00001 works there and is
her contact person. Every synthetic user has the password PASSWORD."""

import datetime

from rodtrad.accounts.models import Organisation, User
from rodtrad.clients.models import Client

from . import people

ORGANISATION = "Syntetiska kommunen vård och omsorg"
PASSWORD = "rodtrad-syntet"  # noqa: S105 - invented data only; the command refuses production settings

HEAVY_FIRST_NAME, HEAVY_LAST_NAME = "Vera", "Ankarberg"
HEAVY_BORN, HEAVY_SERIAL = datetime.date(1948, 6, 12), 980
HEAVY_PERSONAL_NUMBER = people.identity_number(HEAVY_BORN, HEAVY_SERIAL)
HEAVY_ENTRIES = 5000


def manager_username(number: int) -> str:
    return f"chef{number:04d}"


def staff_username(number: int) -> str:
    return f"personal{number:05d}"


MANAGER_USERNAME = manager_username(1)
CONTACT_USERNAME = staff_username(1)


def heavy_entries(clients: int, entries: int) -> int:
    """How many of the entries the heavy client gets."""
    if clients <= 1:
        return entries
    return min(HEAVY_ENTRIES, entries // 2)


def is_loaded() -> bool:
    return Organisation.objects.filter(name=ORGANISATION).exists()


def heavy_client():
    return Client.objects.get(personal_number=HEAVY_PERSONAL_NUMBER)


def sign_in_users():
    """{"manager": chef0001, "staff": personal00001}, the users the benchmark signs in as."""
    users = User.objects.in_bulk([MANAGER_USERNAME, CONTACT_USERNAME], field_name="username")
    return {"manager": users[MANAGER_USERNAME], "staff": users[CONTACT_USERNAME]}
