"""Calendar arithmetic: months added as the routines count them, and the age limit of the child
perspective, for every day of several years (leap years and short months included)."""

import datetime

import pytest

from rodtrad.clients.models import Client
from rodtrad.lib import dates
from rodtrad.lib.dates import add_months

DAY = datetime.timedelta(days=1)
EVERY_DAY = [datetime.date(2023, 1, 1) + DAY * n for n in range(365 * 6 + 1)]


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (datetime.date(2026, 1, 31), 1, datetime.date(2026, 2, 28)),
        (datetime.date(2028, 1, 31), 1, datetime.date(2028, 2, 29)),
        (datetime.date(2028, 2, 29), 12, datetime.date(2029, 2, 28)),
        (datetime.date(2026, 12, 31), 2, datetime.date(2027, 2, 28)),
        (datetime.date(2026, 11, 5), 6, datetime.date(2027, 5, 5)),
        (datetime.date(2027, 3, 31), -1, datetime.date(2027, 2, 28)),
    ],
)
def test_months_are_added_keeping_the_day_or_the_last_of_a_shorter_month(day, months, expected):
    assert add_months(day, months) == expected


def test_latest_birth_date_of_age_matches_how_a_clients_age_is_counted():
    for day in EVERY_DAY:
        born = dates.latest_birth_date_of_age(day, 18)
        assert Client(date_of_birth=born).age_on(day) >= 18, day
        assert Client(date_of_birth=born + DAY).age_on(day) == 17, day


def test_months_back_are_the_complete_months_before_today_oldest_first():
    months = dates.months_back(datetime.date(2026, 12, 1), 12)
    assert months[0] == datetime.date(2025, 12, 1)
    assert months[-1] == datetime.date(2026, 11, 1)
    assert len(months) == 12
