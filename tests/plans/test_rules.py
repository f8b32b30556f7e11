import datetime

import pytest

from rodtrad.plans.rules import compose_goal, risk_class


@pytest.mark.parametrize(
    ("consequence", "likelihood", "expected"),
    [(4, 1, "R2"), (4, 3, "R4"), (3, 3, "R3"), (2, 2, "R2"), (2, 4, "R3"), (1, 1, "R1"), (1, 4, "R2"), (3, 1, "R2")],
)
def test_risk_class_follows_the_matrix_of_the_form(consequence, likelihood, expected):
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
