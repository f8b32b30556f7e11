import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parent.parent
PO = ROOT / "locale" / "sv" / "LC_MESSAGES" / "django.po"


def test_every_message_has_a_swedish_translation():
    untranslated = [entry.msgid for entry in polib.pofile(str(PO)) if not entry.translated()]
    assert untranslated == []


def test_the_compiled_catalogue_matches_the_po_file():
    po = {entry.msgid: entry.msgstr or entry.msgstr_plural for entry in polib.pofile(str(PO))}
    mo = {entry.msgid: entry.msgstr or entry.msgstr_plural for entry in polib.mofile(str(PO.with_suffix(".mo")))}
    assert po == mo


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="needs GNU gettext (xgettext)")
def test_every_message_in_the_code_is_in_the_catalogue(tmp_path):
    """A string marked for translation that makemessages does not find (a gettext alias it does
    not know, say) would show in English: extract from a copy of the code and compare."""
    shutil.copytree(ROOT / "rodtrad", tmp_path / "rodtrad", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "locale", tmp_path / "locale")
    shutil.copy(ROOT / "manage.py", tmp_path)
    environment = os.environ | {"DJANGO_SETTINGS_MODULE": "rodtrad.settings.test", "RODTRAD_VAR_DIR": str(tmp_path)}
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "--locale", "sv", "--no-obsolete", "--add-location", "file"],
        cwd=tmp_path,
        env=environment,
        check=True,
        capture_output=True,
    )
    extracted = {entry.msgid for entry in polib.pofile(str(tmp_path / "locale" / "sv" / "LC_MESSAGES" / "django.po"))}
    assert extracted == {entry.msgid for entry in polib.pofile(str(PO))}
