"""Invented demo data: one organisation, three units, ten clients and four users.

Every person is made up. Personal identity numbers are generated with a correct check digit
and birth numbers in the 98x–99x range that Skatteverket uses for its test series."""

import datetime

from django.db import transaction
from stdnum import luhn

from rodtrad.accounts.models import Membership, Organisation, Unit, User
from rodtrad.clients.models import Client, ContactPerson, Order, Service

ORGANISATION = "Demokommunen vård och omsorg"
PASSWORD = "rodtrad-demo"

UNITS = {
    "larkan": ("Gruppbostaden Lärkan", Unit.Kind.LSS_GROUP_HOME, "Bostad med särskild service för vuxna"),
    "verkstan": ("Daglig verksamhet Verkstan", Unit.Kind.LSS_DAILY_ACTIVITY, "Daglig verksamhet"),
    "soder": ("Hemtjänst och boendestöd Söder", Unit.Kind.SOL_HOME_CARE, "Boendestöd"),
}

# (username, first name, last name, title, {unit: role}, is_admin)
USERS = [
    ("personal", "Pia", "Lund", "Stödassistent", {"larkan": Membership.Role.SUPPORT_STAFF}, False),
    ("kontaktman", "Karim", "Haddad", "Stödpedagog", {"larkan": Membership.Role.SUPPORT_STAFF}, False),
    (
        "chef",
        "Cecilia",
        "Ekström",
        "Enhetschef",
        {"larkan": Membership.Role.MANAGER, "verkstan": Membership.Role.MANAGER},
        False,
    ),
    ("admin", "Adam", "Nord", "Systemadministratör", {}, True),
]

# (first name, last name, birth date, units, contact person username)
CLIENTS = [
    ("Elsa", "Lindqvist", "19850314", ["larkan", "verkstan"], "kontaktman"),
    ("Omar", "Åberg", "19920722", ["larkan", "verkstan"], "kontaktman"),
    ("Jonas", "Öhman", "19780105", ["larkan"], None),
    ("Maja", "Berg", "20010918", ["larkan", "verkstan"], None),
    ("Sven", "Ängström", "19690430", ["larkan"], None),
    ("Linnea", "Zetterlund", "19990211", ["verkstan"], None),
    ("Amir", "Eklund", "19951127", ["verkstan"], None),
    ("Greta", "Nyström", "19410603", ["soder"], None),
    ("Bertil", "Andersson", "19380812", ["soder"], None),
    ("Aino", "Virtanen", "19521009", ["soder"], None),
]

DEMO_LOGINS = [(username, f"{first} {last}, {title}") for username, first, last, title, _, _ in USERS]


def demo_personal_number(birth_date: str, index: int) -> str:
    """A 12-digit number for an invented person: birth number 980–999 and a valid check digit."""
    serial = f"{980 + index % 20:03d}"
    body = birth_date[2:] + serial
    return birth_date[:2] + body + luhn.calc_check_digit(body)


def is_loaded() -> bool:
    return Organisation.objects.filter(name=ORGANISATION).exists()


@transaction.atomic
def load():
    organisation = Organisation.objects.create(name=ORGANISATION)
    units = {
        key: Unit.objects.create(organisation=organisation, name=name, kind=kind)
        for key, (name, kind, _service) in UNITS.items()
    }
    users = {}
    for username, first, last, title, roles, is_admin in USERS:
        user = User(
            username=username,
            first_name=first,
            last_name=last,
            title=title,
            email=f"{username}@demo.invalid",
            is_staff=is_admin,
            is_superuser=is_admin,
        )
        user.set_password(PASSWORD)
        user.save()
        for unit_key, role in roles.items():
            Membership.objects.create(user=user, unit=units[unit_key], role=role)
        users[username] = user

    services = {key: Service.objects.get(name=service) for key, (_n, _k, service) in UNITS.items()}
    start = datetime.date(2025, 3, 1)
    for index, (first, last, birth, unit_keys, contact) in enumerate(CLIENTS):
        client = Client.objects.create(
            first_name=first, last_name=last, personal_number=demo_personal_number(birth, index)
        )
        for unit_key in unit_keys:
            Order.objects.create(
                client=client,
                unit=units[unit_key],
                service=services[unit_key],
                valid_from=start + datetime.timedelta(days=7 * index),
            )
        if contact:
            ContactPerson.objects.create(client=client, user=users[contact], since=start)
