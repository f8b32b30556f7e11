"""check_goal: is a goal specific, measurable and time-bound (the routine's SMART goal)?"""

import pytest

from rodtrad.writing import check_goal

ALL = {"goal_not_specific", "goal_not_measurable", "goal_no_timeframe"}


def codes(text):
    return {f.code for f in check_goal(text)}


def test_a_smart_goal_has_no_findings():
    assert check_goal("Kalle ska handla mat själv i affären varje torsdag, senast 30 juni 2027.") == []
    assert check_goal("Nytt mål för kommande period är att komma ut 3 dagar/v.") == []
    assert check_goal("Ali ska ta bussen själv till daglig verksamhet tre dagar i veckan inom sex månader.") == []


def test_the_routines_example_goal_lacks_only_a_timeframe():
    text = "X:s mål är att självständigt plocka ihop sopor 2 ggr/v för att det är viktigt för hen att ha rent hemma."
    assert codes(text) == {"goal_no_timeframe"}


def test_a_goal_with_no_concrete_activity_lacks_everything_and_points_at_the_vague_words():
    text = "Kalle ska bli mer självständig."
    findings = {f.code: text[f.start : f.end] for f in check_goal(text)}
    assert findings == {
        "goal_not_specific": "bli mer självständig",
        "goal_not_measurable": "mer",
        "goal_no_timeframe": "Kalle ska bli mer självständig.",
    }


@pytest.mark.parametrize(
    "text",
    [
        "Elsa ska må bra under hösten 2026.",
        "Viktor ska få ökad livskvalitet under året.",
        "Jonas ska utveckla sina sociala färdigheter inom ett år.",
        # A frequency does not make an abstract goal measurable: nothing can be counted.
        "Tobias ska känna sig trygg i sin lägenhet varje kväll till och med december.",
    ],
)
def test_abstract_goals_are_neither_specific_nor_measurable(text):
    assert codes(text) == {"goal_not_specific", "goal_not_measurable"}


@pytest.mark.parametrize(
    "text",
    [
        "Anna ska gå ut själv oftare till sommaren.",
        "Kerstin ska duscha med mindre stöd än i dag före årsskiftet.",
        "Maja ska bli bättre på att handla senast i december.",
    ],
)
def test_more_better_or_less_without_a_measure_is_not_measurable(text):
    assert codes(text) == {"goal_not_measurable"}


@pytest.mark.parametrize(
    "text",
    [
        "Lisa ska ta sig ut på promenad 2 dagar/v.",
        "Rebecka ska gå till gymmet två gånger i veckan tillsammans med ledsagare.",
        "Maja ska vattna sina blommor själv varje måndag.",
        "Tobias ska vakna kl. 7 varje vardag för att hinna äta frukost.",
        "Elsa önskar som mål att åka själv till daglig verksamhet.",
    ],
)
def test_how_often_is_a_measure_but_not_a_timeframe(text):
    assert codes(text) == {"goal_no_timeframe"}


@pytest.mark.parametrize(
    "when",
    [
        "senast 2026-12-31",
        "senast 30 juni 2027",
        "före sommaren",
        "till jul",
        "inom tre månader",
        "under hösten 2026",
        "till och med december",
        "senast vid nästa uppföljning",
        "under kommande period",
        "i en månad",
        "från och med januari 2027",
    ],
)
def test_timeframes_in_their_usual_forms(when):
    assert codes(f"Kalle ska handla mat själv varje torsdag {when}.") == set()


def test_spans_index_the_original_text_around_surrounding_whitespace():
    text = "\n  Simon ska ha det bra.  "
    findings = check_goal(text)
    assert {f.code for f in findings} == ALL
    timeframe = next(f for f in findings if f.code == "goal_no_timeframe")
    assert text[timeframe.start : timeframe.end] == "Simon ska ha det bra."
    for finding in findings:
        assert finding.message
        assert finding.suggestion


def test_an_empty_goal_has_no_findings():
    assert check_goal("") == []
    assert check_goal("  ") == []
