"""manage.py send_reminders: each user's due items by e-mail, at most once a day however often it runs."""

import datetime
import smtplib

import pytest
from django.core import mail
from django.core.management import CommandError, call_command

from rodtrad.oversight import reminders
from rodtrad.oversight.models import ReminderSent

from ..factories import ContactPersonFactory


@pytest.fixture
def addressed(world):
    for user in (world.staff, world.manager, world.outsider, world.outside_manager, world.admin):
        user.email = f"{user.username}@test.invalid"
        user.save()
    ContactPersonFactory(client=world.client, user=world.staff)
    return world


def test_running_twice_in_a_day_sends_each_user_one_reminder(addressed, capsys):
    call_command("send_reminders")
    first = {message.to[0] for message in mail.outbox}
    call_command("send_reminders")
    assert len(mail.outbox) == len(first)
    assert first == {
        "staff@test.invalid",
        "manager@test.invalid",
        "outside_manager@test.invalid",
    }
    assert ReminderSent.objects.count() == 3
    assert "already sent today: 3" in capsys.readouterr().out


def test_the_next_day_brings_a_new_reminder(addressed):
    reminders.send_reminders(today=datetime.date(2026, 12, 1))
    reminders.send_reminders(today=datetime.date(2026, 12, 2))
    sent = [message for message in mail.outbox if message.to == ["staff@test.invalid"]]
    assert len(sent) == 2


def test_a_reminder_counts_what_is_due_and_names_no_client(addressed):
    call_command("send_reminders")
    (staff_mail,) = [message for message in mail.outbox if message.to == ["staff@test.invalid"]]
    assert "Brukare som behöver en plan men saknar fastställd plan: 1" in staff_mail.body
    assert "http://127.0.0.1:8000/" in staff_mail.body
    assert "Elsa" not in staff_mail.body and "Lindqvist" not in staff_mail.body
    assert staff_mail.subject.startswith("Rödtråd: ")
    (manager_mail,) = [message for message in mail.outbox if message.to == ["manager@test.invalid"]]
    assert "Enhet vars logg inte har granskats denna månad: 1" in manager_mail.body
    assert "/oversikt/lista/forsta-plan-saknas/" in manager_mail.body
    assert "Lindqvist" not in manager_mail.body


def test_nothing_due_sends_nothing(world):
    world.outsider.email = "outsider@test.invalid"
    world.outsider.save()
    outcome = reminders.send_reminders()
    assert mail.outbox == [] and outcome.sent == 0
    assert not ReminderSent.objects.exists()


def test_a_failed_send_is_tried_again_on_the_next_run(addressed, monkeypatch):
    def refuse(*args, **kwargs):
        raise smtplib.SMTPServerDisconnected("down")

    monkeypatch.setattr(reminders, "send_mail", refuse)
    with pytest.raises(CommandError):
        call_command("send_reminders")
    assert not ReminderSent.objects.exists()
    monkeypatch.undo()
    call_command("send_reminders")
    assert len(mail.outbox) == 3
