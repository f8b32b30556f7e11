"""check_journal: what a writer of a journal entry is told, and where in the text."""

import dataclasses

import pytest

from rodtrad.writing import Finding, check_journal

OTHERS = ["Omar Eklund", "Sara Holm", "Per Alm"]


def found(text, **kwargs):
    """(code, flagged text) for each finding, in order."""
    return [(f.code, text[f.start : f.end]) for f in check_journal(text, **kwargs)]


def codes(text, **kwargs):
    return {f.code for f in check_journal(text, **kwargs)}


# value_laden ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Hon var lat och ville inte vara med.", "lat"),
        ("De lata morgnarna blev fler.", "lata"),
        ("Elsa var besvärlig vid frukosten.", "besvärlig"),
        ("Det var besvärligt att få Elsa att äta.", "besvärligt"),
        ("Kalle vägrar ta på sig jackan.", "vägrar"),
        ("Kalle vägrade duscha.", "vägrade"),
        ("Greta var jätteenvis i dag.", "jätteenvis"),
        ("Emil bråkade om tv:n.", "bråkade"),
    ],
)
def test_value_laden_words_are_found_in_any_inflection(text, word):
    assert found(text) == [("value_laden", word)]


def test_value_laden_finding_suggests_describing_what_happened():
    (finding,) = check_journal("Kalle vägrade duscha.")
    assert "vägrade" in finding.message
    assert "sa nej till" in finding.suggestion


@pytest.mark.parametrize(
    "text",
    [
        "Kalle sa nej till att duscha i morse.",
        "Kalle sa att han vägrar duscha i dag.",
        "Kalle sa: ”Jag vägrar!”",
        'Emil sa: "Jag är inte lat, jag är trött."',
        "Lisa sa att personalen var dum som inte lät henne åka själv.",
        "Enligt mamma Karin var han besvärlig som barn.",
    ],
)
def test_judging_words_in_the_clients_own_or_reported_words_are_left_alone(text):
    assert "value_laden" not in codes(text)


def test_a_judgement_after_reported_words_in_the_same_sentence_is_still_found():
    assert found("Hon sa att hon var trött, men jag tyckte att hon var lat.") == [("value_laden", "lat")]


def test_the_authors_own_saying_is_not_reported_speech():
    assert codes("Jag sa att Kalle var besvärlig.") == {"value_laden"}
    assert codes("Jag har sagt att Kalle är lat.") == {"value_laden"}


# medical_detail ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        ("Lisa fick Alvedon 500 mg före lunch.", "Alvedon 500 mg"),
        ("Lisa tog 8 E Novorapid före middagen.", "8 E Novorapid"),
        ("Greta fick två tabletter till natten.", "två tabletter"),
        ("Melatoninet gavs kl. 21.", "Melatoninet"),
        ("Insulinpennan var tom.", "Insulinpennan"),
        ("Dosen ändrades till 1x3.", "1x3"),
        ("Blodsockret var 14 mmol i kväll.", "14 mmol"),
    ],
)
def test_medicine_names_doses_and_units_are_medical_detail(text, detail):
    assert found(text) == [("medical_detail", detail)]


@pytest.mark.parametrize(
    "text",
    [
        "Lisa har fått ny medicin, sjuksköterskan Kalle är informerad.",
        "Lisa har varit hos läkaren, har urinvägsinfektion och har fått medicin för detta.",
        "Idag har Lisa fått sitt vaccin mot covid-19.",
        "Lisa tar sina tabletter själv från dosetten. Sjuksköterskan är informerad.",
        "Elsa bakade en sockerkaka med 3 dl socker och 200 g smör.",
        "Simon ringde 112 kl. 03 när brandlarmet gick.",
        "Vi flyttade till en annan enhet i maj.",
    ],
)
def test_what_the_routine_allows_about_health_is_not_medical_detail(text):
    assert "medical_detail" not in codes(text)


def test_a_unit_in_capitals_is_only_a_unit_when_written_so():
    assert codes("Lisa tog 8 E insulin.") == {"medical_detail"}
    assert codes("Hon bor i rum 8 e på plan två.") == set()


# other_client --------------------------------------------------------------------------------


def test_another_clients_full_name_is_found_in_any_case_and_in_the_genitive():
    assert found("Elsa och Omar Eklund bakade.", other_clients=OTHERS) == [("other_client", "Omar Eklund")]
    assert found("Elsa lånade omar eklunds cykel.", other_clients=OTHERS) == [("other_client", "omar eklunds")]


def test_another_clients_first_name_alone_is_found_with_its_genitive():
    assert found("Elsa satt i Saras rum.", other_clients=OTHERS) == [("other_client", "Saras")]
    assert found("Omar:s mamma ringde.", other_clients=OTHERS) == [("other_client", "Omar:s")]


@pytest.mark.parametrize(
    "text",
    [
        "Mamma Sara ringde och berättade om julen.",
        "Elsas syster Sara hälsade på.",
        "Sjuksköterskan Omar är informerad.",
        "Kontakt med god man Omar Lind om ekonomin.",
        "Omar (sjuksköterska) har gått igenom det med oss.",
        "Per vecka får Elsa fyra timmar ledsagning.",
        "Vi gick till gymmet två gånger per vecka.",
    ],
)
def test_relatives_staff_and_ordinary_words_are_not_other_clients(text):
    assert "other_client" not in codes(text, other_clients=OTHERS)


def test_a_first_name_shared_with_the_entrys_own_client_is_not_taken_for_the_other_client():
    text = "Sara bakade bullar i dag."
    assert codes(text, other_clients=OTHERS) == {"other_client"}
    assert codes(text, other_clients=OTHERS, client_name="Sara Lind") == set()
    assert codes("Sara Holm bakade.", other_clients=OTHERS, client_name="Sara Lind") == {"other_client"}


