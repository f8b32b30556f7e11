"""The register of the synthetic municipality: units, staff, clients, orders, contacts and consents.

Sizes follow a mid-sized Swedish municipality: most clients have home care or housing support
under SoL in units of about eighty, a quarter live in LSS group homes of six, a few children in
children's homes, and many group-home residents go to a daily activity as well. This module plans
it all in memory (records.py); register_rows.py writes it."""

import datetime
import itertools
import math

from rodtrad.accounts.models import Unit
from rodtrad.clients.models import Client

from . import known, people, words
from .records import Staff, SynthClient, SynthOrder, SynthUnit

HOME_CARE, GROUP_HOME, DAILY = Unit.Kind.SOL_HOME_CARE, Unit.Kind.LSS_GROUP_HOME, Unit.Kind.LSS_DAILY_ACTIVITY
SIZES = {HOME_CARE: 80, GROUP_HOME: 6, DAILY: 24}
GROUP_HOME_SHARE, CHILD_SHARE = 0.28, 0.03
DAILY_SHARE = {GROUP_HOME: 0.6, HOME_CARE: 0.06}
UNITS_PER_MANAGER = {HOME_CARE: 1, GROUP_HOME: 3, DAILY: 2}
# Journal entries per year, relative: group homes write every shift, home care less.
ENTRY_WEIGHT = {GROUP_HOME: 2.0, HOME_CARE: 0.8}
SERVICES = {
    GROUP_HOME: ("LSS", "Bostad med särskild service för vuxna"),
    "children": ("LSS", "Boende i familjehem eller bostad med särskild service för barn eller ungdomar"),
    DAILY: ("LSS", "Daglig verksamhet"),
    "home_care": ("SoL", "Hemtjänst"),
    "housing_support": ("SoL", "Boendestöd"),
    "alarm": ("SoL", "Trygghetslarm"),
}
PERSONAL_GOALS = {
    GROUP_HOME: "Att bo tryggt med stöd och själv bestämma över sin vardag.",
    "children": "Att växa upp tryggt och få leka, lära och utvecklas som andra barn.",
    DAILY: "Att ha en meningsfull sysselsättning och utvecklas i sitt arbete.",
    "home_care": "Att klara vardagen i det egna hemmet så självständigt som möjligt.",
    "housing_support": "Att sköta sitt hem och sin ekonomi med så lite stöd som möjligt.",
    "alarm": "",
}
LANGUAGES = ("arabiska", "somaliska", "finska", "persiska", "teckenspråk", "bosniska", "tigrinja")
# PTS keeps 070-174 06 05 … 06 99 for fiction: no real person answers.
FICTION_PHONES = [f"070-174 06 {n:02d}" for n in range(5, 100)]


class Register:
    """Everything the later phases need: units, staff and clients with their database ids."""

    def __init__(self):
        self.units, self.staff, self.clients, self.managers = [], [], [], []
        self.life_areas = []  # the plan sections a journal entry may be linked to, set by care_plans


def _unit_count(clients: int, kind: str) -> int:
    return math.ceil(clients / SIZES[kind]) if clients else 0


def _unit_names(rng, base, count, prefix):
    names = list(base)
    rng.shuffle(names)
    result = []
    for index in range(count):
        name = names[index % len(names)]
        round_number = index // len(names)
        result.append(f"{prefix} {name}" + (f" {round_number + 1}" if round_number else ""))
    return result


