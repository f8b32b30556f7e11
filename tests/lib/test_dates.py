"""The limits the rules compare columns with are exact inverses of the due dates they stand for,
for every day of several years (leap years and short months included)."""

import datetime

import pytest

from rodtrad.clients.models import Client
from rodtrad.lib import dates
from rodtrad.lib.dates import add_months

DAY = datetime.timedelta(days=1)
EVERY_DAY = [datetime.date(2023, 1, 1) + DAY * n for n in range(365 * 6 + 1)]


@pytest.mark.parametrize("months", [1, 2, 6, 11, 12])
def test_latest_start_is_the_last_date_whose_due_date_is_not_after_the_day(months):
    for day in EVERY_DAY:
        latest = dates.latest_start(day, months)
        assert add_months(latest, months) <= day, (day, latest)
        assert add_months(latest + DAY, months) > day, (day, latest)


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
