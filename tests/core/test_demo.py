import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings
from stdnum.se import personnummer

from rodtrad.accounts.models import Membership, User
from rodtrad.clients.models import Client
from rodtrad.core import demo

pytestmark = pytest.mark.django_db


def test_demo_loads_once_and_a_second_run_keeps_what_users_wrote(capsys):
    call_command("load_demo")
    Client.objects.filter(last_name="Berg").update(first_name="Majken")
    call_command("load_demo")
    assert Client.objects.count() == len(demo.CLIENTS)
    assert Client.objects.filter(first_name="Majken").exists()
    output = capsys.readouterr().out
    assert "already loaded" in output
    assert "chef" in output and "rodtrad-demo" in output


def test_demo_users_have_the_roles_the_routine_needs():
    demo.load()
    chef = User.objects.get(username="chef")
    assert set(chef.memberships.values_list("role", flat=True)) == {Membership.Role.MANAGER}
    assert chef.memberships.count() == 2
    assert User.objects.get(username="kontaktman").contact_person_for.exists()
    admin = User.objects.get(username="admin")
    assert admin.is_staff and not admin.memberships.exists()
    assert not Client.objects.visible_to(admin).exists()
    assert set(
        Client.objects.visible_to(User.objects.get(username="personal")).values_list("orders__unit__name", flat=True)
    ) >= {"Gruppbostaden Lärkan"}
    assert User.objects.get(username="personal").check_password(demo.PASSWORD)


def test_demo_personal_numbers_are_valid():
    demo.load()
    assert all(personnummer.is_valid(number) for number in Client.objects.values_list("personal_number", flat=True))


@override_settings(DEMO_DATA_ALLOWED=False)
def test_demo_data_is_refused_where_not_allowed():
    with pytest.raises(CommandError):
        call_command("load_demo")
    assert not Client.objects.exists()


def test_demo_data_gives_the_managers_dashboard_and_the_contact_persons_to_do_something_to_show():
    from rodtrad.oversight import dashboard, todo
    from rodtrad.oversight.scope import for_manager

    demo.load()
    chef = User.objects.get(username="chef")
    counts = {count.rule.key: count.count for count in dashboard.counts(for_manager(chef))}
    assert counts["forsta-plan-saknas"] > 0
    assert counts["manadsanteckning-saknas"] > 0
    assert counts["osignerade-utkast"] == 1
    assert counts["mal-att-folja-upp"] == 1
    assert counts["samtycken-att-folja-upp"] > 0
    assert counts["plan-utan-mal"] == counts["plan-utan-riskbedomning"] == 0  # Elsa's plan is complete
    kontaktman = User.objects.get(username="kontaktman")
    rows = todo.rows_for(kontaktman)
    assert {str(row.client) for row in rows} == {"Elsa Lindqvist", "Omar Åberg"}
    assert any("Utkast av Karim Haddad" in row.text for row in rows)


def test_demo_journals_give_the_trends_and_the_spot_check_something_to_read():
    from rodtrad.oversight import services, trends
    from rodtrad.oversight.scope import for_manager

    demo.load()
    chef = User.objects.get(username="chef")
    larkan = next(unit for unit in for_manager(chef).units if unit.name == "Gruppbostaden Lärkan")
    (larkan_trends,) = trends.for_units(for_manager(chef, unit_id=larkan.pk))
    shares = [point.value for point in larkan_trends.note_share.points]
    assert 0 < min(shares) < max(shares) < 1
    assert any(point.value for point in larkan_trends.plan_share.points)
    check = services.draw_spot_check(larkan, user=chef)
    assert check.items.count() == 6  # every open journal of the group home's six clients
