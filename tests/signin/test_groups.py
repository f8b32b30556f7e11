"""The administrator's mapping of identity-provider groups to units and roles, applied at each
sign-in through the IdP (here the tests' OpenID Connect provider's "groups" claim)."""

from rodtrad.accounts.models import Membership, User
from rodtrad.audit.models import AccessEvent, Action
from rodtrad.signin.models import GroupMapping
from tests.factories import UnitFactory

from .test_oidc import sign_in_through


def memberships(user):
    return {(m.unit.name, m.role, m.from_identity_provider) for m in user.memberships.select_related("unit")}


def test_a_just_in_time_account_gets_the_units_its_groups_are_mapped_to(client, world, oidc_provider, settings):
    settings.RODTRAD_SSO_CREATE_USERS = True
    GroupMapping.objects.create(group="larkan-personal", unit=world.unit, role=Membership.Role.SUPPORT_STAFF)
    GroupMapping.objects.create(group="annat-chef", unit=world.other_unit, role=Membership.Role.MANAGER)
    oidc_provider.users["okand"]["groups"] = ["larkan-personal", "unmapped"]
    sign_in_through(client, oidc_provider, "okand")
    user = User.objects.get(username="okand")
    assert memberships(user) == {("Gruppbostaden Testet", Membership.Role.SUPPORT_STAFF, True)}
    assert client.get(f"/brukare/{world.client.pk}/").status_code == 200
    granted = AccessEvent.objects.get(action=Action.UPDATE, object_type="membership")
    assert granted.detail == "Gruppbostaden Testet, Stödpersonal: tilldelad från gruppen larkan-personal"


def test_a_managers_group_wins_and_a_group_left_takes_its_unit_away(client, world, oidc_provider):
    GroupMapping.objects.create(group="testet-personal", unit=world.unit, role=Membership.Role.SUPPORT_STAFF)
    GroupMapping.objects.create(group="testet-chef", unit=world.unit, role=Membership.Role.MANAGER)
    other = UnitFactory(name="Korttidsboendet")
    GroupMapping.objects.create(group="korttids", unit=other)
    oidc_provider.users["outsider"]["groups"] = ["testet-personal", "testet-chef", "korttids"]
    sign_in_through(client, oidc_provider, "outsider")
    assert memberships(world.outsider) == {
        ("Daglig verksamhet Annat", Membership.Role.SUPPORT_STAFF, False),  # granted by hand: kept
        ("Gruppbostaden Testet", Membership.Role.MANAGER, True),
        ("Korttidsboendet", Membership.Role.SUPPORT_STAFF, True),
    }

    client.post("/konto/logga-ut/")
    oidc_provider.users["outsider"]["groups"] = ["testet-personal"]
    sign_in_through(client, oidc_provider, "outsider")
    assert memberships(world.outsider) == {
        ("Daglig verksamhet Annat", Membership.Role.SUPPORT_STAFF, False),
        ("Gruppbostaden Testet", Membership.Role.SUPPORT_STAFF, True),
    }
    details = set(AccessEvent.objects.filter(object_type="membership").values_list("detail", flat=True))
    assert "Korttidsboendet, Stödpersonal: borttagen: inte längre med i en mappad grupp" in details
    assert "Gruppbostaden Testet, Stödpersonal: roll ändrad från gruppen testet-personal" in details


def test_without_mappings_memberships_are_left_alone(client, world, oidc_provider):
    oidc_provider.users["staff"]["groups"] = ["anything"]
    sign_in_through(client, oidc_provider, "staff")
    assert memberships(world.staff) == {("Gruppbostaden Testet", Membership.Role.SUPPORT_STAFF, False)}


def test_a_membership_granted_by_hand_is_not_changed_by_a_group(client, world, oidc_provider):
    GroupMapping.objects.create(group="testet-chef", unit=world.unit, role=Membership.Role.MANAGER)
    oidc_provider.users["staff"]["groups"] = ["testet-chef"]
    sign_in_through(client, oidc_provider, "staff")
    assert memberships(world.staff) == {("Gruppbostaden Testet", Membership.Role.SUPPORT_STAFF, False)}


def test_the_administrators_mappings_are_audited(client, world):
    client.force_login(world.admin)
    response = client.post(
        "/admin/signin/groupmapping/add/", {"group": "larkan-personal", "unit": world.unit.pk, "role": "support_staff"}
    )
    assert response.status_code == 302
    mapping = GroupMapping.objects.get()
    added = AccessEvent.objects.get(action=Action.CREATE, object_type="groupmapping")
    assert (added.user, added.object_id) == (world.admin, str(mapping.pk))
    client.post(f"/admin/signin/groupmapping/{mapping.pk}/delete/", {"post": "yes"})
    assert not GroupMapping.objects.exists()
    assert "borttagen" in AccessEvent.objects.get(action=Action.UPDATE, object_type="groupmapping").detail


def test_a_unit_minimum_is_checked_with_the_units_the_groups_gave(client, world, oidc_provider):
    strict = UnitFactory(name="Strikta enheten", minimum_assurance=4)
    GroupMapping.objects.create(group="strikt", unit=strict)
    oidc_provider.users["staff"]["groups"] = ["strikt"]
    sign_in_through(client, oidc_provider, "staff")
    assert client.session.get("_auth_user_id") is None
