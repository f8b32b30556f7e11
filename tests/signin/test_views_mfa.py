"""Two-factor for local accounts: enrolment on first sign-in when RODTRAD_REQUIRE_MFA is on, the
second step with a one-time code or a recovery code, no way past it with the password alone, and
the administrator's audited reset."""

import re
import subprocess
import sys

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from rodtrad.audit.models import AccessEvent, Action, SignInMethod
from tests.test_settings import ROOT, production

LOGIN = "/konto/logga-in/"
PASSWORD = "ett-langt-losenord"


def code_of(device):
    return f"{TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).token():06d}"


def app_for(user):
    device = TOTPDevice.objects.create(user=user, name="Telefon", confirmed=True)
    return device


def recovery_codes_for(user, *codes):
    device = StaticDevice.objects.create(user=user, name="Reservkoder", confirmed=True)
    for code in codes:
        StaticToken.objects.create(device=device, token=code)


def sign_in_with_password(client, username="staff"):
    return client.post(LOGIN, {"username": username, "password": PASSWORD})


def sign_in_events():
    return list(AccessEvent.objects.filter(action=Action.SIGN_IN).values_list("user__username", "sign_in_method"))


def test_without_the_requirement_a_user_without_a_device_signs_in_with_the_password(client, world):
    response = sign_in_with_password(client)
    assert response["Location"] == "/"
    assert client.get("/").status_code == 200
    assert sign_in_events() == [("staff", SignInMethod.PASSWORD)]


def test_with_the_requirement_the_first_sign_in_enrols_an_app_before_anything_else(client, world, settings):
    settings.RODTRAD_REQUIRE_MFA = True
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # a wrong code first; the throttle has its own test
    response = sign_in_with_password(client)
    assert response["Location"].startswith("/konto/tvastegs/?next=")
    # Every page leads back to enrolment until a second factor is added.
    blocked = client.get(f"/brukare/{world.client.pk}/")
    assert blocked.status_code == 302
    assert blocked["Location"].startswith("/konto/tvastegs/")
    assert sign_in_events() == []

    page = client.get("/konto/tvastegs/").content.decode()
    assert "Lägg till en autentiseringsapp" in page
    assert "Lägg till en passkey" in page
    assert client.get("/konto/tvastegs/app/qr.svg")["Content-Type"] == "image/svg+xml"
    device = TOTPDevice.objects.get(user=world.staff, confirmed=False)
    assert re.search(r'<code class="secret-key">[A-Z2-7]+</code>', page)

    wrong = client.post("/konto/tvastegs/app/", {"code": "000000" if code_of(device) != "000000" else "111111"})
    assert wrong.status_code == 400
    assert "Koden stämmer inte" in wrong.content.decode()
    assert sign_in_events() == []

    added = client.post("/konto/tvastegs/app/", {"code": code_of(device), "next": "/"})
    assert added.status_code == 200
    codes = re.findall(r"<li><code>(\d{10})</code></li>", added.content.decode())
    assert len(codes) == 10
    assert sign_in_events() == [("staff", SignInMethod.PASSWORD_TOTP)]
    assert client.get(f"/brukare/{world.client.pk}/").status_code == 200


