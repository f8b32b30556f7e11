"""Real server processes for tests that go over HTTP: gunicorn with the production settings on a
database the test names, and a small client that handles cookies itself (production marks them
Secure, and the requests arrive as from the TLS proxy: X-Forwarded-Proto https)."""

import contextlib
import http.client
import os
import re
import socket
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = Path(sys.executable).with_name("gunicorn")
SECRET = "servers-in-tests-" + "s8Kq2Lm4Np6Rt1Vx" * 4


def free_ports(count: int) -> list[int]:
    """RODTRAD_TEST_PORTS (e.g. "8195,8196") when set, else ports the system says are free."""
    given = os.environ.get("RODTRAD_TEST_PORTS")
    if given:
        return [int(port) for port in given.split(",")[:count]]
    sockets = [socket.socket() for _ in range(count)]
    for sock in sockets:
        sock.bind(("127.0.0.1", 0))
    ports = [sock.getsockname()[1] for sock in sockets]
    for sock in sockets:
        sock.close()
    return ports


def production_environment(database_url: str, var_dir: Path, **extra) -> dict:
    """The production settings' environment; `var_dir` holds the collected static files."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "RODTRAD_"))}
    settings = {
        "DJANGO_SETTINGS_MODULE": "rodtrad.settings.production",
        "DJANGO_SECRET_KEY": SECRET,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": database_url,
        "RODTRAD_VAR_DIR": str(var_dir),
    }
    return environment | settings | extra


def collect_static(var_dir: Path) -> None:
    """What a deploy does before starting the servers (the manifest the production storage reads)."""
    environment = production_environment("sqlite:///" + str(var_dir / "unused.sqlite3"), var_dir)
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
        cwd=ROOT,
        env=environment,
        check=True,
    )


@contextlib.contextmanager
def gunicorn(port: int, environment: dict, *options: str):
    """A gunicorn on 127.0.0.1:`port`, answering /halsa/ before this yields; stopped after."""
    process = subprocess.Popen(
        [
            str(GUNICORN),
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
            "--log-level",
            "warning",
            *options,
            "rodtrad.wsgi",
        ],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        wait_until_healthy(port, process)
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def wait_until_healthy(port, process, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server on {port} stopped: {process.stdout.read().decode()[-3000:]}")
        with contextlib.suppress(OSError):
            if Browser(port).get("/halsa/").status == 200:
                return
        time.sleep(0.2)
    raise RuntimeError(f"the server on {port} did not become healthy in {seconds} s")


class Response:
    def __init__(self, status, headers, body):
        self.status, self.headers, self.body = status, headers, body

    @property
    def text(self):
        return self.body.decode()

    def header(self, name):
        return next((value for key, value in self.headers if key.lower() == name.lower()), None)


class Browser:
    """Cookies kept by hand: a session made through one server can be sent to another."""

    def __init__(self, port, cookies=None):
        self.port = port
        self.cookies = cookies if cookies is not None else {}

    def request(self, method, path, fields=None, headers=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        body = urllib.parse.urlencode(fields) if fields is not None else None
        sent = {"Host": "127.0.0.1", "X-Forwarded-Proto": "https", **(headers or {})}
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if body is not None:
            sent["Content-Type"] = "application/x-www-form-urlencoded"
            sent["Referer"] = f"https://127.0.0.1{path}"
        connection.request(method, path, body=body, headers=sent)
        answer = connection.getresponse()
        response = Response(answer.status, answer.getheaders(), answer.read())
        connection.close()
        for key, value in response.headers:
            if key.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";", 1)[0]
        return response

    def get(self, path, headers=None):
        return self.request("GET", path, headers=headers)

    def post(self, path, fields, headers=None):
        fields = {"csrfmiddlewaretoken": self.cookies.get("csrftoken", ""), **fields}
        return self.request(
            "POST", path, fields, headers={"X-CSRFToken": self.cookies.get("csrftoken", ""), **(headers or {})}
        )

    def sign_in(self, username, password, code=None):
        """The sign-in form, then (production requires a second factor) the one-time code that
        `code()` gives, as the user's authenticator app would."""
        page = self.get("/konto/logga-in/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
        answer = self.request(
            "POST", "/konto/logga-in/", {"csrfmiddlewaretoken": token, "username": username, "password": password}
        )
        if answer.status != 302:
            raise AssertionError(f"sign-in answered {answer.status}")
        step = answer.header("Location")
        if step.startswith("/konto/tvastegs/verifiera/"):
            if code is None:
                raise AssertionError("the server asks for a second factor")
            form = self.get(step)
            token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text).group(1)
            answer = self.request("POST", step, {"csrfmiddlewaretoken": token, "code": code()})
            if answer.status != 302 or answer.header("Location").startswith("/konto/tvastegs/"):
                raise AssertionError(f"the second step answered {answer.status}")
        return answer
