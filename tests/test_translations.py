from pathlib import Path

import polib

PO = Path(__file__).resolve().parent.parent / "locale" / "sv" / "LC_MESSAGES" / "django.po"


def test_every_message_has_a_swedish_translation():
    untranslated = [entry.msgid for entry in polib.pofile(str(PO)) if not entry.translated()]
    assert untranslated == []


def test_the_compiled_catalogue_matches_the_po_file():
    po = {entry.msgid: entry.msgstr or entry.msgstr_plural for entry in polib.pofile(str(PO))}
    mo = {entry.msgid: entry.msgstr or entry.msgstr_plural for entry in polib.mofile(str(PO.with_suffix(".mo")))}
    assert po == mo
