"""check_plan: the plan's own text (plan items and the life story) gets the journal's findings bar
`vague`, with the VOB routine's rule that medicine names and doses never stand in the plan, and
with the plan's jag-form read as the client's own voice."""

import pytest

from rodtrad.writing import check_plan

OTHERS = ["Stig Berglund", "Maja Lindqvist"]


def found(text, **kwargs):
    return [(f.code, text[f.start : f.end]) for f in check_plan(text, **kwargs)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Personalen ger Johan två Alvedon vid huvudvärk.", [("medical_detail", "två Alvedon")]),
        ("Tove får 10 mg Melatonin till natten.", [("medical_detail", "10 mg Melatonin")]),
        ("Om blodsockret är under 4 ger personalen druvsocker.", [("medical_detail", "blodsockret är under 4")]),
        ("Vid oro kan Emil få lugnande enligt ordination.", [("medical_detail", "lugnande")]),
        ("Anna är ofta besvärlig i duschen, personalen får ha tålamod.", [("value_laden", "besvärlig")]),
        ("Vid utbrott ska personalen lämna rummet.", [("value_laden", "utbrott")]),
        ("Greta känner sig otrygg på nätterna.", [("unmarked_interpretation", "känner sig otrygg")]),
        ("Nora trivs med att laga mat.", [("unmarked_interpretation", "trivs")]),
        ("Kalle vill sitta bredvid Stig vid middagen.", [("other_client", "Stig")]),
    ],
)
def test_value_laden_words_interpretations_medicine_and_other_clients_in_the_plan(text, expected):
    assert found(text, other_clients=OTHERS) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Personalen påminner Johan om att ta sin medicin enligt läkemedelslistan.",
        "Jag blir orolig när det kommer ny personal, så jag vill att de presenterar sig.",
        "Jag är morgontrött och vill att ingen pratar med mig förrän jag ätit frukost.",
        "Jag har alltid varit en glad människa och tycker om att skämta.",
        "Elsa tycker om att sjunga psalmer och lyssna på dansband.",
        "Personalen ger Ingrid lugnet hon behöver genom att knacka och vänta.",
        "Greta upplevs otrygg på nätterna, eftersom hon larmar flera gånger per natt.",
        "Kalles mamma Maja vill bli kontaktad om han blir sjuk.",
        "Gösta är uppvuxen i Axelsberg och har bott där hela livet.",
        "Elsa har bott i samma lägenhet sedan 1970 och vill bo kvar så länge det går.",
    ],
)
def test_the_clients_own_voice_preferences_and_allowed_notes_are_left_alone(text):
    assert check_plan(text, other_clients=OTHERS) == []


def test_a_possible_state_is_not_an_interpretation_but_the_medicine_still_is():
    assert found("Personalen ger Ingrid lugnande om hon blir orolig på kvällen.") == [("medical_detail", "lugnande")]


def test_the_plan_is_not_checked_for_vague_summaries():
    # "som vanligt" and "bra" describe routines in a plan, not a day that passed.
    assert check_plan("Kalle vill ha frukost som vanligt kl. 8 och tycker att det fungerar bra.") == []


def test_hints_for_the_plan_are_long_sentences_and_jargon_not_several_events():
    text = "Personalen hjälper Nora med ADL på morgonen. På kvällen duschar hon. Efter det tittar hon på tv."
    assert [f.code for f in check_plan(text, hints=True)] == ["clinical_jargon"]
