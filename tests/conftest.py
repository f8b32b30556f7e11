"""Three kinds of user around two units, as every access test needs them: someone who works in
the client's unit, a manager of it, and someone from another unit; plus a system administrator."""

import datetime
import os
from types import SimpleNamespace

import pytest
from django.core.cache import caches
from django.core.cache.backends.db import DatabaseCache
from django.core.management import call_command

from rodtrad.accounts.models import Membership
from rodtrad.plans import services as plans

from . import plan_data
from .factories import MembershipFactory, UnitFactory, UserFactory, client_at
from .jobs import prepared
from .oidc_provider import Provider
from .servers import collect_static


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database as `make run` makes one: migrated, with the shared cache's table."""
    with django_db_blocker.unblock():
        call_command("createcachetable", verbosity=0)


@pytest.fixture(autouse=True)
def _empty_caches():
    """Each test starts with empty caches: the ids of its rows are another test's ids too. The
    shared cache is a table of the test database, emptied with the test's transaction."""
    yield
    for cache in caches.all(initialized_only=True):
        if not isinstance(cache, DatabaseCache):
            cache.clear()


@pytest.fixture
def world(db):
    unit = UnitFactory(name="Gruppbostaden Testet")
    other_unit = UnitFactory(name="Daglig verksamhet Annat")
    staff = MembershipFactory(unit=unit, user__username="staff").user
    manager = MembershipFactory(unit=unit, role=Membership.Role.MANAGER, user__username="manager").user
    outsider = MembershipFactory(unit=other_unit, user__username="outsider").user
    outside_manager = MembershipFactory(
        unit=other_unit, role=Membership.Role.MANAGER, user__username="outside_manager"
    ).user
    admin = UserFactory(username="admin", is_staff=True, is_superuser=True)
    client = client_at(unit, first_name="Elsa", last_name="Lindqvist")
    other_client = client_at(other_unit, first_name="Omar", last_name="Eklund")
    return SimpleNamespace(
        unit=unit,
        other_unit=other_unit,
        staff=staff,
        manager=manager,
        outsider=outsider,
        outside_manager=outside_manager,
        admin=admin,
        client=client,
        other_client=other_client,
    )


@pytest.fixture
def as_user(client):
    """Sign the Django test client in as a given user: `as_user(world.staff)`."""

    def sign_in(user):
        client.force_login(user)
        return client

    return sign_in


@pytest.fixture
def period(world):
    """A draft plan period for world.client at world.unit."""
    return plans.start_plan(world.client, world.unit, starts_on=datetime.date(2026, 11, 1))


@pytest.fixture
def item(period):
    return plan_data.add_item(period)


@pytest.fixture
def complete_period(period, item):
    """A draft period with everything required to establish it."""
    return plan_data.make_complete(period, item)


# The users the tests' OpenID Connect provider knows: the world's, the demo's, and "okand", whom
# Rödtråd does not know.
PROVIDER_USERS = {
    name: {"given_name": name.capitalize(), "family_name": "Testsson", "email": f"{name}@example.se"}
    for name in ("staff", "manager", "outsider", "personal", "kontaktman", "chef", "okand")
}


@pytest.fixture
def oidc_provider(settings):
    """The tests' OpenID Connect provider on the loopback (tests/oidc_provider.py), configured as
    RODTRAD_OIDC_ISSUER with its client id and secret. RODTRAD_TEST_PROVIDER_PORT picks its port
    (default: any free one)."""
    from rodtrad.signin import oidc

    port = int(os.environ.get("RODTRAD_TEST_PROVIDER_PORT", "0"))
    with Provider(users=dict(PROVIDER_USERS), port=port) as provider:
        settings.RODTRAD_OIDC_ISSUER = provider.issuer
        settings.OIDC_RP_CLIENT_ID = provider.client_id
        settings.OIDC_RP_CLIENT_SECRET = provider.client_secret
        oidc.forget_discovery()
        yield provider
    oidc.forget_discovery()


@pytest.fixture
def fetch_prepared(monkeypatch):
    """`fetch_prepared(client, url)`: a file made in the background, as the user gets it."""
    return lambda client, url: prepared(client, url, monkeypatch)


@pytest.fixture(scope="session")
def server_var_dir(tmp_path_factory):
    """A var/ for server processes started by tests, with the static files collected once."""
    var_dir = tmp_path_factory.mktemp("server-var")
    collect_static(var_dir)
    return var_dir
