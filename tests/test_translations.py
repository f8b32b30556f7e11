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


JS_PO = PO.with_name("djangojs.po")


def test_the_passkey_scripts_messages_have_swedish_translations():
    """django-otp-webauthn's script asks its catalogue (jsi18n) for these; the package has no Swedish."""
    import re

    import django_otp_webauthn

    scripts = Path(django_otp_webauthn.__file__).parent / "static" / "django_otp_webauthn"
    asked = {m for script in scripts.glob("*.js") for m in re.findall(r'gettext\("([^"]*)"\)', script.read_text())}
    assert asked
    translated = {entry.msgid for entry in polib.pofile(str(JS_PO)) if entry.translated()}
    assert asked <= translated
    mo = {entry.msgid: entry.msgstr for entry in polib.mofile(str(JS_PO.with_suffix(".mo")))}
    assert mo == {entry.msgid: entry.msgstr for entry in polib.pofile(str(JS_PO))}


def test_the_passkey_catalogue_is_served_in_swedish(client, django_user_model):
    client.force_login(django_user_model.objects.create(username="someone"))
    catalogue = client.get("/konto/passkey/jsi18n/").content.decode()
    assert '"Verification successful!": "Verifieringen lyckades."' in catalogue
