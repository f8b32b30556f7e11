"""What the loader keeps in memory about the synthetic municipality between its phases."""

import datetime
from dataclasses import dataclass, field


@dataclass(slots=True, eq=False)
class Staff:
    username: str
    first_name: str
    last_name: str
    title: str
    pk: int | None = None

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}"


@dataclass(slots=True, eq=False)
class SynthUnit:
    number: int
    kind: str
    name: str
    size: int
    children: bool = False
    pk: int | None = None
    staff: list = field(default_factory=list)
    managers: list = field(default_factory=list)
    clients: list = field(default_factory=list)


@dataclass(slots=True, eq=False)
class SynthOrder:
    unit: SynthUnit
    service: str
    valid_from: datetime.date
    ended_on: datetime.date | None = None
    pk: int | None = None
    needs_plan: bool = True


@dataclass(slots=True, eq=False)
class SynthClient:
    number: int
    first_name: str
    last_name: str
    gender: str
    born: datetime.date
    home: SynthUnit
    start: datetime.date
    daily: SynthUnit | None = None
    identity_kind: str = "personnummer"
    personal_number: str = ""
    heavy: bool = False
    protected: bool = False
    ended_on: datetime.date | None = None
    # Entries stop some weeks before today: the dashboard then has a missing monthly note.
    quiet_from: datetime.date | None = None
    pk: int | None = None
    orders: list = field(default_factory=list)
    contact: Staff | None = None
    writers: list = field(default_factory=list)
    # (period start, [(plan item id, goal id or None), …]) in order of start, for journal links.
    periods: list = field(default_factory=list)
    weight: float = 1.0
    entries: int = 0
    # Set by the journal generator: local day numbers of the time with entries, and of each period's start.
    window: tuple = (0, 0)
    period_days: list = field(default_factory=list)

    @property
    def active_days(self) -> int:
        return self.window[1] - self.window[0] + 1

    @property
    def is_child(self) -> bool:
        return self.home.children
