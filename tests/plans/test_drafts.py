"""Drafts of the plan's forms, the server's side: what is typed is kept as it is written, only for
its writer, until the form is saved or thrown away. What the browser keeps meanwhile
(static/rodtrad/drafts.js) is tested in tests/e2e/test_plan.py."""

import datetime
import re

from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext

from rodtrad.audit.models import AccessEvent, Action
from rodtrad.clients import services as clients
from rodtrad.plans import services
from rodtrad.plans.models import FormDraft, Goal, LifeStorySection, PlanItem, Risk

from ..plan_data import FUTURE

AUTOSAVE = {"HTTP_X_DRAFT": "autosave", "HTTP_HX_REQUEST": "true"}


def says(response, message):
    return escape(gettext(message)) in response.content.decode()


def period_url(period, suffix=""):
    return f"/brukare/{period.plan.client_id}/plan/{period.pk}/{suffix}"


def typed_item(**changes):
    return {"section": "", "order": "", "title": "Handla mat", "does_alone": "Skriver inköpslistan"} | changes


def test_typing_in_a_new_plan_item_keeps_a_draft_for_its_writer_and_says_when(period, world, as_user):
    url = period_url(period, "insatser/ny/")
    response = as_user(world.staff).post(url, typed_item(), **AUTOSAVE)

    draft = FormDraft.objects.get()
    assert (draft.user, draft.client, draft.period, draft.key) == (world.staff, world.client, period, url)
    assert draft.data["title"] == "Handla mat" and "csrfmiddlewaretoken" not in draft.data
    assert response["X-Draft-Status"] == "saved"
    assert response["X-Draft-Version"] == draft.saved_at.isoformat()
    assert timezone.localtime(draft.saved_at).strftime("%H:%M") in response.content.decode()
    # A draft is not a plan item, and nobody else's business.
    assert not PlanItem.objects.exists()
    event = AccessEvent.objects.filter(client=world.client).latest("pk")
    assert (event.user, event.action) == (world.staff, Action.CREATE)


def test_the_form_opened_again_has_the_draft_back_for_its_writer_only(period, world, as_user):
    url = period_url(period, "insatser/ny/")
    as_user(world.staff).post(url, typed_item(how_wanted="Med bildstöd i affären"), **AUTOSAVE)

    mine = as_user(world.staff).get(url)
    assert "Med bildstöd i affären" in mine.content.decode()
    assert says(mine, "Throw the draft away")
    assert f'data-draft-version="{FormDraft.objects.get().saved_at.isoformat()}"' in mine.content.decode()

    theirs = as_user(world.manager).get(url)
    assert "Med bildstöd i affären" not in theirs.content.decode()
    assert 'data-draft-version=""' in theirs.content.decode()


def test_saving_the_form_ends_the_draft_and_tells_the_browser_to_forget_its_copy(period, world, as_user, item):
    url = period_url(period, "insatser/ny/")
    browser = as_user(world.staff)
    browser.post(url, typed_item(), **AUTOSAVE)
    data = typed_item(section=item.section.pk, draft_token="abc123")
    assert browser.post(url, data).status_code == 302

    assert PlanItem.objects.filter(title="Handla mat").exists()
    assert not FormDraft.objects.exists()
    assert '<meta name="rodtrad-drafts-done" content="abc123">' in browser.get(period_url(period)).content.decode()


def test_a_rejected_form_keeps_its_draft_and_what_was_typed(period, world, as_user):
    url = period_url(period, "insatser/ny/")
    browser = as_user(world.staff)
    browser.post(url, typed_item(), **AUTOSAVE)
    response = browser.post(url, typed_item(title=""))
    assert says(response, "This field is required.")
    assert "Skriver inköpslistan" in response.content.decode()
    assert FormDraft.objects.exists()


def test_nothing_typed_keeps_nothing_and_an_emptied_form_forgets_its_draft(period, world, as_user):
    url = period_url(period, "insatser/ny/")
    browser = as_user(world.staff)
    assert browser.post(url, typed_item(title="", does_alone=" "), **AUTOSAVE)["X-Draft-Status"] == "empty"
    assert not FormDraft.objects.exists()
    browser.post(url, typed_item(), **AUTOSAVE)
    assert browser.post(url, typed_item(title="", does_alone=""), **AUTOSAVE)["X-Draft-Status"] == "empty"
    assert not FormDraft.objects.exists()


def test_a_draft_thrown_away_is_gone(period, world, as_user):
    url = period_url(period, "insatser/ny/")
    browser = as_user(world.staff)
    browser.post(url, typed_item(), **AUTOSAVE)
    assert browser.post(url, {"draft": "discard"}).status_code == 302
    assert not FormDraft.objects.exists()
    assert not PlanItem.objects.exists()


def test_an_expired_session_saves_nothing_and_is_sent_to_sign_in(period, client):
    response = client.post(period_url(period, "insatser/ny/"), typed_item(), **AUTOSAVE)
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/logga-in/?next=")
    assert not FormDraft.objects.exists()


def test_an_outsider_can_neither_keep_nor_read_a_draft(period, world, as_user):
    url = period_url(period, "insatser/ny/")
    assert as_user(world.outsider).post(url, typed_item(), **AUTOSAVE).status_code == 404
    assert not FormDraft.objects.exists()


