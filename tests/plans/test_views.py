import shutil
import subprocess

import pytest
from django.utils import timezone

from rodtrad.audit.models import AccessEvent, Action
from rodtrad.clients import services as client_services
from rodtrad.journal.models import Entry
from rodtrad.plans import services
from rodtrad.plans.models import Goal, PlanPeriod, Risk

from ..plan_data import FUTURE, goal_fields


def url(period, suffix=""):
    return f"/brukare/{period.plan.client_id}/plan/{period.pk}/{suffix}"


def test_starting_a_plan_for_the_users_unit(world, as_user):
    response = as_user(world.staff).post(f"/brukare/{world.client.pk}/plan/", {"unit": world.unit.pk})
    period = PlanPeriod.objects.get(plan__client=world.client)
    assert response["Location"] == url(period)
    assert AccessEvent.objects.filter(client=world.client, action=Action.CREATE, object_type="plan").exists()


def test_a_plan_cannot_be_started_for_a_unit_without_an_order_there(world, as_user):
    response = as_user(world.staff).post(f"/brukare/{world.client.pk}/plan/", {"unit": world.other_unit.pk})
    assert response.status_code == 403
    assert as_user(world.staff).post(f"/brukare/{world.client.pk}/plan/", {"unit": "x"}).status_code == 403
    assert not PlanPeriod.objects.exists()


def test_establishing_an_incomplete_plan_lists_what_is_missing(period, world, as_user):
    response = as_user(world.staff).post(url(period, "faststall/"))
    body = response.content.decode()
    assert response.status_code == 422
    assert "Perioden kunde inte fastställas" in body
    assert "Riskbedömningen." in body


def test_establishing_a_complete_plan(complete_period, world, as_user):
    response = as_user(world.staff).post(url(complete_period, "faststall/"))
    assert response.status_code == 302
    complete_period.refresh_from_db()
    assert complete_period.is_established
    assert AccessEvent.objects.filter(action=Action.SIGN, object_id=str(complete_period.pk)).exists()


def participation_data(period, **overrides):
    return {
        "version": period.version,
        "planning_date": "2026-11-05",
        "participation": "Elsa berättade själv",
        "participants": "Elsa",
        "follow_up_planned_on": "2027-05-05",
    } | overrides


def test_autosave_answers_htmx_with_the_saved_state(period, world, as_user):
    response = as_user(world.staff).post(
        url(period, "framtagande/"), participation_data(period), HTTP_HX_REQUEST="true"
    )
    assert "Sparat" in response.content.decode()
    period.refresh_from_db()
    assert period.participation == "Elsa berättade själv"
    assert f'value="{period.version}"' in response.content.decode()


def test_the_second_of_two_concurrent_saves_is_refused_and_keeps_its_text(period, world, as_user):
    opened = period.version
    as_user(world.staff).post(url(period, "framtagande/"), participation_data(period, version=opened))
    response = as_user(world.manager).post(
        url(period, "framtagande/"), participation_data(period, version=opened, participation="Min egen text")
    )
    body = response.content.decode()
    assert response.status_code == 409
    assert "Någon annan sparade planen medan du skrev" in body
    assert "Min egen text" in body
    period.refresh_from_db()
    assert period.participation == "Elsa berättade själv"


def test_an_established_period_refuses_changes_to_participation(complete_period, world, as_user):
    services.establish(complete_period, user=world.staff)
    response = as_user(world.staff).post(url(complete_period, "framtagande/"), participation_data(complete_period))
    assert response.status_code == 403


def test_the_goal_sentence_preview_is_composed_from_what_is_typed(world, as_user):
    data = {
        "what": "gå till affären",
        "how_often": "en gång i veckan",
        "by_when": "2027-03-01",
        "why": "han vill handla själv",
    }
    body = as_user(world.staff).post("/plan/malformulering/", data).content.decode()
    assert "Gå till affären en gång i veckan, senast 1 mars 2027." in body


def test_the_preview_shows_the_writing_assistants_findings_on_the_goal(world, as_user):
    vague = {"what": "må bra", "how_often": "", "by_when": "", "why": ""}
    body = as_user(world.staff).post("/plan/malformulering/", vague).content.decode()
    assert 'data-code="goal_no_timeframe"' in body
    concrete = {"what": "gå till affären", "how_often": "en gång i veckan", "by_when": "2027-03-01", "why": "han vill"}
    body = as_user(world.staff).post("/plan/malformulering/", concrete).content.decode()
    assert "data-code=" not in body


