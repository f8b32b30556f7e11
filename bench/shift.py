"""A shift change on the embedded default: several staff at once, over HTTP, against `make run`.

    .venv/bin/python bench/shift.py            # 1, 3, 6 and 12 sessions, 20 s each
    BENCH_SESSIONS=6 BENCH_SECONDS=10 .venv/bin/python bench/shift.py

Each session signs in as a demo user (personal, kontaktman, chef in turn) and then, until its
time is up, does what staff do at a shift change: opens Mina brukare, a client's overview and
journal, the new-entry form, writes a draft that is autosaved twice with the writing
assistant's findings in between, and throws the draft away; the manager also opens the
dashboard. Every page view writes an audit event, so every session both reads and writes.

The server is `make run` itself (gunicorn, rodtrad/settings/unit.py, SQLite under a var/
directory of its own, demo data), on a free port, started afresh and stopped afterwards;
BENCH_URL=http://127.0.0.1:8140 measures a server already running instead (with demo data).
Figures per number of sessions: requests answered, requests per second, p50 and p95 latency
as the client saw it, and server errors (any status of 500 or more, and any "database is
locked" in the server's log). The sessions run as threads of this process: on the 2-core
machine they share the CPU with the server, as phones would not, so the figures are a floor.

tests/test_served.py runs the same sessions (6 of them, for a few seconds) and fails on any
server error.
"""

import contextlib
import http.cookiejar
import json
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PASSWORD = "rodtrad-demo"  # noqa: S105 - rodtrad/core/demo.py: the invented demo users' password
USERS = ("personal", "kontaktman", "chef")
CLIENT_LINK = re.compile(r'href="/brukare/(\d+)/"')
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
DRAFT_TEXT = "Vi gick en promenad till affären. Hon valde själv vad hon ville köpa och betalade i kassan."


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@dataclass
class Answer:
    status: int
    headers: dict
    text: str


@dataclass
class Timing:
    started: float
    seconds: float
    status: int
    path: str


class Session:
    """One browser: its own cookies (session, CSRF), plain HTTP, no redirects followed."""

    def __init__(self, base_url: str, timings: list, lock: threading.Lock):
        self.base_url = base_url.rstrip("/")
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies), NoRedirect)
        self.timings = timings
        self.lock = lock

    def csrf_token(self) -> str:
        return next((cookie.value for cookie in self.cookies if cookie.name == "csrftoken"), "")

    def send(self, method: str, path: str, data: dict | None = None, headers: dict | None = None) -> Answer:
        body = urllib.parse.urlencode(data or {}).encode() if method == "POST" else None
        request = urllib.request.Request(self.base_url + path, data=body, method=method, headers=headers or {})  # noqa: S310 - http:// to our own server
        if method == "POST":
            request.add_header("X-CSRFToken", self.csrf_token())
            request.add_header("Referer", self.base_url + path)
        started = time.perf_counter()
        try:
            with self.opener.open(request, timeout=60) as response:
                answer = Answer(response.status, dict(response.headers), response.read().decode("utf-8", "replace"))
        except urllib.error.HTTPError as error:
            answer = Answer(error.code, dict(error.headers), error.read().decode("utf-8", "replace"))
        with self.lock:
            self.timings.append(Timing(started, time.perf_counter() - started, answer.status, path))
        return answer

    def sign_in(self, username: str) -> None:
        page = self.send("GET", "/konto/logga-in/")
        token = CSRF_INPUT.search(page.text).group(1)
        answer = self.send(
            "POST", "/konto/logga-in/", {"csrfmiddlewaretoken": token, "username": username, "password": PASSWORD}
        )
        if answer.status != 302:
            raise RuntimeError(f"signing in as {username} was answered {answer.status}")


def one_round(session: Session, client_id: int, *, manager: bool) -> None:
    """What one member of staff does at a shift change, once."""
    journal = f"/brukare/{client_id}/journal/"
    session.send("GET", "/")
    session.send("GET", f"/brukare/{client_id}/")
    session.send("GET", journal)
    if manager:
        session.send("GET", "/oversikt/")
    session.send("GET", journal + "ny/")
    htmx = {"HX-Request": "true"}
    saved = session.send("POST", journal + "utkast/spara/", {"category": "event", "text": DRAFT_TEXT}, htmx)
    draft_id = saved.headers.get("X-Draft-Id", "")
    session.send("POST", journal + "skrivhjalp/", {"text": DRAFT_TEXT + " Hon var glad."}, htmx)
    if draft_id:
        fields = {"entry": draft_id, "category": "event", "text": DRAFT_TEXT + " Hon var glad."}
        fields["version"] = saved.headers.get("X-Draft-Version", "")
        session.send("POST", journal + "utkast/spara/", fields, htmx)
        session.send("POST", f"{journal}{draft_id}/ta-bort/")


def run_session(base_url: str, username: str, start: threading.Barrier, stop: threading.Event, record) -> None:
    """Sign in, wait for the others, then go round until told to stop. Only the rounds are timed."""
    timings, lock, errors = record
    session = Session(base_url, [], lock)
    try:
        session.sign_in(username)
        clients = [int(found) for found in CLIENT_LINK.findall(session.send("GET", "/").text)]
        if not clients:
            raise RuntimeError(f"{username} sees no clients")
    except Exception as error:  # the session's failure is reported, never hidden
        errors.append(f"{username}: {error!r}")
        start.abort()
        return
    session.timings = timings
    try:
        start.wait()
        turn = 0
        while not stop.is_set():
            one_round(session, clients[turn % len(clients)], manager=username == "chef")
            turn += 1
    except Exception as error:  # the session's failure is reported, never hidden
        errors.append(f"{username}: {error!r}")


