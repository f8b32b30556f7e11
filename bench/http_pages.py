"""HTTP benchmark (issue 19): the production server, driven over HTTP as an operator measures it.

    make bench-http        # or: .venv/bin/python bench/http_pages.py

Starts gunicorn with the production settings (rodtrad.settings.bench) on the benchmark database
(seeded as `make bench` seeds it: bench/data.py), signs in the synthetic unit's contact person
and manager, and drives each page with wrk at a fixed number of connections. The sign-in page,
anonymous, is the floor: each page's figure is read as the sign-in page's requests per second
divided by the page's (the issue's goal: at most 5). The machine drifts by a third within
minutes, so each page is read against the sign-in page measured just before and just after it
(S P1 S P2 … S), in rounds; the table is the median of the rounds.

Environment (besides BENCH_CLIENTS, BENCH_ENTRIES and DATABASE_URL, as for `make bench`):
  BENCH_HTTP_CONNECTIONS   wrk's connections (8)
  BENCH_HTTP_SECONDS       seconds per wrk run (6)
  BENCH_HTTP_ROUNDS        rounds (3)
  BENCH_HTTP_WARMUP        untimed seconds per page before the rounds (3): every worker loads
                           what it keeps (templates, the writing assistant's word lists) first
  BENCH_HTTP_WORKERS       gunicorn workers per server (4)
  BENCH_HTTP_SERVERS       servers behind the one port (1; 2 starts two gunicorn masters that
                           share the port with SO_REUSEPORT, the kernel spreading connections)
  BENCH_HTTP_PORT          the port (default: one the system says is free)
  BENCH_HTTP_FILE=1        also time the file for the authority of the heavy client end to end:
                           asked for, made by a worker process (manage.py db_worker), fetched;
                           with the journal page driven meanwhile, to show the web workers free
  BENCH_HTTP_PAGES         a comma-separated subset of the pages
  BENCH_OUT                where the figures go (var/bench-http.json)
"""

import contextlib
import datetime
import http.client
import json
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench import pages as page_bench  # noqa: E402
from bench.pages import _env_int  # noqa: E402

PAGES = ("sign_in", "my_clients", "client_overview", "journal", "journal_search", "plan", "dashboard")
GOAL_RATIO = 5


def configure() -> dict:
    """`make bench`'s scale and database (bench/pages.py), and this bench's own settings."""
    common = page_bench.configure()
    options = {key: common[key] for key in ("clients", "entries")} | {
        "connections": _env_int("BENCH_HTTP_CONNECTIONS", 8),
        "seconds": _env_int("BENCH_HTTP_SECONDS", 6),
        "rounds": _env_int("BENCH_HTTP_ROUNDS", 3),
        "warmup_seconds": _env_int("BENCH_HTTP_WARMUP", 3),
        "workers": _env_int("BENCH_HTTP_WORKERS", 4),
        "servers": _env_int("BENCH_HTTP_SERVERS", 1),
        "port": _env_int("BENCH_HTTP_PORT", 0),
        "file": os.environ.get("BENCH_HTTP_FILE") == "1",
        "pages": [name for name in (os.environ.get("BENCH_HTTP_PAGES") or ",".join(PAGES)).split(",") if name],
    }
    var = Path(os.environ.get("RODTRAD_VAR_DIR", REPO / "var"))
    options["out"] = Path(os.environ.get("BENCH_OUT") or var / "bench-http.json")
    return options


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_environment() -> dict:
    """The production settings as bench.py fills them in, the host the requests name, and no
    lock-outs or rate limits in the way of a load test."""
    environment = dict(os.environ)
    environment["DJANGO_SETTINGS_MODULE"] = "rodtrad.settings.bench"
    environment["DJANGO_ALLOWED_HOSTS"] = "127.0.0.1"
    environment.setdefault("RODTRAD_RATE_LIMITS", "0")
    return environment


