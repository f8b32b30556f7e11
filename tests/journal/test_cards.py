"""The journal list keeps each entry's rendered card; what changes around an entry shows at once."""

import pytest
from django.utils import formats, timezone

from rodtrad.journal import services
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
