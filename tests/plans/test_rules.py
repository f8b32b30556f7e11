import datetime

import pytest

from rodtrad.plans.risk_matrix import risk_class
from rodtrad.plans.rules import compose_goal

# The matrix of the municipality's form (riskbedömningsmall), consequence from catastrophic
# down to minor, likelihood from very low to very high, as it is printed.
FORM_MATRIX = """
Katastrofal  R2 R3 R4 R4
Betydande    R2 R2 R3 R4
Måttlig      R1 R2 R2 R3
Mindre       R1 R2 R2 R2
"""
CONSEQUENCE = {"Katastrofal": 4, "Betydande": 3, "Måttlig": 2, "Mindre": 1}


@pytest.mark.parametrize(
    ("consequence", "likelihood", "expected"),
    [
        (CONSEQUENCE[row.split()[0]], likelihood, value)
        for row in FORM_MATRIX.strip().splitlines()
        for likelihood, value in enumerate(row.split()[1:], start=1)
    ],
)
def test_risk_class_follows_every_cell_of_the_forms_matrix(consequence, likelihood, expected):
    assert risk_class(consequence, likelihood) == expected


def test_the_goal_sentence_is_composed_from_the_template():
    sentence = compose_goal(
        what="laga middag själv",
        how_often="två gånger i veckan",
        support="bildrecept",
        by_when=datetime.date(2027, 6, 30),
        why="hon vill bjuda sin mamma på mat",
    )
    assert sentence == (
        "Laga middag själv två gånger i veckan, med bildrecept, senast 30 juni 2027. "
        "Det är viktigt eftersom hon vill bjuda sin mamma på mat."
    )


def test_an_empty_template_composes_nothing():
    assert compose_goal(what="", how_often="", support="", by_when=None, why="") == ""