def test_a_goal_in_the_past_is_refused_with_the_typed_text_kept(item, world, as_user):
    data = {
        "goal_type": "develop",
        "what": "laga mat",
        "how_often": "varje dag",
        "by_when": "2020-01-01",
        "why": "för att",
        "order_goal": "Leva som andra",
    }
    response = as_user(world.staff).post(url(item.period, f"insatser/{item.pk}/mal/ny/"), data)
    body = response.content.decode()
    assert "Ett mål nås i framtiden" in body
    assert 'value="laga mat"' in body


def pdf_text(response):
    return subprocess.run(
        ["pdftotext", "-", "-"], input=response.content, capture_output=True, check=True
    ).stdout.decode()


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils (pdftotext)")
def test_both_plan_documents_are_audited_exports_without_a_protected_address(complete_period, world, as_user):
    world.client.has_protected_details = True
    world.client.address = "Hemliga gränd 9"
    world.client.save()
    services.establish(complete_period, user=world.staff)
    final = as_user(world.staff).get(url(complete_period, "slutdokument.pdf"))
    plain = as_user(world.staff).get(url(complete_period, "min-plan.pdf"))
    final_text, plain_text = pdf_text(final), pdf_text(plain)
    assert "Genomförandeplan: Elsa Lindqvist" in final_text
    assert "Laga middag själv två gånger i veckan" in final_text
    assert "Min plan, Elsa" in plain_text
    assert "Med bildrecept" in plain_text
    assert "Hemliga gränd" not in final_text + plain_text
    assert AccessEvent.objects.filter(action=Action.EXPORT, client=world.client).count() == 2


def test_a_draft_plan_is_not_handed_out(period, world, as_user):
    assert as_user(world.staff).get(url(period, "slutdokument.pdf")).status_code == 403


def test_two_users_changing_the_same_plan_item_the_second_is_refused_and_keeps_their_text(item, world, as_user):
    item_url = url(item.period, f"insatser/{item.pk}/")
    opened = as_user(world.staff).get(item_url).context["form"]["opened"].value()
    first = {"title": item.title, "how_wanted": "Med bildrecept och timer", "opened": opened}
    assert as_user(world.manager).post(item_url, first).status_code == 302
    second = {"title": item.title, "how_wanted": "Med min egen text", "opened": opened}
    response = as_user(world.staff).post(item_url, second)
    assert response.status_code == 409
    assert "Någon annan ändrade insatsen medan du skrev" in response.content.decode()
    assert "Med min egen text" in response.content.decode()
    item.refresh_from_db()
    assert item.how_wanted == "Med bildrecept och timer"


def test_a_closed_case_refuses_every_change_to_its_plan(period, item, world, as_user):
    order = world.client.orders.get()
    client_services.end_order(order, ended_on=order.valid_from, reason="Flyttat")
    browser = as_user(world.staff)
    assert browser.post(url(period, "framtagande/"), participation_data(period)).status_code == 403
    assert browser.post(url(period, "insatser/ny/"), {"title": "Ny"}).status_code == 403
    assert browser.post(url(period, f"insatser/{item.pk}/"), {"title": "Ändrad"}).status_code == 403
    assert browser.post(url(period, "faststall/")).status_code == 403
    assert browser.post(f"/brukare/{world.client.pk}/plan/", {"unit": world.unit.pk}).status_code == 403
    assert browser.get(url(period)).status_code == 200


def test_the_follow_up_must_come_after_the_planning_date(period, world, as_user):
    data = participation_data(period, follow_up_planned_on="2026-11-01", participation="Elsa berättade själv")
    response = as_user(world.staff).post(url(period, "framtagande/"), data)
    assert response.context["participation_form"].errors["follow_up_planned_on"] == [
        "Uppföljningen måste ligga efter planeringsdatumet."
    ]
    assert "Elsa berättade själv" in response.content.decode()
    period.refresh_from_db()
    assert period.follow_up_planned_on is None


def test_only_a_childs_plan_asks_for_the_child_perspective(period, world, as_user):
    browser = as_user(world.staff)
    assert "child_best_interest" not in browser.get(url(period)).context["participation_form"].fields
    world.client.date_of_birth = timezone.localdate().replace(year=timezone.localdate().year - 12)
    world.client.save()
    form = browser.get(url(period)).context["participation_form"]
    assert {"child_views", "child_best_interest"} <= set(form.fields)


def test_a_new_goal_starts_from_the_orders_personal_goals(item, world, as_user):
    order = item.order
    order.personal_goals = "Att klara matlagningen själv"
    order.save()
    form = as_user(world.staff).get(url(item.period, f"insatser/{item.pk}/mal/ny/")).context["form"]
    assert form.initial["order_goal"] == "Att klara matlagningen själv"


