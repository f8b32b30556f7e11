"""Calendar arithmetic that turns a rule's due date into a limit the database can compare with.

Each rule's due date is defined once, on the model or in the routine's constants: a plan period
is due for its yearly review `add_months(starts_on, 12)`, a file to the authority
`add_months(ended_on, 2)`, and so on. Over thousands of rows the database cannot call
add_months, and SQLite and PostgreSQL add months differently at the end of a month. So the
question "is add_months(x, n) before today?" is turned around: `latest_start(day, n)` is the
last x for which add_months(x, n) is still on or before `day`, and the column is compared with
that. tests/oversight/test_dates.py checks the inverse against add_months for every day of
several years, so the two cannot drift apart."""

import calendar
import datetime

from django.utils import timezone

DAY = datetime.timedelta(days=1)


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day of the month `months` later (earlier when negative), or the month's last day
    when it has fewer days: 31 January + 1 month is 28 (29) February."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def last_day_of_month(day: datetime.date) -> datetime.date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def first_of_month(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def previous_month(day: datetime.date) -> datetime.date:
    """The first day of the calendar month before the month of `day`."""
    return first_of_month(first_of_month(day) - DAY)


def latest_start(day: datetime.date, months: int) -> datetime.date:
    """The latest date x with add_months(x, months) <= day.

    add_months keeps the day of the month, or the month's last day when it has fewer days, so
    every x in the target month up to day's day of the month qualifies, and all of it when
    `day` is the last day of its month."""
    target = add_months(first_of_month(day), -months)
    if day == last_day_of_month(day):
        return last_day_of_month(target)
    return target.replace(day=min(day.day, last_day_of_month(target).day))


def latest_birth_date_of_age(day: datetime.date, years: int) -> datetime.date:
    """The latest date of birth of someone who is `years` old or more on `day`, by the rule of
    Client.age_on (a birthday on 29 February comes on 1 March in other years)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February, and that year has none
        return day.replace(year=day.year - years, day=28)


def start_of(day: datetime.date) -> datetime.datetime:
    """The first moment of `day` in Swedish time."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def end_of(day: datetime.date) -> datetime.datetime:
    """The first moment after `day`, in Swedish time: for half-open ranges."""
    return start_of(day + DAY)


def months_back(day: datetime.date, count: int) -> list[datetime.date]:
    """The first days of the `count` complete calendar months before the month of `day`, oldest first."""
    months = []
    month = first_of_month(day)
    for _ in range(count):
        month = previous_month(month)
        months.append(month)
    return months[::-1]
