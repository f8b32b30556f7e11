"""A plan to write about: a period with two plan items and a goal, made with the plan models
directly so that the journal's tests do not depend on how plans are built."""

import datetime
import importlib.util
from types import SimpleNamespace

import pytest
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext

from rodtrad.journal import assistant
from rodtrad.plans import services as plans
from rodtrad.plans.models import Goal, Plan, PlanItem, SectionTemplate


def says(response, message):
    """The message as the user reads it: in Swedish once the catalogue is compiled."""
    return escape(gettext(message)) in response.content.decode()


def days_ago(days, hour=10):
    moment = timezone.localtime() - datetime.timedelta(days=days)
    return moment.replace(hour=hour, minute=0, second=0, microsecond=0)


@pytest.fixture
def plan(world):
    period = plans.add_period(
        Plan.objects.create(client=world.client, unit=world.unit), starts_on=datetime.date(2025, 1, 1)
    )
    meals = SectionTemplate.objects.get(template__unit=None, title="Måltidssituation")
    social = SectionTemplate.objects.get(template__unit=None, title="Sociala aktiviteter")
    cooking = PlanItem.objects.create(period=period, section=meals, title="Laga middag")
    walks = PlanItem.objects.create(period=period, section=social, title="Promenad")
    goal = plans.add_goal(
        cooking,
        goal_type=Goal.Type.DEVELOP,
        what="Laga middag själv",
        how_often="två gånger i veckan",
        by_when=datetime.date(2027, 6, 30),
        why="hon vill bjuda sin mamma på mat",
        order_goal="Leva som andra",
        sentence="Elsa lagar middag själv två gånger i veckan.",
    )
    return SimpleNamespace(period=period, cooking=cooking, walks=walks, goal=goal, meals=meals, social=social)


class Finding:
    """What rodtrad.writing's findings look like, for tests of how the journal acts on them."""

    def __init__(self, code, start, end, message="", suggestion=""):
        self.code, self.start, self.end, self.message, self.suggestion = code, start, end, message, suggestion

    def to_dict(self):
        return {
            "code": self.code,
            "start": self.start,
            "end": self.end,
            "message": self.message,
            "suggestion": self.suggestion,
        }


@pytest.fixture(autouse=True)
def no_writing(request, monkeypatch):
    """The journal's own tests run without the writing assistant (a separate package), so that
    they test the journal; tests that ask for `real_writing` or `stub_writing` get one."""
    if "real_writing" not in request.fixturenames:
        monkeypatch.setattr(assistant, "_check_journal", lambda: None)
        monkeypatch.setattr(assistant, "_check_goal", lambda: None)
        monkeypatch.setattr(assistant, "_check_plan", lambda: None)


@pytest.fixture
def real_writing():
    """The real rodtrad.writing; the test is skipped until the package is there."""
    if importlib.util.find_spec("rodtrad.writing") is None:
        pytest.skip("rodtrad.writing is not installed yet")
    assert assistant.is_available(), "rodtrad.writing has no check_journal"


@pytest.fixture
def stub_writing(monkeypatch):
    """A stand-in for rodtrad.writing.check_journal that flags the words it is given, and
    records the other clients' names it was passed."""
    seen = SimpleNamespace(other_clients=None)
    flagged = {"lat": "value_laden", "Omar": "other_client"}

    def check_journal(text, other_clients=()):
        seen.other_clients = list(other_clients)
        found = []
        for word, code in flagged.items():
            start = text.find(word)
            if start >= 0:
                found.append(Finding(code, start, start + len(word), f"Om {word}", "Skriv vad du såg"))
        return found

    monkeypatch.setattr(assistant, "_check_journal", lambda: check_journal)
    return seen
