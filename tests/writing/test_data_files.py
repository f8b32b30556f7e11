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


@pytest.mark.parametrize(
    ("phrase", "complaint"),
    [
        ("inget (särskilt", r"\( without \)"),
        ("senast <veckonummer>", "unknown placeholder"),
        ("inget || hänt", "empty"),
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