def test_without_other_clients_no_name_is_flagged():
    assert codes("Omar Eklund och Elsa bakade.") == set()


# unmarked_interpretation ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Lisa var ledsen.", "var ledsen"),
        ("Emil var mycket arg när han kom hem.", "var mycket arg"),
        ("Lisa mådde dåligt på kvällen.", "mådde dåligt"),
        ("Emil kände sig ensam under helgen.", "kände sig ensam"),
        ("Efteråt var hon glad och sjöng.", "var hon glad"),
        ("Greta var på dåligt humör hela morgonen.", "var på dåligt humör"),
        ("Emil blev jättearg när datorn krånglade.", "blev jättearg"),
        ("Elsa har varit nedstämd i flera dagar.", "varit nedstämd"),
        ("De blev ledsna när bussen inte kom.", "blev ledsna"),
        ("Emil längtade efter sin mamma.", "längtade"),
        ("Greta trivs bra på boendet.", "trivs"),
    ],
)
def test_inner_states_stated_as_fact_are_unmarked_interpretations(text, flagged):
    assert found(text) == [("unmarked_interpretation", flagged)]


@pytest.mark.parametrize(
    "text",
    [
        "Lisa grät och sa att hon ville vara ensam.",
        "Anna sa att hon var ledsen.",
        "Brukaren sa att hon kände sig trött och ville avbryta aktiviteten.",
        "Elsa verkade ledsen – min tolkning eftersom hon grät.",
        "Elsa var ledsen. Det är min tolkning eftersom hon grät.",
        "Jag tolkar det som att Lisa var orolig, eftersom hon frågade fem gånger om tiden.",
        "Upplevdes nedstämd och orkeslös idag. Uppger att hen sovit dåligt.",
        "Simon upplevs nöjd och personalens uppfattning är att han har haft en stabil period.",
        "Lisa sa: ”Jag är så arg på dig.”",
        "Enligt dottern Anna har Greta varit ledsen sedan katten dog.",
        "Jag frågade hur hon mådde.",
        "Natten var lugn.",
        "Elsa var ledsen, tror jag.",
        "Greta uppger att hon trivs med sina promenader.",
    ],
)
def test_marked_interpretations_own_words_and_observations_are_left_alone(text):
    assert "unmarked_interpretation" not in codes(text)


def test_a_marker_covers_its_own_clause_only():
    assert found("Elsa verkar må bra, hon var glad hela dagen.") == [("unmarked_interpretation", "var glad")]


# vague ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Allt som vanligt.", "Allt som vanligt"),
        ("Inget särskilt hände.", "Inget särskilt hände"),
        ("Bra dag.", "Bra dag"),
        ("Lugnt pass, inget speciellt har hänt.", "Lugnt pass"),
        ("Kvällen gick bra.", "Kvällen gick bra"),
    ],
)
def test_phrases_that_say_nothing_to_follow_up_are_vague(text, flagged):
    assert found(text)[0] == ("vague", flagged)


def test_the_routines_poor_example_is_vague_twice():
    assert found("Vi lagade mat tillsammans som vanligt, inget särskilt hände.") == [
        ("vague", "som vanligt"),
        ("vague", "inget särskilt hände"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Stödet har fungerat enligt genomförandeplan. Simon upplevs nöjd.",
        "Emil berättade att det varit en bra dag på jobbet.",
        "Lisa sa: ”Allt är som vanligt, sluta fråga.”",
        "Lisa deltog i matlagningen och skar grönsaker självständigt.",
    ],
)
def test_concrete_text_and_the_clients_own_words_are_not_vague(text):
    assert "vague" not in codes(text)


# the findings themselves ---------------------------------------------------------------------


def test_findings_come_in_text_order_with_spans_into_the_original_text():
    text = "  Allt som vanligt.\nKalle vägrade duscha och var arg. Omar:s mamma gav honom 2 tabletter Alvedon."
    findings = check_journal(text, other_clients=["Omar Eklund"])
    assert [f.code for f in findings] == [
        "vague",
        "value_laden",
        "unmarked_interpretation",
        "other_client",
        "medical_detail",
    ]
    assert [text[f.start : f.end] for f in findings] == [
        "Allt som vanligt",
        "vägrade",
        "var arg",
        "Omar:s",
        "2 tabletter Alvedon",
    ]
    assert [f.start for f in findings] == sorted(f.start for f in findings)


def test_every_finding_has_a_swedish_message_and_a_suggestion():
    text = "Allt som vanligt. Kalle vägrade duscha och var arg. Sara gav honom 2 tabletter Alvedon."
    findings = check_journal(text, other_clients=["Sara Holm"])
    assert len(findings) == 5
    for finding in findings:
        assert text[finding.start : finding.end] in finding.message
        assert finding.suggestion


def test_a_finding_is_a_frozen_record_that_turns_into_the_output_dict():
    (finding,) = check_journal("Bra dag.")
    assert isinstance(finding, Finding)
    with pytest.raises(dataclasses.FrozenInstanceError):
        finding.code = "other"
    assert finding.to_dict() == {
        "code": "vague",
        "start": 0,
        "end": 7,
        "message": finding.message,
        "suggestion": finding.suggestion,
    }


def test_a_finding_refuses_an_unknown_code_or_a_backwards_span():
    with pytest.raises(ValueError, match="unknown finding code"):
        Finding("spelling", 0, 1, "x")
    with pytest.raises(ValueError, match="bad span"):
        Finding("vague", 5, 2, "x")


def test_an_empty_or_clean_text_has_no_findings():
    assert check_journal("") == []
    assert check_journal("   \n ") == []
    assert check_journal("Elsa tog bussen själv till daglig verksamhet för första gången.") == []
