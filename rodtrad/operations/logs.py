"""Log lines as JSON, one per line, from Rödtråd's own loggers and every library's alike, each with
the request id of the request it belongs to (middleware.RequestLog binds it).

What a line may hold: ids (of users, clients, entries, jobs), addresses without their query
string, status codes, times. Never a client's name, personnummer or any text from the record: no
code of ours logs them, queries strings (searches) are never logged, and `redact` replaces
anything shaped like a personnummer or samordningsnummer that an error message might carry
(PostgreSQL repeats a refused value in its DETAIL)."""

import re

import structlog

# 6 or 8 digits of date, an optional separator, 4 digits: 19121212-1212, 121212+1212, 191212121212.
IDENTITY_NUMBER = re.compile(r"(?<!\d)(?:\d{2})?\d{6}[-+]?\d{4}(?!\d)")


def redact(_logger, _method, event_dict):
    for key, value in event_dict.items():
        if isinstance(value, str):
            event_dict[key] = IDENTITY_NUMBER.sub("[identitetsnummer]", value)
    return event_dict


def _drop_request(_logger, _method, event_dict):
    """Django's request logger passes the request along; its repr has the query string."""
    event_dict.pop("request", None)
    return event_dict


SHARED = [
    structlog.contextvars.merge_contextvars,
    structlog.stdlib.add_log_level,
    structlog.stdlib.add_logger_name,
    structlog.processors.TimeStamper(fmt="iso", utc=True),
]


def configure(level="INFO", log_format="json") -> dict:
    """structlog set up to hand its events to the standard library, and the LOGGING dict that
    renders every record as JSON (or, for development, as readable lines)."""
    structlog.configure(
        processors=[
            *SHARED,
            structlog.stdlib.PositionalArgumentsFormatter(),
            structlog.processors.StackInfoRenderer(),
            structlog.stdlib.ProcessorFormatter.wrap_for_formatter,
        ],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=True,
    )
    renderer = (
        structlog.dev.ConsoleRenderer(colors=False)
        if log_format == "console"
        else structlog.processors.JSONRenderer(ensure_ascii=False)
    )
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "structured": {
                "()": structlog.stdlib.ProcessorFormatter,
                "foreign_pre_chain": [*SHARED, structlog.stdlib.ExtraAdder(allow=["status_code"])],
                "processors": [
                    structlog.stdlib.ProcessorFormatter.remove_processors_meta,
                    _drop_request,
                    structlog.processors.format_exc_info,
                    redact,
                    renderer,
                ],
            }
        },
        "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "structured"}},
        "root": {"handlers": ["console"], "level": "WARNING"},
        "loggers": {
            "rodtrad": {"level": level},
            # In place of Django's own handlers (a plain console line while DEBUG, mail to admins).
            "django": {"level": "INFO", "handlers": ["console"], "propagate": False},
            "django_tasks": {"level": "INFO"},
            "django_tasks_db": {"level": "INFO"},
            "gunicorn.error": {"level": "INFO", "handlers": ["console"], "propagate": False},
        },
    }


def get_logger(name: str):
    return structlog.stdlib.get_logger(name)
