"""Log lines as JSON with the request's id, and no client's name, personnummer or text in them:
not from a search's query string, not from an error message that quotes a refused value."""

import io
import json
import logging

import pytest

from rodtrad.operations.logs import redact


@pytest.fixture
def json_lines():
    """What the console handler would write, read back line by line as JSON."""
    console = next(h for h in logging.getLogger().handlers if type(h.formatter).__name__ == "ProcessorFormatter")
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(console.formatter)
    loggers = [logging.getLogger(), logging.getLogger("django")]
    for logger in loggers:
        logger.addHandler(handler)
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    for logger in loggers:
        logger.removeHandler(handler)


def test_a_request_ends_with_one_line_that_carries_its_id(world, as_user, json_lines):
    response = as_user(world.staff).get(f"/brukare/{world.client.pk}/journal/")
    [line] = [line for line in json_lines() if line["event"] == "request"]
    assert line["request_id"] == response["X-Request-ID"]
    assert line["route"] == "journal:list"
    assert (line["method"], line["status"], line["user_id"]) == ("GET", 200, world.staff.pk)
    assert line["level"] == "info" and "timestamp" in line


def test_the_proxy_s_request_id_is_kept_and_a_strange_one_replaced(db, client, json_lines):
    assert client.get("/halsa/", HTTP_X_REQUEST_ID="nginx-0123456789abcdef")["X-Request-ID"] == "nginx-0123456789abcdef"
    replaced = client.get("/halsa/", HTTP_X_REQUEST_ID='"><script>')["X-Request-ID"]
    assert len(replaced) == 32 and replaced.isalnum()


def test_a_search_leaves_no_name_or_personnummer_in_the_log(world, as_user, json_lines):
    as_user(world.staff).get("/", {"q": "Elsa Lindqvist 19121212-1212"})
    as_user(world.staff).get(f"/brukare/{world.client.pk}/journal/", {"q": "Elsa"})
    written = "\n".join(json.dumps(line, ensure_ascii=False) for line in json_lines())
    assert written.count('"event": "request"') == 2
    assert "Elsa" not in written and "1212" not in written and "q=" not in written


def test_an_error_that_quotes_a_personnummer_is_logged_without_it(json_lines):
    try:
        raise ValueError("Key (personal_number)=(191212121212) already exists; also 121212-1212.")
    except ValueError:
        logging.getLogger("rodtrad.test").exception("could not save")
    [line] = json_lines()
    assert "191212121212" not in json.dumps(line) and "121212-1212" not in json.dumps(line)
    assert "[identitetsnummer]" in line["exception"]


def test_django_s_request_errors_come_out_as_json_without_the_query_string(db, client, json_lines):
    client.get("/finns-inte/", {"q": "Elsa Lindqvist"})
    lines = json_lines()
    assert any(line["logger"] == "django.request" and line["level"] == "warning" for line in lines)
    assert "Elsa" not in json.dumps(lines)


def test_redact_leaves_ordinary_numbers_alone():
    event = redact(None, "info", {"event": "request", "path": "/brukare/12345/journal/", "ms": 12.5})
    assert event["path"] == "/brukare/12345/journal/"
