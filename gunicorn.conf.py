"""gunicorn's configuration for Rödtråd: `make run`, production (deploy/systemd/rodtrad-web.service,
docs/operations.md) and the HTTP benchmarks. The one file: gunicorn also reads it by itself when
started in the repository's directory.

    gunicorn -c gunicorn.conf.py rodtrad.wsgi

Everything a site changes comes from the environment (the systemd unit's EnvironmentFile, or
the shell for `make run`); nothing here is specific to one machine. A setting the environment
does not name keeps the default below. Add a site's needs as another environment variable here
rather than a second configuration file.

| variable                      | default                    | meaning                                    |
| ----------------------------- | -------------------------- | ------------------------------------------ |
| RODTRAD_BIND                  | 127.0.0.1:$PORT            | address(es) to listen on, comma-separated  |
|                               |                            | (`unix:/run/rodtrad/gunicorn.sock` too)    |
| PORT                          | 8000                       | the port when RODTRAD_BIND is not set      |
| RODTRAD_WORKERS               | 2 × cores + 1              | worker processes                           |
| RODTRAD_THREADS               | 1                          | threads per worker (more than 1: gthread)  |
| RODTRAD_TIMEOUT               | 120                        | seconds a request may take before its      |
|                               |                            | worker is restarted                        |
| RODTRAD_FORWARDED_ALLOW_IPS   | 127.0.0.1,::1              | proxies trusted to say the request came    |
|                               |                            | over TLS (X-Forwarded-Proto: https)        |
| RODTRAD_ACCESS_LOG            | none                       | gunicorn's access log file (- for standard |
|                               |                            | output); Rödtråd logs each request itself  |
| RODTRAD_ERROR_LOG             | - (standard error)         | error log file                             |
| RODTRAD_LOG_LEVEL             | info                       | gunicorn's own log level                   |
| RODTRAD_MAX_REQUESTS          | 0 (never)                  | restart a worker after this many requests  |
| RODTRAD_PRELOAD               | 0 (make run: 1)            | 1: load the application once, before the   |
|                               |                            | workers are forked                         |

Workers: gunicorn's rule of thumb, two per core and one more. A request holds its worker for
its whole time, the database's waits included; on SQLite the writes of all workers queue for one
lock (rodtrad/settings/base.py, SQLITE_OPTIONS), so more workers than this only wait longer.
The writing assistant's Swedish dictionary (about 100 MB) is loaded once, before the workers
are forked, and shared by them until they write to it.

Preloading (RODTRAD_PRELOAD=1, as `make run` does): the application, its URLs and every view
module (WeasyPrint's takes seconds to import) and the writing assistant's dictionary are loaded
once in the master process, and the workers start as copies of it: they boot in a fraction of
the time and share that memory, but a HUP then restarts the workers with the code the master
loaded, so a code change needs a restart of the service. Without it (the default, so that
`systemctl reload rodtrad-web` brings new code), each worker loads the same when it starts,
before its first request.

Timeout: gunicorn's default of 30 s ended the longest pages (the file for the authority of a
client with thousands of entries) as a server error; 120 s lets them finish.
"""

import multiprocessing
import os

from django.urls import get_resolver

from rodtrad import writing


def _env(name: str, default: str) -> str:
    value = os.environ.get(name, "").strip()
    return value or default


def _env_int(name: str, default: int) -> int:
    return int(_env(name, str(default)))


bind = [address.strip() for address in _env("RODTRAD_BIND", f"127.0.0.1:{_env('PORT', '8000')}").split(",")]
workers = _env_int("RODTRAD_WORKERS", 2 * multiprocessing.cpu_count() + 1)
threads = _env_int("RODTRAD_THREADS", 1)
worker_class = "gthread" if threads > 1 else "sync"
timeout = _env_int("RODTRAD_TIMEOUT", 120)
# Long enough for a request in progress to finish when the workers are restarted (a deploy).
graceful_timeout = 30
max_requests = _env_int("RODTRAD_MAX_REQUESTS", 0)
max_requests_jitter = max_requests // 10

# request.is_secure() is true for a request that a trusted proxy says came over TLS: the
# cookies are then marked Secure (rodtrad/core/secure_cookies.py).
forwarded_allow_ips = _env("RODTRAD_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

accesslog = os.environ.get("RODTRAD_ACCESS_LOG") or None
errorlog = _env("RODTRAD_ERROR_LOG", "-")
loglevel = _env("RODTRAD_LOG_LEVEL", "info")
# Response time in milliseconds at the end of each line; no query string (search words are
# personal data) and no user agent.
access_log_format = '%(h)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms'

# gunicorn 25+ opens a control socket in the home directory by default: one per machine,
# which a second instance (or the tests) would fight over. Rödtråd does not use it.
control_socket_disable = True
proc_name = "rodtrad"

preload_app = _env("RODTRAD_PRELOAD", "0") == "1"


def _warm_up(log, where):
    log.info("Loaded %d URL patterns and the writing assistant %s", len(get_resolver().url_patterns), where)
    writing.warm_up()


def when_ready(server):
    """Preloaded: load the URLs (and so every view module) and the writing assistant's word lists
    and dictionary before the workers are forked. No database connection is opened here: each
    worker opens its own."""
    if preload_app:
        _warm_up(server.log, "before forking the workers")


def post_worker_init(worker):
    """Not preloaded: each worker loads the same when it starts, so that no user's first request
    waits for it (the dictionary takes about a second)."""
    if not preload_app:
        _warm_up(worker.log, "in the worker")
