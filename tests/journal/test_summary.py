"""The period summary for follow-up: grouped by goal and plan item, counted by category,
printable and as a PDF, each an audited event."""

import datetime
import shutil
import subprocess

import pytest
from django.utils import timezone

from rodtrad.audit.models import AccessEvent, Action
from rodtrad.journal import services
from rodtrad.journal.models import Category
from rodtrad.journal.summary import default_period, period_summary

from ..factories import SignedEntryFactory
from .conftest import days_ago


@pytest.fixture
def written(world, plan):
    def signed(text, days, **fields):
        return SignedEntryFactory(
            client=world.client, author=world.staff, text=text, occurred_at=days_ago(days), **fields
        )

    return {
        "goal_1": signed("Elsa stekte pannkakor själv.", 10, goal=plan.goal, plan_item=plan.cooking),
        "goal_2": signed(
            "Elsa avbröt matlagningen.", 5, goal=plan.goal, plan_item=plan.cooking, category=Category.DEVIATION
        ),
        "walk": signed(
            "Promenaden ställdes in på grund av regn.", 4, plan_item=plan.walks, category=Category.DEVIATION
        ),
        "other": signed("Samtal med mamma Anna om julen.", 3, category=Category.CONTACT, late=True),
        "outside": signed("Långt före perioden.", 200),
    }


def test_entries_are_grouped_by_goal_and_plan_item_with_counts(world, plan, written):
    summary = period_summary(world.client, timezone.localdate() - datetime.timedelta(days=30), timezone.localdate())
    assert summary.total == 4
    assert summary.late == 1
    assert [(group.kind, [entry.pk for entry in group.entries]) for group in summary.groups] == [
        ("goal", [written["goal_1"].pk, written["goal_2"].pk]),
        ("plan_item", [written["walk"].pk]),
        ("other", [written["other"].pk]),
    ]
    assert summary.groups[0].counts == [(Category.DEVIATION.label, 1), (Category.EVENT.label, 1)]
    assert summary.by_category == [
        (Category.DEVIATION.label, 2),
        (Category.EVENT.label, 1),
        (Category.CONTACT.label, 1),
    ]


def test_corrections_and_objections_are_counted(world, written):
    correction = services.correct_entry(written["other"], author=world.staff)
    services.save_draft(
        world.client,
        author=world.staff,
        entry=correction,
        text="Samtal med mamma Anna om nyår.",
        correction_reason="Fel helg.",
    )
    services.sign_entry(correction, user=world.staff)
    services.add_objection(written["walk"], text="Det regnade inte.", recorded_by=world.staff)
    summary = period_summary(world.client, timezone.localdate() - datetime.timedelta(days=30), timezone.localdate())
    assert (summary.total, summary.corrected, summary.objections) == (5, 1, 1)


def test_the_default_period_starts_with_the_latest_plan_period(world, plan):
    assert default_period(world.client) == (plan.period.starts_on, timezone.localdate())


def test_the_summary_page_shows_the_chosen_period(world, written, as_user):
    since = (timezone.localdate() - datetime.timedelta(days=6)).isoformat()
    response = as_user(world.staff).get(
        f"/brukare/{world.client.pk}/journal/sammanfattning/?fran={since}&till={timezone.localdate().isoformat()}"
    )
    page = response.content.decode()
    assert "Elsa avbröt matlagningen." in page
    assert "Elsa stekte pannkakor själv." not in page
    assert "Långt före perioden." not in page
    event = AccessEvent.objects.filter(client=world.client).latest("pk")
    assert (event.action, event.object_type) == (Action.VIEW, "journal_summary")


def test_the_printable_summary_is_logged_as_a_print(world, written, as_user):
    response = as_user(world.staff).get(f"/brukare/{world.client.pk}/journal/sammanfattning/utskrift/")
    assert "Promenaden ställdes in på grund av regn." in response.content.decode()
    event = AccessEvent.objects.filter(client=world.client).latest("pk")
    assert (event.action, event.object_type) == (Action.PRINT, "journal_summary")


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils (pdftotext)")
def test_the_pdf_is_an_audited_export(world, plan, written, as_user, fetch_prepared):
    response = fetch_prepared(as_user(world.staff), f"/brukare/{world.client.pk}/journal/sammanfattning.pdf")
    assert response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "no-store"
    assert response["Content-Disposition"].startswith(f'inline; filename="periodsammanfattning-{world.client.pk}-')
    text = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=response.content, capture_output=True, check=True
    ).stdout.decode()
    assert "Elsa Lindqvist" in text
    assert "Elsa stekte pannkakor själv." in text
    assert "Laga middag" in text
    assert "Sida 1 av" in text
    event = AccessEvent.objects.filter(client=world.client).latest("pk")
    assert (event.action, event.object_type, event.user) == (Action.EXPORT, "journal_summary", world.staff)


def test_an_invalid_period_falls_back_to_the_default_and_says_why(world, written, as_user):
    response = as_user(world.staff).get(
        f"/brukare/{world.client.pk}/journal/sammanfattning/?fran=2026-05-01&till=2026-01-01"
    )
    assert response.status_code == 200
    assert 'class="field__errors"' in response.content.decode()
