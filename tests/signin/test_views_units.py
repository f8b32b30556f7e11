"""A manager sets the minimum sign-in assurance of their unit: audited, and a session below it is
refused with a message, at sign-in and on its next request when the minimum was raised meanwhile."""

from rodtrad.accounts.models import Unit
from rodtrad.audit.models import AccessEvent, Action

PAGE = "/konto/enheter/inloggning/"
LOGIN = "/konto/logga-in/"


def set_level(client, unit, level):
    return client.post(f"/konto/enheter/{unit.pk}/inloggning/", {f"unit{unit.pk}-minimum_assurance": level})


def test_a_manager_sees_their_units_and_sets_a_minimum_which_is_audited(client, world):
    client.force_login(world.manager)
    page = client.get(PAGE).content.decode()
    assert world.unit.name in page
    assert world.other_unit.name not in page
    response = set_level(client, world.unit, 3)
    assert response["Location"] == PAGE
    world.unit.refresh_from_db()
    assert world.unit.minimum_assurance == 3
    event = AccessEvent.objects.get(action=Action.UPDATE, object_type="unit")
    assert (event.user, event.object_id) == (world.manager, str(world.unit.pk))
    assert event.detail == (
        "Lägsta tillitsnivå vid inloggning: Inget särskilt krav → Tillitsnivå 3 (e-legitimation: SITHS eID, EFOS, Freja OrgID)"
    )


def test_a_value_outside_the_choices_is_refused_with_a_swedish_message(client, world):
    client.force_login(world.manager)
    response = set_level(client, world.unit, 1)
    assert response.status_code == 400
    assert "Välj ett giltigt alternativ" in response.content.decode()
    assert Unit.objects.get(pk=world.unit.pk).minimum_assurance == 0


def test_staff_and_other_units_managers_cannot_set_it(client, world):
    client.force_login(world.staff)
    assert client.get(PAGE).status_code == 403
    assert set_level(client, world.unit, 3).status_code == 404
    client.force_login(world.outside_manager)
    assert set_level(client, world.unit, 3).status_code == 404
    assert Unit.objects.get(pk=world.unit.pk).minimum_assurance == 0


def test_a_password_sign_in_is_refused_by_a_unit_requiring_two_factors(client, world):
    world.unit.minimum_assurance = 2
    world.unit.save()
    response = client.post(LOGIN, {"username": "staff", "password": "ett-langt-losenord"})
    assert response["Location"] == LOGIN
    assert "_auth_user_id" not in client.session
    assert "Gruppbostaden Testet kräver inloggning med minst Tillitsnivå 2" in client.get(LOGIN).content.decode()
    assert AccessEvent.objects.get(action=Action.REFUSED).user == world.staff
    # The other unit's staff, with no such requirement, sign in as before.
    client.post(LOGIN, {"username": "outsider", "password": "ett-langt-losenord"})
    assert client.session["_auth_user_id"] == str(world.outsider.pk)


def test_a_session_open_when_the_minimum_is_raised_ends_at_its_next_request(client, world):
    client.post(LOGIN, {"username": "staff", "password": "ett-langt-losenord"})
    assert client.get(f"/brukare/{world.client.pk}/").status_code == 200
    manager = client.__class__()
    manager.force_login(world.manager)
    set_level(manager, world.unit, 3)
    response = client.get(f"/brukare/{world.client.pk}/")
    assert response["Location"] == LOGIN
    assert "_auth_user_id" not in client.session
    assert "kräver inloggning med minst Tillitsnivå 3" in client.get(LOGIN).content.decode()


def test_the_administrators_change_in_the_admin_is_audited(client, world):
    client.force_login(world.admin)
    response = client.post(
        f"/admin/accounts/unit/{world.unit.pk}/change/",
        {
            "organisation": world.unit.organisation_id,
            "name": world.unit.name,
            "kind": world.unit.kind,
            "first_plan_days": 30,
            "minimum_assurance": 2,
            "memberships-TOTAL_FORMS": 0,
            "memberships-INITIAL_FORMS": 0,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    event = AccessEvent.objects.get(action=Action.UPDATE, object_type="unit")
    assert event.user == world.admin
    assert "→ Tillitsnivå 2" in event.detail
