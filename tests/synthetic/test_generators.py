"""The pieces of the synthetic municipality that need no database: text, numbers and how the
entries are shared out."""

import datetime
import random

import pytest
from stdnum import luhn
from stdnum.se import personnummer

from rodtrad.synthetic import people, text
from rodtrad.synthetic.journal_rows import allocate
from rodtrad.synthetic.records import SynthClient, SynthUnit


def test_the_same_seed_gives_the_same_text_and_another_seed_other_text():
    first = text.JournalText(random.Random(5))
    again = text.JournalText(random.Random(5))
    other = text.JournalText(random.Random(6))
    made = [first.entry("event", "f", "Elsa") for _ in range(20)]
    assert made == [again.entry("event", "f", "Elsa") for _ in range(20)]
    assert made != [other.entry("event", "f", "Elsa") for _ in range(20)]


@pytest.mark.parametrize("name", ["Ali", "Alexander"])
def test_entries_stay_within_the_lengths_and_name_the_client(name):
    writer = text.JournalText(random.Random(1))
    entries = [writer.entry(category, "m", name) for category in ("event", "monthly", "deviation") for _ in range(300)]
    assert max(map(len, entries)) <= text.MAX_CHARS
    assert sum(len(entry) < text.MIN_CHARS for entry in entries) < len(entries) // 50
    assert not any(text.NAME in entry for entry in entries)
    assert sum(name in entry for entry in entries) > len(entries) * 0.8
    assert len(set(entries)) > len(entries) * 0.9


def test_pronouns_follow_the_client():
    writer = text.JournalText(random.Random(2))
    about_her = " ".join(writer.entry("event", "f", "Elsa") for _ in range(200))
    about_him = " ".join(writer.entry("event", "m", "Omar") for _ in range(200))
    assert " hon " in about_her and " han " not in about_her
    assert " han " in about_him and " hon " not in about_him


@pytest.mark.parametrize("coordination", [False, True])
def test_identity_numbers_are_test_series_with_a_correct_check_digit(coordination):
    born = datetime.date(1987, 2, 28)
    number = people.identity_number(born, 983, coordination=coordination)
    assert len(number) == 12 and luhn.is_valid(number[2:])
    assert int(number[6:8]) == born.day + (60 if coordination else 0)
    assert 980 <= int(number[8:11]) <= 999
    assert personnummer.is_valid(number) is not coordination


def test_no_two_clients_get_the_same_number_even_when_a_day_runs_out():
    numbers = people.Numbers(random.Random(3))
    born = datetime.date(2001, 5, 17)
    drawn = [numbers.draw(born, "f") for _ in range(10)]
    assert len(set(drawn)) == 10 and all(serial % 2 == 0 for serial in drawn)
    assert numbers.draw(born, "f") is None
    assert numbers.draw(born, "m") % 2 == 1


def _clients(count, weights):
    unit = SynthUnit(number=1, kind="sol_home_care", name="Enhet", size=80)
    clients = []
    for number in range(count):
        client = SynthClient(
            number=number,
            first_name="Test",
            last_name="Testsson",
            gender="f",
            born=datetime.date(1950, 1, 1),
            home=unit,
            start=datetime.date(2020, 1, 1),
            heavy=number == 0,
            weight=weights[number % len(weights)],
        )
        client.window = (0, 1000)
        clients.append(client)
    return clients


@pytest.mark.parametrize(("count", "total", "heavy"), [(20, 1999, 999), (200, 250_000, 5000), (5000, 5_000_000, 5000)])
def test_entries_are_shared_out_exactly_with_the_heavy_client_on_top(count, total, heavy):
    clients = _clients(count, [0.2, 1.0, 7.5, 3.0])
    allocate(clients, total, heavy)
    assert sum(client.entries for client in clients) == total
    assert clients[0].entries == heavy
    assert max(client.entries for client in clients[1:]) < heavy


def test_with_too_few_other_clients_the_heavy_client_takes_the_rest():
    clients = _clients(2, [1.0])
    allocate(clients, 10, 5)
    assert [client.entries for client in clients] == [6, 4]
