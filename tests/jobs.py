"""Background jobs in tests: the queue is the real one (django-tasks' database backend), and
`run_jobs` runs what waits in it as `manage.py db_worker --batch` does, in this process."""

from django_tasks_db.management.commands import db_worker


def run_jobs(monkeypatch) -> None:
    # The worker closes connections it finds outside autocommit; the test's own transaction is one.
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    db_worker.Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="tests",
        excluded_queue_names=[],
    ).run()


def prepared(client, url, monkeypatch):
    """What a user gets after the waiting page: ask, let the worker make the file, ask again."""
    waiting = client.get(url)
    assert waiting.status_code == 202, waiting.status_code
    run_jobs(monkeypatch)
    return client.get(url)