def test_the_plan_page_lists_the_writers_unsaved_forms(period, world, as_user, item):
    browser = as_user(world.staff)
    browser.post(period_url(period, "insatser/ny/"), typed_item(), **AUTOSAVE)
    goal_url = period_url(period, f"insatser/{item.pk}/mal/ny/")
    browser.post(goal_url, {"what": "handla själv"}, **AUTOSAVE)

    page = browser.get(period_url(period)).content.decode()
    assert escape(gettext("Your unsaved forms")) in page
    assert f'href="{goal_url}"' in page and f'href="{period_url(period, "insatser/ny/")}"' in page
    assert escape(gettext("Your unsaved forms")) not in as_user(world.manager).get(period_url(period)).content.decode()


def test_a_goal_draft_comes_back_with_its_sentence_composed(period, world, as_user, item):
    url = period_url(period, f"insatser/{item.pk}/mal/ny/")
    browser = as_user(world.staff)
    parts = {"goal_type": "develop", "what": "handla själv", "how_often": "en gång i veckan", "by_when": "2027-03-01"}
    browser.post(url, parts, **AUTOSAVE)
    page = browser.get(url).content.decode()
    assert "Handla själv en gång i veckan, senast 1 mars 2027." in page
    assert 'value="en gång i veckan"' in page
    browser.post(url, parts | {"why": "hon vill", "order_goal": "Leva som andra", "draft_token": "t1"})
    assert Goal.objects.filter(item=item, what="handla själv").exists()
    assert not FormDraft.objects.exists()


def test_the_two_forms_of_the_risk_page_keep_a_draft_each(complete_period, world, as_user):
    url = period_url(complete_period, "risker/")
    browser = as_user(world.staff)
    browser.post(url, {"form": "assessment", "team": "Karim, kontaktman"}, **AUTOSAVE)
    browser.post(url, {"form": "risk", "description": "Kan halka i duschen"}, **AUTOSAVE)
    assert set(FormDraft.objects.values_list("key", flat=True)) == {f"{url}#assessment", f"{url}#risk"}

    services.save_risk_assessment(
        complete_period, assessed_on=datetime.date(2026, 11, 5), no_risks_identified=False, no_risks_grounds=""
    )
    page = browser.get(url).content.decode()
    assert "Karim, kontaktman" in page and "Kan halka i duschen" in page
    risk = {
        "form": "risk",
        "description": "Kan halka i duschen",
        "consequence": "2",
        "likelihood": "3",
        "actions": "Halkmatta",
        "responsible": "Karim",
        "follow_up_on": FUTURE.isoformat(),
    }
    assert browser.post(url, risk).status_code == 302
    assert Risk.objects.get().risk_class == "R2"
    assert list(FormDraft.objects.values_list("key", flat=True)) == [f"{url}#assessment"]


def test_a_life_story_section_is_kept_as_it_is_written(world, as_user):
    url = f"/brukare/{world.client.pk}/levnadsberattelse/"
    browser = as_user(world.staff)
    browser.post(url, {"form": "section", "title": "Barndomen", "text": "Växte upp i Kiruna"}, **AUTOSAVE)
    assert "Växte upp i Kiruna" in browser.get(url).content.decode()
    browser.post(url, {"form": "section", "title": "Barndomen", "text": "Växte upp i Kiruna med två bröder."})
    assert LifeStorySection.objects.get().text == "Växte upp i Kiruna med två bröder."
    assert not FormDraft.objects.exists()


def test_establishing_closes_the_new_item_goal_and_risk_forms_but_not_a_change_to_an_item(
    complete_period, world, as_user, item
):
    browser = as_user(world.staff)
    browser.post(period_url(complete_period, "insatser/ny/"), typed_item(), **AUTOSAVE)
    edit_url = period_url(complete_period, f"insatser/{item.pk}/")
    browser.post(edit_url, {"title": item.title, "how_wanted": "Med bildrecept och timer"}, **AUTOSAVE)
    services.establish(complete_period, user=world.staff)
    assert list(FormDraft.objects.values_list("key", flat=True)) == [edit_url]
    page = browser.get(period_url(complete_period)).content.decode()
    assert f'href="{edit_url}"' in page


def test_a_closed_case_keeps_no_new_drafts(period, world, as_user):
    order = world.client.orders.get()
    clients.end_order(order, ended_on=order.valid_from, reason="Flyttat")
    response = as_user(world.staff).post(period_url(period, "insatser/ny/"), typed_item(), **AUTOSAVE)
    assert response.status_code == 403
    url = f"/brukare/{world.client.pk}/levnadsberattelse/"
    assert as_user(world.staff).post(url, {"form": "section", "title": "X"}, **AUTOSAVE).status_code == 403
    assert not FormDraft.objects.exists()
    # The page shows the story, and no form to write in.
    page = as_user(world.staff).get(url).content.decode()
    assert "data-draft" not in page and 'name="form"' not in page


def test_the_participation_form_tells_the_browser_what_the_server_has(period, world, as_user):
    url = period_url(period, "framtagande/")
    data = {"version": period.version, "participation": "Elsa berättade", "planning_date": "2026-11-05"}
    saved = as_user(world.staff).post(url, data, HTTP_HX_REQUEST="true")
    period.refresh_from_db()
    assert (saved["X-Draft-Status"], saved["X-Draft-Version"]) == ("saved", str(period.version))
    stale = as_user(world.manager).post(url, data | {"participation": "Annan text"}, HTTP_HX_REQUEST="true")
    assert (stale["X-Draft-Status"], stale["X-Draft-Version"]) == ("stale", str(period.version))
    page = as_user(world.staff).get(period_url(period)).content.decode()
    assert re.search(rf'data-draft-key="{world.staff.pk}\.{period_url(period)}#participation"', page)
    assert f'data-draft-version="{period.version}"' in page
