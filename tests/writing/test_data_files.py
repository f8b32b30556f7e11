"""The data files are for a domain expert to edit: they must load, be documented, and a mistake in
one must be reported with its file and line rather than silently change what is found."""

import re
from importlib import resources
from pathlib import Path

import pytest

from rodtrad.writing import check_goal, check_journal
from rodtrad.writing.lexicon import DataFileError, phrase_regex

REPO = Path(__file__).resolve().parents[2]
DATA = resources.files("rodtrad.writing").joinpath("data")


def test_every_data_file_is_described_in_the_documentation():
    docs = (REPO / "docs" / "writing-assistant.md").read_text(encoding="utf-8")
    names = sorted(entry.name for entry in DATA.iterdir() if entry.name.endswith(".txt"))
    assert len(names) >= 10
    for name in names:
        assert f"`{name}`" in docs, f"{name} is not described in docs/writing-assistant.md"


def test_every_data_file_starts_with_a_comment_that_says_what_it_is_for():
    for entry in DATA.iterdir():
        if entry.name.endswith(".txt"):
            assert entry.read_text(encoding="utf-8").startswith("# "), entry.name


def test_phrase_format_alternatives_optional_words_groups_and_placeholders():
    regex = re.compile(phrase_regex("inget|ingenting särskilt (har) {hänt|att rapportera}"), re.IGNORECASE)
    for text in ["Inget särskilt har hänt", "ingenting särskilt hänt", "Inget  särskilt att rapportera"]:
        assert regex.match(text), text
    assert not regex.match("inget särskiltare hänt")
    number = re.compile(phrase_regex("<tal> gånger i veckan"), re.IGNORECASE)
    assert number.match("2 gånger i veckan")
    assert number.match("två gånger i veckan")
    assert not number.match("många gånger i veckan")


def test_a_placeholder_inside_a_word_and_the_end_of_a_clause():
    times = re.compile(phrase_regex("x<tal> (/|i|per) vecka|veckan"), re.IGNORECASE)
    assert times.match("x2/vecka")
    assert times.match("x 2 i veckan") is None  # "x<tal>" is written as one word
    end = re.compile(phrase_regex("(har) varit som vanligt <slut>"), re.IGNORECASE)
    assert end.match("har varit som vanligt.")
    assert end.match("varit som vanligt")
    assert end.match("har varit som vanligt uppe tidigt") is None


def test_a_data_files_own_word_lists_are_placeholders_for_its_phrases():
    from rodtrad.writing.lexicon import Entry, PhraseSet
    from rodtrad.writing.text import tokenize

    entry = Entry("vaga_fraser.txt", 1, "fraser", "(en) <omdöme> <period>", None)
    phrases = PhraseSet([entry], {"omdöme": ["bra", "helt ok"], "period": ["dag", "kväll"]})
    for text, expected in [("Bra dag.", "Bra dag"), ("En helt ok kväll.", "En helt ok kväll"), ("En bil.", None)]:
        first = phrases.first(text, tokenize(text))
        assert (text[first[0] : first[1]] if first else None) == expected


@pytest.mark.parametrize(
    ("phrase", "complaint"),
    [
        ("inget (särskilt", r"\( without \)"),
        ("senast <veckonummer>", "unknown placeholder"),
        ("inget || hänt", "empty"),
        ("inget (nytt (har)) hänt", "brackets inside"),
    ],
)
def test_a_mistake_in_a_phrase_is_reported_with_where_it_is(phrase, complaint):
    with pytest.raises(DataFileError, match=complaint) as error:
        phrase_regex(phrase, "vaga_fraser.txt:12")
    assert "vaga_fraser.txt:12" in str(error.value)


def test_the_rules_load_from_the_shipped_files():
    # Both checks build their rules from every data file on first use.
    assert check_journal("Bra dag.")[0].code == "vague"
    assert check_goal("Simon ska ha det bra.")