def test_a_sixth_goal_asks_the_writer_to_confirm_at_the_field(item, world, as_user):
    for number in range(5):
        services.add_goal(item, **goal_fields(what=f"mål {number}"))
    goal_url = url(item.period, f"insatser/{item.pk}/mal/ny/")
    browser = as_user(world.staff)
    assert "confirm_many" in browser.get(goal_url).content.decode()
    data = goal_fields(what="mål sex", by_when=FUTURE.isoformat())
    response = browser.post(goal_url, data)
    assert response.context["form"].errors["confirm_many"] == [
        "Planen har redan 5 mål. Målen ska vara så få att det går att arbeta med dem."
    ]
    assert 'value="mål sex"' in response.content.decode()
    assert browser.post(goal_url, data | {"confirm_many": "on"}).status_code == 302
    assert Goal.objects.filter(item=item).count() == 6


def test_after_establishing_a_change_needs_its_reason_at_the_field_and_writes_the_journal(
    complete_period, item, world, as_user
):
    services.establish(complete_period, user=world.staff)
    item_url = url(complete_period, f"insatser/{item.pk}/")
    browser = as_user(world.staff)
    data = {"title": item.title, "how_wanted": "Med bildrecept och timer", "order": item.order_id}
    response = browser.post(item_url, data)
    assert response.context["form"].errors["reason"] == ["Detta fält måste fyllas i."]
    assert "Med bildrecept och timer" in response.content.decode()
    assert browser.post(item_url, data | {"reason": "Elsa bad om en timer"}).status_code == 302
    entry = Entry.objects.get(client=world.client, category="plan_item_change")
    assert "Elsa bad om en timer" in entry.text


def test_the_risk_forms_refuse_what_the_routine_does_not_allow_at_the_field(complete_period, world, as_user):
    risks_url = url(complete_period, "risker/")
    browser = as_user(world.staff)
    response = browser.post(risks_url, {"form": "assessment", "assessed_on": "2026-11-05", "no_risks_identified": "on"})
    assert response.context["assessment_form"].errors["no_risks_grounds"] == [
        "Skriv vad bedömningen att det inte finns några risker grundar sig på."
    ]
    browser.post(risks_url, {"form": "assessment", "assessed_on": "2026-11-05"})
    risk = {
        "form": "risk",
        "description": "Kan gå ut på natten",
        "consequence": "3",
        "likelihood": "3",
        "actions": "Dörrlarm",
        "responsible": "Enhetschef",
        "follow_up_on": "2027-01-05",
        "is_protective_measure": "on",
    }
    errors = browser.post(risks_url, risk).context["risk_form"].errors
    assert errors["consent"] == ["En skyddsåtgärd kräver brukarens samtycke."]
    assert errors["protective_purpose"] == ["Beskriv skyddsåtgärden och vad den ska uppnå."]
    assert not Risk.objects.exists()


def test_an_established_period_shows_who_established_it_and_its_risk_assessment(complete_period, world, as_user):
    services.establish(complete_period, user=world.staff)
    body = as_user(world.manager).get(url(complete_period)).content.decode()
    assert f"av {world.staff.name_with_title}" in body
    assert "Inga risker i aktiviteterna." in body


def test_a_period_without_a_risk_assessment_offers_to_make_one(period, world, as_user):
    body = as_user(world.staff).get(url(period)).content.decode()
    assert "Gör riskbedömningen" in body


def save_state(response) -> str:
    """The text of the participation form's save status on the page or in the htmx answer."""
    body = response.content.decode()
    start = body.index('id="save-state"')
    return body[body.index(">", start) + 1 : body.index("</span>", start)].strip()


def test_a_draft_plan_opened_says_nothing_is_unsaved(period, world, as_user):
    response = as_user(world.staff).get(url(period))
    assert save_state(response) == ""


def test_after_a_good_save_the_plan_says_saved_not_unsaved(period, world, as_user):
    browser = as_user(world.staff)
    answer = browser.post(url(period, "framtagande/"), participation_data(period), HTTP_HX_REQUEST="true")
    assert save_state(answer).startswith("Sparat ")
    # The ordinary submit: saved, back to the page, which has nothing unsaved to report.
    period.refresh_from_db()
    response = browser.post(url(period, "framtagande/"), participation_data(period), follow=True)
    assert "Sparat." in response.content.decode()
    assert save_state(response) == ""


def test_a_refused_save_says_what_was_not_saved(period, world, as_user):
    browser = as_user(world.staff)
    data = participation_data(period, follow_up_planned_on="2026-11-01")
    answer = browser.post(url(period, "framtagande/"), data, HTTP_HX_REQUEST="true")
    assert answer["X-Draft-Status"] == "invalid"
    assert save_state(answer) == (
        "Inte sparat. Rätta: Planerad uppföljning: Uppföljningen måste ligga efter planeringsdatumet."
    )
    response = browser.post(url(period, "framtagande/"), data)
    assert save_state(response).startswith("Inte sparat. Rätta: Planerad uppföljning:")
