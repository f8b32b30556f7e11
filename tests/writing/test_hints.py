"""The gentle hints: the routine's finer rules, given only when asked for, never blocking."""

from rodtrad.writing import HINT_CODES, check_journal


def hints(text):
    return [(f.code, text[f.start : f.end]) for f in check_journal(text, hints=True) if f.is_hint]


def test_a_sentence_of_more_than_thirty_words_is_long():
    long = (
        "Lisa och jag gick till apoteket och sedan till banken och där var det lång kö så vi fick vänta "
        "i nästan en halvtimme och sedan gick vi hem genom parken eftersom Lisa ville se ankorna."
    )
    assert hints(long) == [("long_sentence", long)]
    short = "Lisa och jag gick till apoteket. Sedan gick vi till banken, där det var lång kö."
    assert hints(short) == []


def test_several_sentences_that_start_at_a_new_time_are_several_events():
    text = (
        "Tove städade sitt badrum själv på förmiddagen. På eftermiddagen ringde hennes pappa. "
        "På kvällen bakade hon lussekatter med personal."
    )
    assert hints(text) == [("several_events", "På kvällen")]
    # One event told in order is not several.
    one = "Greta var hos frisören kl 10. Hon ville ha håret kortare. När hon kom hem tittade hon sig i spegeln."
    assert hints(one) == []


def test_clinical_jargon_is_pointed_out_with_ordinary_words_to_use():
    (finding,) = [f for f in check_journal("Malin har dysfagi och får anpassad kost.", hints=True) if f.is_hint]
    assert finding.code == "clinical_jargon"
    assert "svälja" in finding.suggestion


def test_hints_are_not_findings_unless_asked_for_and_keep_their_own_codes():
    text = "Kalle transfererades från säng till rullstol med lyft."
    assert check_journal(text) == []
    assert {f.code for f in check_journal(text, hints=True)} <= set(HINT_CODES)


def test_jargon_in_the_clients_own_words_is_left_alone():
    assert hints('Anna sa: "jag är inte dement".') == []
