"""Calendar arithmetic in Swedish time, knowing nothing of the domain: months added the way the
routines count them, the months of a year, and the first moment of a day for queries on times.
The rules that use them (when a plan or a file falls due) are in each app's due/ package."""

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