def plan_units(rng, n_clients):
    """How many clients of each kind, and the units for them (the heavy client's home care unit first)."""
    children = max(1 if n_clients >= 10 else 0, round(n_clients * CHILD_SHARE))
    group = round(n_clients * GROUP_HOME_SHARE)
    home_care = max(1, n_clients - group - children)
    group = n_clients - home_care - children
    daily = round(group * DAILY_SHARE[GROUP_HOME]) + round(home_care * DAILY_SHARE[HOME_CARE])
    counts = {
        HOME_CARE: _unit_count(home_care, HOME_CARE),
        GROUP_HOME: _unit_count(group, GROUP_HOME),
        "children": _unit_count(children, GROUP_HOME),
        DAILY: _unit_count(daily, DAILY),
    }
    names = {
        HOME_CARE: [f"Hemtjänst och boendestöd {n}" for n in _unit_names(rng, words.AREAS, counts[HOME_CARE], "")],
        GROUP_HOME: _unit_names(rng, words.GROUP_HOME_NAMES, counts[GROUP_HOME], "Gruppbostaden"),
        "children": _unit_names(rng, words.GROUP_HOME_NAMES, counts["children"], "Barnboendet"),
        DAILY: _unit_names(rng, words.DAILY_ACTIVITY_NAMES, counts[DAILY], "Daglig verksamhet"),
    }
    units = []
    for key, kind in ((HOME_CARE, HOME_CARE), (GROUP_HOME, GROUP_HOME), ("children", GROUP_HOME), (DAILY, DAILY)):
        for name in names[key]:
            units.append(
                SynthUnit(
                    number=len(units) + 1, kind=kind, name=name.strip(), size=SIZES[kind], children=key == "children"
                )
            )
    return units, {"home_care": home_care, "group": group, "children": children}


