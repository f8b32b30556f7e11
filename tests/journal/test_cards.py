"""The journal list keeps each entry's rendered card; what changes around an entry shows at once."""

import functools
import inspect

import pytest
from django.db.models import Model
from django.template.loader import render_to_string
from django.utils import formats, timezone

from rodtrad.journal import cards, queries, services
from rodtrad.plans.models import SectionTemplate

from ..factories import SignedEntryFactory
from .conftest import days_ago

pytestmark = pytest.mark.django_db


@pytest.fixture
def entry(world):
    return SignedEntryFactory(
        client=world.client, author=world.staff, text="Elsa bakade bullar.", occurred_at=days_ago(1)
    )


def journal(as_user, world, query=""):
    return as_user(world.staff).get(f"/brukare/{world.client.pk}/journal/{query}").content.decode()


def test_the_list_shows_the_same_card_the_second_time(as_user, world, entry):
    first = journal(as_user, world)
    assert "Elsa bakade bullar." in first
    assert journal(as_user, world).count("Elsa bakade bullar.") == 1


def test_an_objection_noted_after_the_page_was_read_shows_on_it(as_user, world, entry):
    assert "Invändning" not in journal(as_user, world)
    services.add_objection(entry, text="Jag bakade kanelbullar.", recorded_by=world.staff)
    assert "Jag bakade kanelbullar." in journal(as_user, world)


def test_a_correction_signed_after_the_page_was_read_marks_the_original(as_user, world, entry):
    assert "Rättad" not in journal(as_user, world)
    correction = services.correct_entry(entry, author=world.staff)
    correction.text = "Elsa bakade kanelbullar."
    correction.correction_reason = "Fel sorts bullar."
    correction.save()
    services.sign_entry(correction, user=world.staff)
    page = journal(as_user, world)
    assert "Rättad" in page
    assert "Fel sorts bullar." in page


def test_a_goal_worded_anew_shows_its_new_wording_on_the_entries_about_it(as_user, world, complete_period):
    goal = complete_period.items.first().goals.first()
    about = SignedEntryFactory(client=world.client, author=world.staff, goal=goal, occurred_at=days_ago(2))
    worded_before = goal.sentence
    assert worded_before in journal(as_user, world)
    goal.sentence = "Elsa handlar själv på torsdagar."
    goal.save()
    page = journal(as_user, world)
    assert worded_before not in page
    assert "Elsa handlar själv på torsdagar." in page
    assert about.text in page


def test_search_marks_are_not_kept_for_the_plain_list(as_user, world, entry):
    assert "<mark>" in journal(as_user, world, "?q=bullar")
    assert "<mark>" not in journal(as_user, world)


def test_a_search_after_the_list_was_read_marks_the_words_in_the_same_cards(as_user, world, entry):
    plain = journal(as_user, world)
    searched = journal(as_user, world, "?q=bakade")
    assert "<mark>bakade</mark>" in searched
    assert "Elsa <mark>bakade</mark> bullar." in searched
    assert "<mark>" not in plain


def test_a_card_shows_its_life_area_and_the_time_of_the_entry_it_corrects(as_user, world, entry):
    life_area = SectionTemplate.objects.filter(template__unit=None).order_by("position").first()
    SignedEntryFactory(
        client=world.client,
        author=world.staff,
        life_area=life_area,
        corrects=entry,
        correction_reason="Fel dag.",
        occurred_at=days_ago(1),
    )
    page = journal(as_user, world)
    assert f"<dd>{life_area.title}</dd>" in page
    corrected_at = formats.date_format(timezone.localtime(entry.occurred_at), "j F Y H:i")
    assert f'/journal/{entry.pk}/">{corrected_at}</a>' in page


class Reads:
    """An object as the card's template and its key see it, noting every attribute read, by path
    ("goal.sentence", "signed_corrections[].author_name"). Properties and methods run with the
    reader as `self`, so that what they read is noted too; a related object is noted by its key
    (`goal` as `goal_id`), a list by its name and its items by theirs."""

    def __init__(self, obj, seen, prefix=""):
        object.__setattr__(self, "_obj", obj)
        object.__setattr__(self, "_seen", seen)
        object.__setattr__(self, "_prefix", prefix)

    def __getattr__(self, name):
        obj, seen, prefix = self._obj, self._seen, self._prefix
        if name.startswith("_"):
            return getattr(obj, name)
        found = inspect.getattr_static(type(obj), name, None)
        if isinstance(found, property | functools.cached_property | functools.partialmethod) or inspect.isfunction(
            found
        ):
            return found.__get__(self, type(obj))
        value = getattr(obj, name)
        field = next((f for f in obj._meta.get_fields() if f.name == name), None) if hasattr(obj, "_meta") else None
        if field is not None and field.many_to_one:
            seen.add(f"{prefix}{field.attname}")
            if value is None:
                return None
        if isinstance(value, Model):
            return Reads(value, seen, f"{prefix}{name}.")
        if isinstance(value, list):
            seen.add(f"{prefix}{name}[]")
            return [Reads(item, seen, f"{prefix}{name}[].") for item in value]
        seen.add(f"{prefix}{name}")
        return value

    def __setattr__(self, name, value):
        self.__dict__[name] = value  # cached_property keeps its value on the reader


def card_entries(world, complete_period):
    """Entries with everything a card can show: a goal and plan item, a life area, a colleague,
    a late signing, an objection, a correction and the correction itself."""
    goal = complete_period.items.first().goals.first()
    life_area = SectionTemplate.objects.filter(template__unit=None).order_by("position").first()
    original = SignedEntryFactory(
        client=world.client,
        author=world.staff,
        goal=goal,
        plan_item=goal.item,
        life_area=life_area,
        assessment_by="sjuksköterskan Nora Ek",
        for_colleague=True,
        colleague_name="Maria Berg",
        colleague_title="stödassistent",
        late=True,
        occurred_at=days_ago(5),
    )
    services.add_objection(original, text="Det var inte så.", recorded_by=world.staff)
    SignedEntryFactory(
        client=world.client,
        author=world.staff,
        corrects=original,
        correction_reason="Fel dag.",
        occurred_at=days_ago(4),
    )
    return list(queries.with_details(queries.signed_entries(world.client)).newest_first())


def test_a_cards_key_holds_everything_its_template_reads(world, complete_period):
    """A card is kept under a key made of what it shows (journal/cards.py): should journal/_entry.html
    read an attribute the key does not hold, a change to it would leave a stale card on the page."""
    entries = card_entries(world, complete_period)
    assert {entry.corrects_id is not None for entry in entries} == {True, False}
    for entry in entries:
        in_key, in_template = set(), set()
        cards._key(Reads(entry, in_key), link=True, level=3)
        render_to_string(
            cards.TEMPLATE, {"entry": Reads(entry, in_template), "link": True, "level": 3, "text_slot": cards.SLOT}
        )
        assert in_template, "the template read nothing of the entry"
        assert in_template <= in_key, f"not in the card's key: {sorted(in_template - in_key)}"
