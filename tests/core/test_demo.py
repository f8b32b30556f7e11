import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings
from stdnum.se import personnummer

from rodtrad.accounts.models import Membership, User
from rodtrad.clients import identity, services
from rodtrad.clients.models import Client, ClientContact, Consent, Order
from rodtrad.core import demo
from rodtrad.followup import services as followup
from rodtrad.followup.models import Answer, GoalFollowUp, Review
from rodtrad.lib.dates import add_months
from rodtrad.plans.models import Goal, PlanPeriod

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


def test_demo_identity_numbers_are_valid_for_their_kind():
    demo.load()
    kinds = set()
    for client in Client.objects.all():
        kinds.add(client.identity_kind)
        if client.identity_kind == Client.IdentityKind.RESERVE_NUMBER:
            assert client.date_of_birth is not None
            continue
        coordination = client.identity_kind == Client.IdentityKind.COORDINATION_NUMBER
        assert identity.parse(client.personal_number, coordination=coordination) == (
            client.personal_number,
            client.date_of_birth,
        )
        assert personnummer.is_valid(client.personal_number) is not coordination
    assert kinds == set(Client.IdentityKind.values)


def test_demo_data_uses_the_whole_register():
    """Issue 3's "demo data uses all of it": a child, protected details with a grant,
    communication needs, contacts and representatives, consents given by the client and by a
    representative, reviewed, and two closed cases, one with the file sent and one not yet."""
    demo.load()
    chef = User.objects.get(username="chef")
    assert any(client.is_child for client in Client.objects.all())
    protected = Client.objects.get(has_protected_details=True)
    assert protected.protected_details_grants.filter(user__username="kontaktman").exists()
    assert Client.objects.filter(needs_interpreter=True).exists() and Client.objects.exclude(aac="").exists()
    assert {kind for (kind,) in ClientContact.objects.values_list("kind")} >= {"relative", "god_man", "forvaltare"}
    assert Consent.objects.filter(given_by_representative__isnull=False).exists()
    assert Consent.objects.filter(reviews__isnull=False).exists()

    closed = [client for client in Client.objects.all() if services.is_closed(client)]
    assert len(closed) == 2
    sent = Order.objects.filter(client__in=closed, file_sent_on__isnull=False).get()
    assert sent.file_sent_by == chef and sent.file_sent_on <= add_months(sent.ended_on, 2)
    assert Order.objects.filter(client__in=closed, file_sent_on__isnull=True).count() == 1
    for client in closed:
        # The journal note the routine asks for when a case is closed.
        assert client.journal_entries.signed().filter(text__contains="avslutades").exists()
        assert services.retention_counted_from(client) == client.orders.get().ended_on
    # The sent file holds a whole record: an established plan with a goal followed up.
    assert GoalFollowUp.objects.filter(goal__item__period__plan__client=sent.client).exists()
    assert Order.objects.filter(service__plan_rule="never").exists()


@override_settings(DEMO_DATA_ALLOWED=False)
def test_demo_data_is_refused_where_not_allowed():
    with pytest.raises(CommandError):
        call_command("load_demo")
    assert not Client.objects.exists()


def test_demo_has_follow_ups_a_finished_review_and_the_new_period():
    demo.load()
    elsa_goal = Goal.objects.get(item__period__plan__client__last_name="Lindqvist")
    assert elsa_goal.follow_ups.get().answer == Answer.PARTLY
    review = Review.objects.get(period__plan__client__last_name="Ängström")
    assert review.is_finished and review.journal_entry.category == "follow_up"
    new = PlanPeriod.objects.get(previous=review.period)
    assert new.is_established
    assert {item.carried_from.title for item in new.items.all()} == {"Promenad", "Tvätt", "Städning"}
    assert "Från målet som uppnåddes" in new.items.get(title="Promenad").way_of_working
    laundry = Goal.objects.get(item__period=new)
    assert [follow_up.followed_up_on.isoformat() for follow_up in followup.history(laundry.item, laundry)] == [
        "2026-11-20",
        "2026-09-20",
        "2026-03-02",
    ]


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
    open_journals = Client.objects.filter(orders__unit=larkan, orders__ended_on__isnull=True).distinct().count()
    assert open_journals < 10
    assert check.items.count() == open_journals  # fewer than ten: every open journal of the group home