@contextlib.contextmanager
def servers(port: int, *, count: int, workers: int):
    """`count` gunicorn masters on one port (SO_REUSEPORT when more than one)."""
    config = REPO / "gunicorn.conf.py"
    command = [str(Path(sys.executable).with_name("gunicorn"))]
    if config.exists():
        command += ["--config", str(config)]
    command += ["--bind", f"127.0.0.1:{port}", "--workers", str(workers), "--access-logfile", "-"]
    command += ["--reuse-port"] if count > 1 else []
    command += ["rodtrad.wsgi"]
    logs = [open(server_log(number), "w") for number in range(count)]  # noqa: SIM115 - closed below
    processes = [
        subprocess.Popen(command, cwd=REPO, env=server_environment(), stdout=log, stderr=subprocess.STDOUT)  # noqa: S603
        for log in logs
    ]
    try:
        wait_until_healthy(port, processes)
        yield processes
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
        for log in logs:
            log.close()


def request(port, path, *, cookies=None, method="GET"):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    headers = {"Host": "127.0.0.1", "X-Forwarded-Proto": "https"}
    if cookies:
        headers["Cookie"] = cookies
    connection.request(method, path, headers=headers)
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, dict(response.getheaders()), body


def wait_until_healthy(port, processes, seconds=90):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if any(process.poll() is not None for process in processes):
            raise RuntimeError("a server stopped: see var/bench-http-server-*.log")
        with contextlib.suppress(OSError):
            if request(port, "/halsa/")[0] == 200:
                return
        time.sleep(0.3)
    raise RuntimeError(f"the server did not answer /halsa/ within {seconds} s")


def session_cookie(user) -> str:
    """A session for `user` in the database the servers read, as signing in would leave it."""
    from django.conf import settings
    from django.test import Client as Browser

    browser = Browser()
    browser.force_login(user)
    return f"{settings.SESSION_COOKIE_NAME}={browser.cookies[settings.SESSION_COOKIE_NAME].value}"


def page_urls(subjects) -> dict:
    from django.urls import reverse

    client, period = subjects.client, subjects.period
    query = urllib.parse.urlencode({"q": subjects.search_word})
    return {
        "sign_in": (reverse("accounts:login"), None),
        "my_clients": (reverse("clients:my_clients"), "staff"),
        "client_overview": (reverse("clients:detail", args=[client.pk]), "staff"),
        "journal": (reverse("journal:list", args=[client.pk]), "staff"),
        "journal_search": (f"{reverse('journal:list', args=[client.pk])}?{query}", "staff"),
        "plan": (reverse("plans:period", args=[client.pk, period.pk]), "staff"),
        "dashboard": (f"{reverse('oversight:dashboard')}?enhet={subjects.unit.pk}", "manager"),
    }


LATENCY = re.compile(r"^\s+(50|75|90|99)%\s+([\d.]+)(us|ms|s)\s*$", re.MULTILINE)
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def wrk(port, path, cookies, *, connections, seconds) -> dict:
    """One wrk run: requests per second, latency percentiles in ms, and anything but 2xx."""
    command = ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--timeout", "30s", "--latency"]
    command += ["-H", "X-Forwarded-Proto: https"]
    command += ["-H", "Host: 127.0.0.1"]
    if cookies:
        command += ["-H", f"Cookie: {cookies}"]
    command.append(f"http://127.0.0.1:{port}{path}")
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout  # noqa: S603
    figures = {f"p{share}": float(value) * UNITS[unit] for share, value, unit in LATENCY.findall(output)}
    figures["req_s"] = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    figures["requests"] = int(re.search(r"(\d+) requests in", output).group(1))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    figures["non_2xx"] = int(non_2xx.group(1)) if non_2xx else 0
    figures["socket_errors"] = sum(map(int, errors.groups())) if errors else 0
    return figures


