"""Invented people: identity numbers in the test series and names from words.py.

A personnummer here has a birth number 980–999, the range Skatteverket keeps for test numbers,
and a correct check digit; the birth number's last digit is odd for a man and even for a woman,
as in real numbers. A samordningsnummer has the day of birth plus 60."""

import datetime
import random

from stdnum import luhn

TEST_SERIALS = range(980, 1000)


def identity_number(born: datetime.date, serial: int, *, coordination: bool = False) -> str:
    day = born.day + (60 if coordination else 0)
    body = f"{born:%y%m}{day:02d}{serial:03d}"
    return f"{born.year // 100}{body}{luhn.calc_check_digit(body)}"


def gender_of_serial(serial: int) -> str:
    return "m" if serial % 2 else "f"


class Numbers:
    """Unique identity numbers for one run: no two clients share a birth date and birth number."""

    def __init__(self, rng: random.Random, reserved=()):
        self.rng = rng
        self.used = set(reserved)

    def draw(self, born: datetime.date, gender: str) -> int:
        """A free test-series birth number of the right gender for `born`, or None if all ten are taken."""
        serials = [s for s in TEST_SERIALS if gender_of_serial(s) == gender and (born, s) not in self.used]
        if not serials:
            return None
        serial = self.rng.choice(serials)
        self.used.add((born, serial))
        return serial


def birth_date(rng: random.Random, first_year: int, last_year: int) -> datetime.date:
    start = datetime.date(first_year, 1, 1)
    days = (datetime.date(last_year, 12, 31) - start).days
    return start + datetime.timedelta(days=rng.randrange(days + 1))
