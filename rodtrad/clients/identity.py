"""Swedish identity numbers: personnummer through python-stdnum, samordningsnummer (day + 60),
which stdnum rejects, by the same rules with the day moved back. Errors are Swedish for the form."""

import datetime
import re

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from stdnum import luhn
from stdnum.exceptions import InvalidChecksum, InvalidComponent, InvalidFormat, InvalidLength
from stdnum.se import personnummer

COORDINATION_DAY_OFFSET = 60
_SHAPE = re.compile(r"^(\d{2})?(\d{6})([-+]?)(\d{4})$")

MESSAGES = {
    "format": _("Write the number as YYYYMMDD-NNNN or YYMMDD-NNNN."),
    "date": _("The number does not contain a valid date of birth."),
    "coordination_day": _("A coordination number has day 61–91 (the day of birth plus 60)."),
    "personal_day": _("The day is over 60: this looks like a coordination number. Choose that kind."),
    "check_digit": _("The check digit is wrong. Check the number for a typing error."),
    "future": _("The date of birth cannot be in the future."),
}


def _error(code):
    return ValidationError(MESSAGES[code], code=code)


def _century(short_date: str, separator: str) -> str:
    """For a ten-digit number: the century that makes the person 0–99 years old, or 100+ with '+'."""
    today = timezone.localdate()
    year = int(short_date[:2])
    century = today.year // 100 * 100
    if century + year > today.year:
        century -= 100
    if separator == "+":
        century -= 100
    return str(century // 100)


def parse(value: str, *, coordination: bool):
    """(12 digits, date of birth) for a valid number, or a ValidationError saying what is wrong."""
    text = re.sub(r"\s", "", value or "")
    match = _SHAPE.match(text)
    if not match:
        raise _error("format")
    century, short_date, separator, serial = match.groups()
    century = century or _century(short_date, separator)
    day = int(short_date[4:6])
    if coordination and not 61 <= day <= 91:
        raise _error("coordination_day")
    if not coordination and day > 60:
        raise _error("personal_day")
    birth_day = day - COORDINATION_DAY_OFFSET if coordination else day
    try:
        born = datetime.date(int(century + short_date[:2]), int(short_date[2:4]), birth_day)
    except ValueError:
        raise _error("date") from None
    if born > timezone.localdate():
        raise _error("future")
    digits = century + short_date + serial
    if coordination:
        if not luhn.is_valid(digits[2:]):
            raise _error("check_digit")
    else:
        try:
            personnummer.validate(digits)
        except InvalidChecksum:
            raise _error("check_digit") from None
        except (InvalidComponent, InvalidFormat, InvalidLength):
            raise _error("date") from None
    return digits, born