@dataclass
class Figures:
    sessions: int
    seconds: float
    requests: int
    per_second: float
    p50_ms: float
    p95_ms: float
    server_errors: int
    statuses: dict = field(default_factory=dict)
    most_in_flight: int = 0
    failures: list = field(default_factory=list)


def most_in_flight(timings) -> int:
    """The largest number of requests that were under way at one moment."""
    edges = sorted([(t.started, 1) for t in timings] + [(t.started + t.seconds, -1) for t in timings])
    most = current = 0
    for _, change in edges:
        current += change
        most = max(most, current)
    return most


def measure(base_url: str, sessions: int, seconds: float) -> Figures:
    """`sessions` staff at once for `seconds`, timed from when all of them have signed in."""
    timings, errors, lock = [], [], threading.Lock()
    start, stop = threading.Barrier(sessions + 1), threading.Event()
    threads = [
        threading.Thread(
            target=run_session, args=(base_url, USERS[n % len(USERS)], start, stop, (timings, lock, errors))
        )
        for n in range(sessions)
    ]
    for thread in threads:
        thread.start()
    with contextlib.suppress(threading.BrokenBarrierError):  # a session failed to sign in: reported below
        start.wait()
    began = time.perf_counter()
    time.sleep(seconds)
    stop.set()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began
    latencies = sorted(t.seconds * 1000 for t in timings)
    statuses = {}
    for timing in timings:
        if timing.status >= 400:
            print(f"{timing.status} {timing.path}", file=sys.stderr)
        statuses[timing.status] = statuses.get(timing.status, 0) + 1
    p95 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.95))] if latencies else 0.0
    return Figures(
        sessions=sessions,
        seconds=round(elapsed, 1),
        requests=len(timings),
        per_second=round(len(timings) / elapsed, 1),
        p50_ms=round(statistics.median(latencies), 1) if latencies else 0.0,
        p95_ms=round(p95, 1),
        server_errors=sum(count for status, count in statuses.items() if status >= 500),
        statuses=statuses,
        most_in_flight=most_in_flight(timings),
        failures=errors,
    )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Served:
    """`make run` on a var/ directory of its own and a free port, until stopped."""

    def __init__(self, var_dir: Path, port: int | None = None, **env):
        self.var_dir = Path(var_dir)
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = self.var_dir / "make-run.log"
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))},
            "RODTRAD_VAR_DIR": str(self.var_dir),
            "PORT": str(self.port),
            **env,
        }
        self.process = None

    def start(self, timeout: float = 180) -> "Served":
        self.var_dir.mkdir(parents=True, exist_ok=True)
        log = self.log_path.open("ab")
        self.process = subprocess.Popen(
            ["make", "--no-print-directory", "run"],  # noqa: S607 - make from PATH, as a person runs it
            cwd=REPO,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"make run ended with {self.process.returncode}:\n{self.log()}")
            try:
                with urllib.request.urlopen(self.url + "/konto/logga-in/", timeout=5) as response:  # noqa: S310
                    if response.status == 200:
                        return self
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"make run did not answer within {timeout} s:\n{self.log()}")

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace") if self.log_path.exists() else ""

    def stop(self, timeout: float = 30) -> None:
        """Stop make and gunicorn (its process group) and wait until every process of it is gone."""
        if self.process is None:
            return
        group = self.process.pid
        try:
            os.killpg(group, signal.SIGTERM)
        except ProcessLookupError:
            return
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.process.poll()
            try:
                os.killpg(group, 0)
            except ProcessLookupError:
                break
            time.sleep(0.1)
        else:
            os.killpg(group, signal.SIGKILL)
        self.process.wait()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()


def table(rows: list[Figures]) -> str:
    lines = [
        "| sessions | requests | requests/s | p50 ms | p95 ms | server errors | most under way at once |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in rows:
        lines.append(
            f"| {row.sessions} | {row.requests} | {row.per_second} | {row.p50_ms} | {row.p95_ms} "
            f"| {row.server_errors} | {row.most_in_flight} |"
        )
    return "\n".join(lines)


def main() -> int:
    counts = [int(n) for n in os.environ.get("BENCH_SESSIONS", "1,3,6,12").split(",")]
    seconds = float(os.environ.get("BENCH_SECONDS", "20"))
    # Every worker's first requests load what it keeps (templates, the writing assistant's
    # dictionary of about 2 s): not what a shift in progress waits for.
    warmup = float(os.environ.get("BENCH_WARMUP", "15"))
    url = os.environ.get("BENCH_URL")
    rows = []
    with tempfile.TemporaryDirectory(prefix="rodtrad-shift-") as var_dir:
        served = None if url else Served(Path(var_dir)).start()
        try:
            if warmup:
                measure(url or served.url, max(counts), warmup)
            for count in counts:
                figures = measure(url or served.url, count, seconds)
                rows.append(figures)
                print(json.dumps(figures.__dict__), file=sys.stderr)
            locked = served.log().count("database is locked") if served else 0
        finally:
            if served:
                served.stop()
    print(table(rows))
    print(f"\n'database is locked' in the server's log: {locked if not url else 'not read (BENCH_URL)'}")
    failed = any(row.server_errors or row.failures for row in rows) or locked
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
