"""QuickSelect writes out the same <select> as Django's own widget, only faster."""

import re

import pytest
from django import forms

from rodtrad.lib.widgets import QuickSelect

CHOICES = [("", "Alla"), ("x", "Xavier <b>& co</b>"), ("y", 'Ylva "Yl"')]
GROUPED = [("", "Alla"), ("Insatser", [("1", "Handla"), ("2", "Städa")]), ("Mål", [("3", "Laga mat")])]


def form_with(widget, choices):
    class Form(forms.Form):
        choice = forms.ChoiceField(choices=choices, required=True, help_text="Välj en", widget=widget)

    return Form


def attributes(html):
    """The tags with their attributes in a fixed order: the two widgets order them differently."""
    tags = []
    for tag, attrs in re.findall(r"<(/?\w+)([^>]*)>", html):
        tags.append((tag, sorted(re.findall(r'(\w[\w-]*)(?:="([^"]*)")?', attrs))))
    texts = [text for text in re.split(r"<[^>]+>", html) if text.strip()]
    return tags, texts


@pytest.mark.parametrize("choices", [CHOICES, GROUPED], ids=["flat", "grouped"])
@pytest.mark.parametrize("data", [{}, {"choice": "x"}, {"choice": "3"}, {"choice": "finns inte"}])
def test_quick_select_writes_what_djangos_select_writes(choices, data):
    django_form, quick_form = (
        form_with(forms.Select, choices)(data or None),
        form_with(QuickSelect, choices)(data or None),
    )
    django_form.is_valid(), quick_form.is_valid()
    assert attributes(str(quick_form["choice"])) == attributes(str(django_form["choice"]))


def test_labels_and_values_are_escaped():
    html = str(form_with(QuickSelect, CHOICES)({"choice": "x"})["choice"])
    assert "Xavier &lt;b&gt;&amp; co&lt;/b&gt;" in html
    assert "Ylva &quot;Yl&quot;" in html
