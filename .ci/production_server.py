"""CI: the production server as a deploy runs it (docs/operations.md), on PostgreSQL, over HTTP.

    .venv/bin/python .ci/production_server.py postgres://postgres@127.0.0.1:5432/prod_ci

Into the given database, which must be empty: migrate and collect the static files as a deploy
does, add a unit with a manager (a password and an authenticator app: production requires a second
factor) and a client, start gunicorn with the repository's configuration
(gunicorn.conf.py) and the production settings, and the worker; then, over HTTP as from the TLS
proxy: /halsa/ answers 200, the manager signs in with the password and a one-time code and sees Mina brukare, and the
file for the authority answers 202 and then the PDF, made by the worker. Exits non-zero on any
failure, printing the servers' log."""

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.servers import Browser, collect_static, free_ports, production_environment, wait_until_healthy  # noqa: E402

PASSWORD = "ci-produktion-lösenord-1"  # noqa: S105 - a throw-away user in a throw-away database
SETUP = f"""
from rodtrad.accounts.models import Membership, Organisation, Unit, User
from rodtrad.clients.models import Client, Order, Service
unit = Unit.objects.create(organisation=Organisation.objects.create(name="CI-kommunen"), name="Gruppbostaden CI")
user = User.objects.create_user("ci-chef", password={PASSWORD!r}, first_name="Cia", last_name="Chef", title="Enhetschef")
Membership.objects.create(user=user, unit=unit, role=Membership.Role.MANAGER)
# Production requires a second factor for a password: the manager's authenticator app.
from django_otp.plugins.otp_totp.models import TOTPDevice
TOTPDevice.objects.create(user=user, name="Telefon", confirmed=True)
client = Client.objects.create(first_name="Ciri", last_name="Testsson", personal_number="194001079120")
Order.objects.create(client=client, unit=unit, service=Service.objects.get(name="Daglig verksamhet"), valid_from="2026-01-01")
print(client.pk)
"""


def manage(environment, *args, capture=False):
    done = subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, "manage.py", *args], cwd=REPO, env=environment, check=True, capture_output=capture, text=True
    )
    return done.stdout


def main(database_url: str) -> int:
    var_dir = Path(tempfile.mkdtemp(prefix="rodtrad-ci-"))
    environment = production_environment(database_url, var_dir, RODTRAD_RATE_LIMITS="0")
    manage(environment, "migrate", "--noinput", "--verbosity", "0")
    collect_static(var_dir)
    client_id = manage(environment, "shell", "-c", SETUP, capture=True).strip().splitlines()[-1]
    (port,) = free_ports(1)
    config = ["--config", str(REPO / "gunicorn.conf.py")] if (REPO / "gunicorn.conf.py").exists() else []
    log = open(var_dir / "servers.log", "w+")  # noqa: SIM115 - read and closed below
    web = subprocess.Popen(  # noqa: S603 - the virtualenv's gunicorn
        [str(Path(sys.executable).with_name("gunicorn")), *config, "--bind", f"127.0.0.1:{port}", "rodtrad.wsgi"],
        cwd=REPO,
        env=environment,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--no-reload", "--no-startup-delay", "--interval", "0.5"],
        cwd=REPO,
        env=environment,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        wait_until_healthy(port, web)
        browser = Browser(port)
        health = browser.get("/halsa/")
        check(health.status == 200 and '"status": "ok"' in health.text, f"/halsa/ answered {health.status}")
        browser.sign_in("ci-chef", PASSWORD, code=lambda: one_time_code(environment))
        start = browser.get("/")
        check(start.status == 200 and "Mina brukare" in start.text, f"Mina brukare answered {start.status}")
        check("Testsson, Ciri" in start.text, "the manager's client is not on Mina brukare")
        path = f"/brukare/{client_id}/akt.pdf"
        first = browser.get(path)
        check(first.status == 202 and "Filen förbereds" in first.text, f"{path} answered {first.status} first")
        deadline = time.monotonic() + 120
        while (answer := browser.get(path)).status == 202 and time.monotonic() < deadline:
            time.sleep(1)
        check(answer.status == 200 and answer.body.startswith(b"%PDF"), f"{path} answered {answer.status} at last")
        print(f"production server on {database_url.rsplit('/', 1)[-1]}: healthy, signed in, file made by the worker")
        return 0
    except (AssertionError, RuntimeError, OSError) as failure:
        log.flush()
        log.seek(0)
        print(f"FAILED: {failure}\n--- servers' log ---\n{log.read()[-20000:]}", file=sys.stderr)
        return 1
    finally:
        for process in (web, worker):
            process.terminate()
        for process in (web, worker):
            process.wait(timeout=60)
        log.close()


# The code the manager's authenticator app shows now, as django-otp computes it.
CODE = """
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
device = TOTPDevice.objects.get(user__username="ci-chef")
print(f"{TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).token():06d}")
"""


def one_time_code(environment) -> str:
    return manage(environment, "shell", "-c", CODE, capture=True).strip().splitlines()[-1]


def check(condition, message):
    if not condition:
        raise AssertionError(message)


if __name__ == "__main__":
    os.chdir(REPO)
    sys.exit(main(sys.argv[1]))
