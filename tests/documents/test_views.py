import shutil
import subprocess

import pytest

from rodtrad.audit.models import AccessEvent, Action
from rodtrad.clients import services
from rodtrad.followup import services as followup
from rodtrad.plans import services as plans
from rodtrad.plans.models import SectionTemplate

from .. import plan_data
from ..factories import ConsentFactory
from ..followup_data import answered_rows, closing

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils (pdftotext)")


def pdf_text(response):
    pdf = b"".join(response.streaming_content) if response.streaming else response.content
    assert pdf.startswith(b"%PDF")
    return subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()


def test_the_file_for_the_authority_holds_orders_and_consents_and_is_an_audited_export(world, as_user, fetch_prepared):
    ConsentFactory(client=world.client, scope="Att dela schemat med daglig verksamhet")
    order = world.client.orders.get()
    services.end_order(order, ended_on=order.valid_from.replace(year=2026), reason="Flyttat till annan kommun")
    response = fetch_prepared(as_user(world.manager), f"/brukare/{world.client.pk}/akt.pdf")
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response)
    assert "Elsa Lindqvist" in text
    assert "Flyttat till annan kommun" in text
    assert "Att dela schemat med daglig verksamhet" in text
    assert "Sida 1 av" in text
    # Asked for, made by the worker and fetched: three exports, each the manager's.
    events = AccessEvent.objects.filter(client=world.client, action=Action.EXPORT).order_by("pk")
    assert [(event.user, event.object_type, event.detail) for event in events] == [
        (world.manager, "client_file", "fil beställd"),
        (world.manager, "client_file", "fil framställd"),
        (world.manager, "client_file", "fil hämtad"),
    ]
    assert events[1].path == "manage.py db_worker make_client_file"


def test_a_protected_address_is_never_in_the_file(world, as_user, fetch_prepared):
    world.client.has_protected_details = True
    world.client.address = "Hemliga vägen 3"
    world.client.save()
    text = pdf_text(fetch_prepared(as_user(world.manager), f"/brukare/{world.client.pk}/akt.pdf"))
    assert "Hemliga vägen" not in text
    assert "Skyddade personuppgifter" in text


def test_support_staff_cannot_export_the_file(world, as_user):
    assert as_user(world.staff).get(f"/brukare/{world.client.pk}/akt.pdf").status_code == 404


def test_the_file_holds_every_plan_period(world, as_user, fetch_prepared):
    period = plans.start_plan(world.client, world.unit)
    plans.add_item(period, section=SectionTemplate.objects.filter(holds_items=True).first(), title="Kvällspromenad")
    text = pdf_text(fetch_prepared(as_user(world.manager), f"/brukare/{world.client.pk}/akt.pdf"))
    assert "Genomförandeplaner" in text
    assert "Kvällspromenad" in text


def test_the_file_for_the_authority_holds_each_periods_follow_up(world, as_user, fetch_prepared):
    period = plans.start_plan(world.client, world.unit)
    plan_data.make_complete(period, plan_data.add_item(period), planning_date=period.starts_on)
    plans.establish(period, user=world.staff)
    review = followup.start_review(period, user=world.staff)
    review = followup.save_review(
        review,
        user=world.staff,
        expected_version=review.version,
        fields=closing(summary="Stödet fungerar bra, säger Elsa."),
        rows=answered_rows(period),
    )
    followup.finish_review(review, user=world.staff)
    text = pdf_text(fetch_prepared(as_user(world.manager), f"/brukare/{world.client.pk}/akt.pdf"))
    assert "Stödet fungerar bra, säger Elsa." in text
    assert "Delvis (i den årliga uppföljningen): Om Laga middag." in text