def measure_pages(port, urls, cookies, options) -> dict:
    """Each round runs the sign-in page between every two pages (S P1 S P2 … S) and reads each
    page against the mean of the sign-in runs just before and after it: the machine's speed
    moves within a minute, and a ratio of two runs seconds apart is steadier than either."""
    for name in options["pages"]:
        path, who = urls[name]
        status = request(port, path, cookies=cookies.get(who))[0]
        if status != 200:
            raise RuntimeError(f"{name} ({path}) answered {status}, not 200")
        if options["warmup_seconds"]:
            wrk(port, path, cookies.get(who), connections=options["connections"], seconds=options["warmup_seconds"])

    def run(name, number):
        path, who = urls[name]
        figures = wrk(port, path, cookies.get(who), connections=options["connections"], seconds=options["seconds"])
        figures["at"] = datetime.datetime.now(datetime.UTC).strftime("%H:%M:%S")
        # wrk stops with up to a request per connection still queued at the server: let them end,
        # or the next run starts behind them.
        time.sleep(min(5.0, 2 * figures.get("p99", 1000) / 1000))
        print(
            f"  round {number + 1} {name:16} {figures['req_s']:8.1f} req/s  "
            f"p50 {figures['p50']:6.1f}  p99 {figures['p99']:6.1f} ms",
            flush=True,
        )
        return figures

    pages = [name for name in options["pages"] if name != "sign_in"]
    rounds = []
    for number in range(options["rounds"]):
        floors = [run("sign_in", number)]
        this_round = {}
        for name in pages:
            this_round[name] = run(name, number)
            floors.append(run("sign_in", number))
            floor = (floors[-2]["req_s"] + floors[-1]["req_s"]) / 2
            this_round[name]["sign_in_req_s"] = round(floor, 1)
            this_round[name]["ratio"] = (
                round(floor / this_round[name]["req_s"], 2) if this_round[name]["req_s"] else None
            )
        this_round["sign_in"] = {
            key: statistics.median(floor[key] for floor in floors)
            for key in ("req_s", "p50", "p75", "p90", "p99", "requests", "non_2xx", "socket_errors")
        } | {"ratio": 1.0, "runs": [floor["req_s"] for floor in floors]}
        this_round["sign_in"]["non_2xx"] = sum(floor["non_2xx"] for floor in floors)
        this_round["sign_in"]["socket_errors"] = sum(floor["socket_errors"] for floor in floors)
        rounds.append(this_round)
    return {"rounds": rounds, "median": _medians(rounds, ["sign_in", *pages])}


def _medians(rounds, pages) -> dict:
    table = {}
    for name in pages:
        runs = [run[name] for run in rounds]
        table[name] = {
            key: round(statistics.median(run[key] for run in runs), 2)
            for key in ("req_s", "p50", "p75", "p90", "p99", "ratio")
            if all(run.get(key) is not None for run in runs)
        }
        table[name]["non_2xx"] = sum(run["non_2xx"] for run in runs)
        table[name]["socket_errors"] = sum(run["socket_errors"] for run in runs)
        table[name]["ratios"] = [run.get("ratio") for run in runs]
    return table


