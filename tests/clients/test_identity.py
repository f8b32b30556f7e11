import datetime

import pytest
from django.core.exceptions import ValidationError

from rodtrad.clients.identity import parse

# Invented numbers with correct check digits (birth numbers in the 98x–99x test range).
PERSONAL = "19850314-9802"
COORDINATION = "19850374-9809"


def codes(value, coordination=False):
    with pytest.raises(ValidationError) as raised:
        parse(value, coordination=coordination)
    return raised.value.code


def test_a_valid_personal_number_gives_twelve_digits_and_the_birth_date():
    assert parse(PERSONAL, coordination=False) == ("198503149802", datetime.date(1985, 3, 14))


def test_ten_digits_with_or_without_dash_get_their_century():
    assert parse("850314-9802", coordination=False)[0] == "198503149802"
    assert parse("8503149802", coordination=False)[0] == "198503149802"


def test_plus_sign_means_a_hundred_years_or_more():
    number, born = parse("121212+1212", coordination=False)
    assert (number, born.year) == ("191212121212", 1912)


def test_a_wrong_check_digit_is_named_as_such():
    assert codes("19850314-9808") == "check_digit"


def test_an_impossible_date_is_named_as_such():
    assert codes("19850231-9802") == "date"


def test_a_badly_written_number_is_named_as_such():
    assert codes("1985-03-14") == "format"
    assert codes("abc") == "format"


def test_a_coordination_number_is_valid_with_day_plus_sixty():
    assert parse(COORDINATION, coordination=True) == ("198503749809", datetime.date(1985, 3, 14))


def test_a_coordination_number_with_a_wrong_check_digit_is_refused():
    assert codes("19850374-9800", coordination=True) == "check_digit"


def test_kinds_must_match_the_day():
    assert codes(COORDINATION, coordination=False) == "personal_day"
    assert codes(PERSONAL, coordination=True) == "coordination_day"


def test_a_birth_date_in_the_future_is_refused():
    assert codes("20991231-9804") == "future"
