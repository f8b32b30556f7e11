"""The error pages a user meets with DEBUG off (as in `make run` and production): Swedish, and
never Django's debug page."""

import pytest
from django.test import Client, RequestFactory
from django.views import defaults

from tests.factories import UserFactory


@pytest.fixture
def signed_in(db):
    browser = Client()
    browser.force_login(UserFactory())
    return browser


def test_an_unknown_address_answers_page_not_found_in_swedish(signed_in, settings):
    assert settings.DEBUG is False
    response = signed_in.get("/finns-inte/")
    assert response.status_code == 404
    assert "Sidan finns inte" in response.content.decode()
    assert "URLconf" not in response.content.decode()


def test_a_server_error_answers_in_swedish_without_a_traceback(db):
    response = defaults.server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    text = response.content.decode()
    assert "Något gick fel" in text
    assert "Traceback" not in text


def test_a_bad_request_answers_in_swedish(db):
    response = defaults.bad_request(RequestFactory().get("/"), exception=None)
    assert response.status_code == 400
    assert "Felaktig förfrågan" in response.content.decode()


def test_a_form_sent_without_its_safety_check_answers_in_swedish(db):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(UserFactory())
    response = browser.post("/konto/logga-ut/")
    assert response.status_code == 403
    text = response.content.decode()
    assert "Formuläret kunde inte skickas" in text
    assert "CSRF verification failed" not in text