def test_a_user_with_an_app_confirms_with_its_code(client, world, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # a wrong code first; the throttle has its own test
    device = app_for(world.staff)
    response = sign_in_with_password(client)
    assert response["Location"].startswith("/konto/tvastegs/verifiera/")
    assert client.get("/").status_code == 302

    wrong = client.post("/konto/tvastegs/verifiera/", {"code": "12345"})
    assert wrong.status_code == 400
    assert "Koden stämmer inte, eller har redan använts" in wrong.content.decode()
    assert client.get("/").status_code == 302

    device.refresh_from_db()
    confirmed = client.post("/konto/tvastegs/verifiera/", {"code": code_of(device), "next": "/"})
    assert confirmed["Location"] == "/"
    assert client.get("/").status_code == 200
    assert sign_in_events() == [("staff", SignInMethod.PASSWORD_TOTP)]


def test_after_a_wrong_code_even_the_right_one_waits(client, world):
    device = app_for(world.staff)
    sign_in_with_password(client)
    client.post("/konto/tvastegs/verifiera/", {"code": "12345"})
    device.refresh_from_db()
    assert device.throttling_failure_count == 1
    assert client.post("/konto/tvastegs/verifiera/", {"code": code_of(device)}).status_code == 400
    assert client.get("/").status_code == 302


def test_a_recovery_code_works_once(client, world):
    app_for(world.staff)
    recovery_codes_for(world.staff, "1234567890")
    sign_in_with_password(client)
    client.post("/konto/tvastegs/verifiera/", {"code": "12345 67890"})
    assert client.get("/").status_code == 200
    assert sign_in_events() == [("staff", SignInMethod.PASSWORD_RECOVERY)]

    client.post("/konto/logga-ut/")
    sign_in_with_password(client)
    again = client.post("/konto/tvastegs/verifiera/", {"code": "1234567890"})
    assert again.status_code == 400
    assert client.get("/").status_code == 302


def test_the_password_alone_cannot_add_a_device_to_get_past_the_second_step(client, world):
    app_for(world.staff)
    sign_in_with_password(client)
    for address in ("/konto/tvastegs/", "/konto/tvastegs/app/qr.svg"):
        response = client.get(address)
        assert response.status_code == 302
        assert response["Location"].startswith("/konto/tvastegs/verifiera/")
    assert client.post("/konto/tvastegs/app/", {"code": "123456"})["Location"].startswith("/konto/tvastegs/verifiera/")
    begin = client.post("/konto/passkey/registrering/start/", content_type="application/json")
    assert begin.status_code == 302
    assert client.post("/konto/tvastegs/reservkoder/").status_code == 302
    assert TOTPDevice.objects.filter(user=world.staff).count() == 1
    assert not StaticDevice.objects.filter(user=world.staff).exists()


def test_an_identity_provider_session_owes_no_second_factor(client, world, settings, oidc_provider):
    from tests.signin.test_oidc import sign_in_through

    settings.RODTRAD_REQUIRE_MFA = True
    sign_in_through(client, oidc_provider, "staff")
    assert client.get(f"/brukare/{world.client.pk}/").status_code == 200


def test_a_signed_in_user_makes_new_recovery_codes_and_the_old_ones_stop_working(client, world):
    recovery_codes_for(world.staff, "1111111111")
    app = app_for(world.staff)
    sign_in_with_password(client)
    client.post("/konto/tvastegs/verifiera/", {"code": code_of(app)})
    page = client.post("/konto/tvastegs/reservkoder/", {"next": "/"}).content.decode()
    codes = re.findall(r"<li><code>(\d{10})</code></li>", page)
    assert len(codes) == 10
    assert "1111111111" not in codes
    assert set(StaticToken.objects.filter(device__user=world.staff).values_list("token", flat=True)) == set(codes)


def test_the_administrators_reset_removes_every_second_factor_and_is_audited(client, world, settings):
    app_for(world.staff)
    recovery_codes_for(world.staff, "2222222222")
    client.force_login(world.admin)
    response = client.post(
        "/admin/accounts/user/", {"action": "reset_two_factor", "_selected_action": [world.staff.pk]}, follow=True
    )
    assert "Tvåstegsverifieringen är återställd för 1 användare" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=world.staff).exists()
    assert not StaticDevice.objects.filter(user=world.staff).exists()
    event = AccessEvent.objects.get(action=Action.UPDATE, object_type="user")
    assert (event.user, event.object_id) == (world.admin, str(world.staff.pk))
    assert "återställd" in event.detail

    # At the next sign-in the user enrols anew.
    settings.RODTRAD_REQUIRE_MFA = True
    client.logout()
    assert sign_in_with_password(client)["Location"].startswith("/konto/tvastegs/?")


def test_the_reset_is_an_action_in_the_user_admin(client, world):
    client.force_login(world.admin)
    page = client.get("/admin/accounts/user/").content.decode()
    assert "Återställ tvåstegsverifiering" in page
    # Devices have no admin pages of their own, where a reset would leave no audit event.
    assert client.get("/admin/otp_totp/totpdevice/").status_code == 404


@pytest.mark.parametrize(("value", "expected"), [(None, "True"), ("0", "False")])
def test_production_requires_two_factor_unless_turned_off(value, expected):
    environment = {k: v for k, v in production().items()}
    if value is not None:
        environment["RODTRAD_REQUIRE_MFA"] = value
    import os

    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "RODTRAD_"))} | environment
    result = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "shell",
            "-c",
            "from django.conf import settings; print(settings.RODTRAD_REQUIRE_MFA)",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == expected
