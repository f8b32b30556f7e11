import csv
import datetime
import io

import pytest
from django.utils import timezone

from rodtrad.audit.models import AccessEvent, Action


def event(user, client, days_ago=0, action=Action.VIEW):
    return AccessEvent.objects.create(
        user=user, client=client, action=action, occurred_at=timezone.now() - datetime.timedelta(days=days_ago)
    )


@pytest.fixture
def history(world):
    return {
        "staff_today": event(world.staff, world.client),
        "staff_last_month": event(world.staff, world.client, days_ago=40),
        "manager_today": event(world.manager, world.client, action=Action.EXPORT),
        "other_unit": event(world.outsider, world.other_client),
    }


def shown_events(response):
    return set(response.context["page"].object_list)


def test_the_manager_reviews_the_events_of_their_units_only(world, history, as_user):
    response = as_user(world.manager).get("/logg/")
    assert response.status_code == 200
    shown = shown_events(response)
    assert {history["staff_today"], history["staff_last_month"], history["manager_today"]} <= shown
    assert history["other_unit"] not in shown
    assert "Omar" not in response.content.decode()


def test_support_staff_cannot_review_the_log(world, as_user):
    assert as_user(world.staff).get("/logg/").status_code == 403


def test_filter_by_user_and_date(world, history, as_user):
    today = timezone.localdate()
    response = as_user(world.manager).get("/logg/", {"user": world.staff.pk, "date_from": today.isoformat()})
    shown = shown_events(response)
    assert history["staff_today"] in shown
    assert history["staff_last_month"] not in shown
    assert history["manager_today"] not in shown


def test_dates_out_of_order_are_refused_with_a_swedish_message(world, history, as_user):
    response = as_user(world.manager).get("/logg/", {"date_from": "2026-05-02", "date_to": "2026-05-01"})
    assert "Till-datumet måste vara samma dag som eller efter från-datumet." in response.content.decode()
    assert response.context["form"]["date_from"].value() == "2026-05-02"


def test_a_client_of_another_unit_cannot_be_chosen_as_filter(world, history, as_user):
    response = as_user(world.manager).get("/logg/", {"client": world.other_client.pk})
    assert not shown_events(response)
    assert response.context["form"].errors["client"]


def test_the_client_log_shows_only_that_client_and_records_the_review(world, history, as_user):
    response = as_user(world.manager).get(f"/brukare/{world.client.pk}/logg/")
    assert response.status_code == 200
    assert all(e.client == world.client for e in shown_events(response))
    review = AccessEvent.objects.filter(user=world.manager, object_type="audit_log").latest("pk")
    assert review.client == world.client


def test_support_staff_get_404_for_a_clients_log(world, as_user):
    assert as_user(world.staff).get(f"/brukare/{world.client.pk}/logg/").status_code == 404


def test_csv_export_has_the_filtered_events_and_is_itself_logged(world, history, as_user):
    response = as_user(world.manager).get("/logg/csv/", {"user": world.staff.pk})
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0][:5] == ["Tid", "Användare", "Användarnamn", "Brukare", "Händelse"]
    assert len(rows) == 3  # header and the staff member's two events
    assert {row[2] for row in rows[1:]} == {"staff"}
    assert {row[3] for row in rows[1:]} == {"Elsa Lindqvist"}
    assert AccessEvent.objects.filter(user=world.manager, action=Action.EXPORT, object_type="audit_log").exists()


def test_client_lists_by_a_units_staff_show_but_not_those_of_other_units(world, as_user):
    as_user(world.staff).get("/", {"q": "Lindq"})
    as_user(world.outsider).get("/", {"q": "Eklund"})
    shown = shown_events(as_user(world.manager).get("/logg/"))
    searches = {e.detail for e in shown if e.object_type == "client_list"}
    assert "Lindq" in searches
    assert "Eklund" not in searches


def test_a_sign_in_of_the_units_staff_shows_its_method_and_assurance_in_the_review_and_the_export(
    client, world, as_user
):
    from rodtrad.audit.models import SignInMethod

    loa3 = "http://id.elegnamnden.se/loa/1.0/loa3"
    AccessEvent.objects.create(
        user=world.staff, action=Action.SIGN_IN, sign_in_method=SignInMethod.SAML, assurance=loa3, detail="x"
    )
    manager = as_user(world.manager)
    page = manager.get("/logg/").content.decode()
    assert "inloggning</td>" in page
    assert f"SAML ({loa3})" in page
    text = b"".join(manager.get("/logg/csv/").streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0][-2:] == ["Inloggningssätt", "Intygad tillitsnivå"]
    assert ["SAML", loa3] in [row[-2:] for row in rows[1:]]
