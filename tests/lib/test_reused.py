"""A statement built once is run again with another subject's values, and only where that gives
the answer the ordinary query gives."""

import datetime
from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models import Count

from rodtrad.accounts.models import Membership
from rodtrad.lib import reused
from tests.factories import MembershipFactory, UnitFactory, UserFactory

pytestmark = pytest.mark.django_db

STAND_INS = {1: (-1_000_001, [-1_000_011]), 2: (-1_000_002, [-1_000_012])}


@pytest.fixture(autouse=True)
def postgresql_only():
    if connection.vendor != "postgresql":
        pytest.skip("statements are reused on PostgreSQL only")
    reused.forget()
    yield
    reused.forget()


@dataclass(frozen=True)
class Member:
    """A subject with two slots, its user and some units; `joined_since` is read by the building
    but is no slot."""

    user: object
    joined_since: datetime.date = datetime.date(2000, 1, 1)
    unit_ids: tuple = ()

    def stand_in(self, which):
        user, units = STAND_INS[which]
        return Member(get_user_model()(pk=user), self.joined_since, tuple(units))

    def slot_values(self):
        return {"user": lambda: self.user.pk, "units": lambda: list(self.unit_ids)}


class Built:
    """The query of the tests, counting how often it is built."""

    def __init__(self, condition=lambda subject: {"user": subject.user}):
        self.times = 0
        self.condition = condition

    def __call__(self, subject):
        self.times += 1
        return lambda: Membership.objects.filter(**self.condition(subject)).aggregate(units=Count("unit"))


def units_of(subject, query, key=("units",)):
    return reused.run(key, query, subject, read=lambda cursor: {"units": cursor.fetchone()[0]})


def test_a_statement_built_once_answers_for_every_user(settings):
    settings.RODTRAD_CHECK_REUSED_STATEMENTS = False
    one, two = UserFactory(), UserFactory()
    MembershipFactory(user=one, unit=UnitFactory())
    for _ in range(3):
        MembershipFactory(user=two, unit=UnitFactory())
    query = Built()
    assert units_of(Member(one), query) == {"units": 1}
    built_for_first = query.times
    assert units_of(Member(two), query) == {"units": 3}
    assert query.times == built_for_first == 2  # the two stand-ins, then never again


def test_what_the_building_sent_to_no_database_is_not_counted(django_assert_num_queries):
    user = UserFactory()
    MembershipFactory(user=user, unit=UnitFactory())
    with django_assert_num_queries(1):
        assert units_of(Member(user), Built()) == {"units": 1}


def test_a_parameter_computed_from_a_stand_in_is_not_reused(settings):
    user = UserFactory()
    MembershipFactory(user=user, unit=UnitFactory())
    MembershipFactory(user=UserFactory(), unit=UnitFactory())
    # pk + 1 differs between the two stand-ins but is neither: it cannot be put back from the slot.
    below_next = Built(lambda subject: {"user_id__lt": subject.user.pk + 1})
    with pytest.raises(reused.NotReusable):
        units_of(Member(user), below_next)
    # Outside the test settings it is answered the ordinary way, every time.
    settings.RODTRAD_CHECK_REUSED_STATEMENTS = False
    reused.forget()
    below_next.times = 0
    expected = Membership.objects.filter(user_id__lte=user.pk).count()
    assert units_of(Member(user), below_next) == {"units": expected}
    assert units_of(Member(user), below_next) == {"units": expected}
    assert below_next.times == 4  # the two stand-ins, then the ordinary query on each run


def test_a_list_whose_length_shapes_the_text_is_not_reused():
    unit = UnitFactory()
    # Django's IN gives each id a placeholder of its own: the list, as a parameter, is nowhere.
    in_list = Built(lambda subject: {"unit__in": list(subject.unit_ids)})
    with pytest.raises(reused.NotReusable):
        units_of(Member(UserFactory(), unit_ids=(unit.pk,)), in_list)


def test_a_value_the_key_leaves_out_fails_the_check_instead_of_answering_for_another():
    user = UserFactory()
    MembershipFactory(user=user, unit=UnitFactory())
    since = Built(lambda subject: {"user": subject.user, "unit__name__gte": str(subject.joined_since)})
    units_of(Member(user, datetime.date(2000, 1, 1)), since, key=("since",))
    # Same key, other value of something the building reads: the tests' check catches it.
    with pytest.raises(AssertionError, match="not what the query builds now"):
        units_of(Member(user, datetime.date(2030, 1, 1)), since, key=("since",))


def test_a_query_answered_without_a_statement_is_run_the_ordinary_way():
    query = Built(lambda subject: {"user__in": []})
    assert units_of(Member(UserFactory()), query) == {"units": 0}