def measure_file(port, subjects, cookies, urls, options) -> dict:
    """The heavy client's file for the authority: asked for, made by a worker, fetched; the journal
    page driven by wrk meanwhile (and once before, for comparison)."""
    from django.urls import reverse

    path = reverse("documents:client_file", args=[subjects.client.pk])
    journal_path, _who = urls["journal"]
    before = wrk(port, journal_path, cookies["staff"], connections=options["connections"], seconds=options["seconds"])
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--no-startup-delay", "--interval", "0.5", "--no-reload"],
        cwd=REPO,
        env=server_environment(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        started = time.monotonic()
        status, headers, _body = request(port, path, cookies=cookies["manager"])
        if status != 202:
            raise RuntimeError(f"{path} answered {status} at first, not 202")
        meanwhile = wrk(
            port, journal_path, cookies["staff"], connections=options["connections"], seconds=options["seconds"]
        )
        polls = 1
        while True:
            status, headers, body = request(port, path, cookies=cookies["manager"])
            polls += 1
            if status == 200:
                break
            if status != 202 or time.monotonic() - started > 600:
                raise RuntimeError(f"{path} answered {status} after {time.monotonic() - started:.0f} s")
            time.sleep(1)
        ready = time.monotonic() - started
    finally:
        worker.terminate()
        worker.wait(timeout=60)
    return {
        "entries": subjects.client_entries,
        "seconds_to_file": round(ready, 1),
        "polls": polls,
        "content_type": headers.get("Content-Type"),
        "bytes": len(body),
        "journal_before": before,
        "journal_while_made": meanwhile,
    }


def requests_per_server(count: int) -> dict:
    """How many requests each server answered, from its own log (one line per request): that two
    servers on one port both served."""
    return {
        f"server {number + 1}": sum(
            '"event": "request"' in line for line in server_log(number).read_text().splitlines()
        )
        for number in range(count)
    }


def server_log(number: int) -> Path:
    return REPO / "var" / f"bench-http-server-{number + 1}.log"


def _commit() -> str:
    git = shutil.which("git")
    if git is None:
        return ""
    done = subprocess.run([git, "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True, check=False)  # noqa: S603
    return done.stdout.strip()


def main() -> int:
    options = configure()
    if shutil.which("wrk") is None:
        print("wrk is missing: `make bench-http` installs it (apt-get install wrk).", file=sys.stderr)
        return 1
    import django

    django.setup()
    from django.db import connection

    from bench import data
    from bench.page_cases import find_subjects

    prepared = data.prepare(options["clients"], options["entries"])
    subjects = find_subjects(data.SEARCH_WORD)
    cookies = {"staff": session_cookie(subjects.staff), "manager": session_cookie(subjects.manager)}
    urls = page_urls(subjects)
    connection.close()
    port = options["port"] or free_port()
    print(
        f"{prepared['database']}: {options['servers']} server(s) of {options['workers']} workers on port {port}, "
        f"{options['connections']} connections, {options['rounds']} rounds of {options['seconds']} s a page"
    )
    started_at = datetime.datetime.now(datetime.UTC)
    with servers(port, count=options["servers"], workers=options["workers"]):
        pages = measure_pages(port, urls, cookies, options)
        made = measure_file(port, subjects, cookies, urls, options) if options["file"] else None
    result = {
        "when": started_at.isoformat(timespec="seconds"),
        "machine": {"cores": os.cpu_count(), "python": platform.python_version(), "load": os.getloadavg()},
        "commit": _commit(),
        "database": prepared,
        "options": {key: value for key, value in options.items() if key != "out"},
        "pages": pages["median"],
        "rounds": pages["rounds"],
        "client_file": made,
        "requests_per_server": requests_per_server(options["servers"]),
    }
    options["out"].parent.mkdir(parents=True, exist_ok=True)
    options["out"].write_text(json.dumps(result, indent=2, ensure_ascii=False))
    print(f"\n| page ({options['connections']} connections) | req/s | p50 ms | p99 ms | sign-in ÷ page | each round |")
    print("| --- | --- | --- | --- | --- | --- |")
    for name, figures in pages["median"].items():
        print(
            f"| {name} | {figures['req_s']:.0f} | {figures['p50']:.0f} | {figures['p99']:.0f} | "
            f"{figures.get('ratio', '–')} | {', '.join(str(r) for r in figures['ratios'])} |"
        )
    print(f"requests answered: {result['requests_per_server']}")
    if made:
        print(
            f"\nfile for the authority, {made['entries']} entries: ready after {made['seconds_to_file']} s "
            f"({made['bytes'] / 1e6:.1f} MB); journal page {made['journal_before']['req_s']:.0f} req/s before, "
            f"{made['journal_while_made']['req_s']:.0f} while it was made"
        )
    failed = [name for name, figures in pages["median"].items() if figures["non_2xx"] or figures["socket_errors"]]
    if failed:
        print(f"errors on: {', '.join(failed)}", file=sys.stderr)
        return 1
    print(f"\nfigures in {options['out']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