def _staff_needed(unit: SynthUnit, clients: int) -> int:
    if unit.kind == HOME_CARE:
        return max(3, clients // 7)
    if unit.kind == DAILY:
        return max(2, clients // 6)
    return 7 if unit.children else 6


def _person(rng, username, title):
    gender = rng.choice("fm")
    first = rng.choice(words.FEMALE_NAMES if gender == "f" else words.MALE_NAMES)
    return Staff(username=username, first_name=first, last_name=rng.choice(words.LAST_NAMES), title=title)


def staff_units(rng, register):
    """Managers (chef0001 …, unit 1's first) and staff (personal00001 …, unit 1's first)."""
    by_kind = {}
    for unit in register.units:
        by_kind.setdefault((unit.kind, unit.children), []).append(unit)
    for (kind, _children), units in by_kind.items():
        per_manager = UNITS_PER_MANAGER[kind]
        for start in range(0, len(units), per_manager):
            manager = _person(rng, known.manager_username(len(register.managers) + 1), words.MANAGER_TITLE)
            register.managers.append(manager)
            for unit in units[start : start + per_manager]:
                unit.managers.append(manager)
    for unit in register.units:
        titles = words.DAILY_TITLES if unit.kind == DAILY else words.STAFF_TITLES
        for _ in range(_staff_needed(unit, len(unit.clients))):
            person = _person(rng, known.staff_username(len(register.staff) + 1), rng.choice(titles))
            register.staff.append(person)
            unit.staff.append(person)
    # Some staff also cover the next group home, as substitutes do.
    homes = [unit for unit in register.units if unit.kind == GROUP_HOME]
    extra = {}
    for here, there in itertools.pairwise(homes):
        if rng.random() < 0.3 and here.staff:
            extra.setdefault(there.number, []).append(rng.choice(here.staff))
    return extra


def _start(rng, today, heavy):
    if heavy:
        return today - datetime.timedelta(days=5 * 365 + 200)
    if rng.random() < 0.04:
        return today - datetime.timedelta(days=rng.randint(5, 70))
    return today - datetime.timedelta(days=int(rng.uniform(0.2, 10) * 365))


def make_clients(rng, register, shares, today):
    numbers = people.Numbers(rng, reserved=[(known.HEAVY_BORN, known.HEAVY_SERIAL)])
    home_care = [u for u in register.units if u.kind == HOME_CARE]
    groups = [u for u in register.units if u.kind == GROUP_HOME and not u.children]
    children = [u for u in register.units if u.children]
    daily = [u for u in register.units if u.kind == DAILY]
    for unit_list, count in (
        (home_care, shares["home_care"]),
        (groups, shares["group"]),
        (children, shares["children"]),
    ):
        for index in range(count):
            unit = unit_list[index * len(unit_list) // count]
            client = _client(rng, numbers, unit, len(register.clients), today)
            unit.clients.append(client)
            register.clients.append(client)
    # Daily activity: many group-home residents and some younger home-care clients go there too.
    goers = [c for c in register.clients if not c.is_child and not c.heavy and _goes_to_daily(rng, c)]
    for index, client in enumerate(goers):
        if daily:
            client.daily = daily[index * len(daily) // len(goers)]
            client.daily.clients.append(client)


def _goes_to_daily(rng, client):
    return client.born.year > 1960 and rng.random() < DAILY_SHARE[client.home.kind]


def _client(rng, numbers, unit, number, today):
    heavy = number == 0
    if heavy:
        first, last, gender, born = known.HEAVY_FIRST_NAME, known.HEAVY_LAST_NAME, "f", known.HEAVY_BORN
    else:
        gender = rng.choice("fm")
        first = rng.choice(words.FEMALE_NAMES if gender == "f" else words.MALE_NAMES)
        last = rng.choice(words.LAST_NAMES)
        if unit.children:
            born = people.birth_date(rng, today.year - 17, today.year - 6)
        elif unit.kind == GROUP_HOME:
            born = people.birth_date(rng, 1955, today.year - 20)
        elif rng.random() < 0.7:
            born = people.birth_date(rng, 1928, 1975)
        else:
            born = people.birth_date(rng, 1960, 2002)
    start = max(_start(rng, today, heavy), born + datetime.timedelta(days=365 * (3 if unit.children else 18) + 5))
    client = SynthClient(
        number=number, first_name=first, last_name=last, gender=gender, born=born, home=unit, start=start, heavy=heavy
    )
    _identity(rng, numbers, client)
    return client


def _identity(rng, numbers, client):
    """Mostly personnummer; about one in a hundred a samordningsnummer, one in three hundred a reserve number."""
    if client.heavy:
        client.personal_number = known.HEAVY_PERSONAL_NUMBER
        return
    draw = rng.random()
    if draw < 0.003:
        client.identity_kind = Client.IdentityKind.RESERVE_NUMBER
        client.personal_number = f"RES-{client.start.year}-{client.number:05d}"
        return
    coordination = draw < 0.013
    serial = numbers.draw(client.born, client.gender)
    while serial is None:  # all ten numbers of that day and gender taken: the next day
        client.born += datetime.timedelta(days=1)
        serial = numbers.draw(client.born, client.gender)
    if coordination:
        client.identity_kind = Client.IdentityKind.COORDINATION_NUMBER
    client.personal_number = people.identity_number(client.born, serial, coordination=coordination)


def plan_orders(rng, register, today):
    """Orders, ended cases, the few clients whose entries have stopped, and who writes about whom."""
    for client in register.clients:
        home = client.home
        if home.children:
            services = ["children"]
        elif home.kind == GROUP_HOME:
            services = [GROUP_HOME]
        elif client.heavy or rng.random() < 0.7:
            services = ["home_care"] + (["alarm"] if rng.random() < 0.3 else [])
        else:
            services = ["housing_support"]
        for service in services:
            client.orders.append(
                SynthOrder(unit=home, service=service, valid_from=client.start, needs_plan=service != "alarm")
            )
        if client.daily is not None:
            latest = max(client.start, today - datetime.timedelta(days=10))
            begins = min(latest, client.start + datetime.timedelta(days=rng.randint(0, 300)))
            client.orders.append(SynthOrder(unit=client.daily, service=DAILY, valid_from=begins))
        established = (today - client.start).days > 200
        if not client.heavy and established and rng.random() < 0.04:
            ended = today - datetime.timedelta(days=rng.randint(10, min(700, (today - client.start).days - 180)))
            client.ended_on = ended
            for order in client.orders:
                order.ended_on = max(ended, order.valid_from)
        elif not client.heavy and established and rng.random() < 0.05:
            client.quiet_from = today.replace(day=1) - datetime.timedelta(days=rng.randint(35, 80))
        _writers(rng, client)
        client.weight = ENTRY_WEIGHT[home.kind] * (1.3 if client.daily else 1.0) * rng.lognormvariate(0, 0.5)


def _writers(rng, client):
    """The contact person writes most; colleagues at the home unit and the daily activity the rest."""
    home_staff = client.home.staff
    client.contact = home_staff[0] if client.heavy else rng.choice(home_staff)
    others = rng.sample(home_staff, min(4, len(home_staff)))
    daily = rng.sample(client.daily.staff, min(2, len(client.daily.staff))) if client.daily else []
    client.writers = [client.contact] * 3 + others + daily
