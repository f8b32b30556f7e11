"""When seed_synthetic says no, and what the command prints for the benchmark."""

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from rodtrad.accounts.models import User
from rodtrad.clients.models import Client
from rodtrad.journal.models import Entry
from rodtrad.synthetic import known, services

from ..factories import UserFactory
from ..test_settings import production, run_manage

pytestmark = pytest.mark.django_db


def test_production_settings_refuse_synthetic_data():
    result = run_manage("seed_synthetic", "--clients", "3", "--entries", "30", **production())
    assert result.returncode != 0
    assert "Synthetic data cannot be loaded" in result.stderr


@override_settings(DEMO_DATA_ALLOWED=False)
def test_settings_without_demo_data_refuse_before_writing_anything():
    with pytest.raises(CommandError, match="cannot be loaded"):
        call_command("seed_synthetic", "--clients", "3", "--entries", "30")
    assert not Client.objects.exists()


def test_a_database_with_data_is_refused_unless_forced_and_then_kept():
    someone = UserFactory(username="befintlig")
    with pytest.raises(services.SeedRefused, match="not empty"):
        services.seed(clients=3, entries=30, write=lambda line: None)
    assert not Client.objects.exists()
    services.seed(clients=3, entries=30, force=True, write=lambda line: None)
    assert Client.objects.count() == 3 and Entry.objects.count() == 30
    assert User.objects.filter(pk=someone.pk, username="befintlig").exists()


def test_a_second_load_is_refused_even_when_forced():
    services.seed(clients=3, entries=30, write=lambda line: None)
    with pytest.raises(services.SeedRefused, match="already loaded"):
        services.seed(clients=3, entries=30, force=True, write=lambda line: None)
    assert Client.objects.count() == 3


def test_the_command_prints_progress_the_heavy_client_and_the_users_to_sign_in_as(capsys):
    call_command("seed_synthetic", "--clients", "4", "--entries", "40", "--seed", "3")
    output = capsys.readouterr().out
    assert "journal entries" in output and "done in" in output
    assert known.HEAVY_PERSONAL_NUMBER in output
    assert known.MANAGER_USERNAME in output and known.CONTACT_USERNAME in output and known.PASSWORD in output
    assert known.heavy_client().journal_entries.count() == 20


@pytest.mark.parametrize("arguments", [["--clients", "0", "--entries", "10"], ["--clients", "2", "--entries", "-1"]])
def test_nonsense_sizes_are_refused(arguments):
    with pytest.raises(CommandError):
        call_command("seed_synthetic", *arguments)
