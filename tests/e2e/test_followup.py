"""Follow-up in a browser, on the demo data: Elsa's goal is followed up (Delvis, with a comment),
her plan gets its yearly follow-up, and the new period is added; every page passes axe."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from rodtrad.clients.models import Client
from rodtrad.followup.models import Answer, GoalFollowUp, Review
from rodtrad.journal.models import Category, Entry
from rodtrad.plans.models import PlanPeriod

from .test_every_page import check_fits_phone

pytestmark = pytest.mark.e2e


@pytest.fixture
def elsa(demo_data):
    return Client.objects.get(first_name="Elsa", last_name="Lindqvist")


def test_a_goal_is_followed_up_the_plan_reviewed_and_the_new_period_added(
    page, live_server, elsa, sign_in, assert_accessible
):
    sign_in(page, live_server, "kontaktman")
    page.goto(f"{live_server.url}/brukare/{elsa.pk}/")
    # The overview shows the goal's latest follow-up, and that it is due again.
    expect(page.locator(".goal-state").first).to_contain_text("Delvis")
    expect(page.locator(".due-list")).to_contain_text("Följ upp målet: Laga middag själv")

    # 1. Follow up the goal: first without a comment, to see the error, then Delvis with one.
    page.locator("#plan-heading").locator("..").get_by_role("link", name="Följ upp målet").click()
    expect(page.get_by_role("heading", name="Följ upp målet", level=1)).to_be_visible()
    expect(page.locator("#guiding-questions")).to_contain_text("Behövs mer tid med samma mål och metod?")
    assert_accessible(page)
    page.get_by_label("Delvis").check()
    page.get_by_role("button", name="Spara uppföljningen").click()
    expect(page.locator(".error-summary")).to_be_visible()
    expect(page.get_by_text("Välj minst ett sätt som uppföljningen gjordes på.")).to_be_visible()
    assert_accessible(page)
    expect(page.get_by_label("Delvis")).to_be_checked()
    page.get_by_label("Kommentar").fill(
        "Målet delvis uppnått. Elsa har lagat middag själv två gånger i november. Hon vill fortsätta."
    )
    next_day = timezone.localdate() + datetime.timedelta(days=90)
    page.get_by_label("Nästa uppföljning").fill(next_day.isoformat())
    page.get_by_label("Samtal med brukaren").check()
    page.get_by_role("button", name="Spara uppföljningen").click()
    expect(page.get_by_text("Uppföljningen är sparad.")).to_be_visible()
    expect(page.get_by_role("heading", name="Uppföljning", level=1)).to_be_visible()
    assert_accessible(page)
    latest = GoalFollowUp.objects.filter(goal__item__period__plan__client=elsa).newest_first().first()
    assert (latest.answer, latest.next_follow_up_on, latest.with_client) == (Answer.PARTLY, next_day, True)

    # 2. The yearly follow-up: add the document, answer each row, write the closing comment.
    page.get_by_role("link", name="Årlig uppföljning").click()
    expect(page.get_by_role("heading", name="Årlig uppföljning av genomförandeplanen")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Lägg till ny uppföljning").click()
    rows = page.locator("#rows-heading").locator("..")
    rows.get_by_label("Delvis").check()
    comments = rows.get_by_label("Kommentar")
    expect(comments).to_have_count(2)
    comments.nth(0).fill("Morgonrutinen fungerar.")
    comments.nth(1).fill("Elsa lagar middag själv ungefär varannan vecka och vill fortsätta.")
    closing = page.locator("#closing-heading").locator("..")
    closing.get_by_label("Samtal med brukaren").check()
    closing.get_by_label("Läst journalen").check()
    closing.get_by_label("Vilka som deltog").fill(
        "Elsa Lindqvist; Birgitta Lindqvist (mamma); Karim Haddad, stödpedagog"
    )
    closing.get_by_label("Hur stödet fungerar").fill("Stödet fungerar bra.")
    closing.get_by_label("Utförarens bedömning av brukarens situation").fill("Elsa är trygg. Inga nya behov.")
    closing.get_by_label("Hur det går med målen").fill("Matlagningsmålet går framåt och fortsätter.")
    closing.get_by_label("Behov av åtgärder som uppföljningen visat").fill("Inga.")
    closing.get_by_role("group", name="Har brukarens behov förändrats?").get_by_label("Nej").check()
    page.get_by_label("Har du läst dokumentationen eller pratat med kollegor").check()
    assert_accessible(page)

    # The journal's period summary for the period is one click away, and back.
    page.get_by_role("link", name="Journalens periodsammanfattning för den här perioden").click()
    expect(page.get_by_role("heading", name="Periodsammanfattning")).to_be_visible()
    expect(page.get_by_label("Från")).to_have_value("2026-03-15")
    page.go_back()

    page.get_by_role("button", name="Avsluta uppföljningen").click()
    expect(page.get_by_text("Uppföljningen är avslutad och antecknad i social journal.")).to_be_visible()
    assert_accessible(page)
    review = Review.objects.get(period__plan__client=elsa)
    assert review.is_finished
    entry = Entry.objects.get(client=elsa, category=Category.FOLLOW_UP)
    assert "Deltog: Elsa Lindqvist; Birgitta Lindqvist (mamma); Karim Haddad, stödpedagog." in entry.text

    # 3. "Lägg till": the new period, with the checklist confirmed.
    page.get_by_role("link", name="Lägg till ny planperiod").click()
    expect(page.get_by_role("heading", name="Lägg till ny planperiod", level=1)).to_be_visible()
    assert_accessible(page)
    # The page the walk over every page cannot reach from the demo data (test_every_page.NOT_PAGES).
    page.set_viewport_size({"width": 375, "height": 812})
    check_fits_phone(page)
    page.set_viewport_size({"width": 1280, "height": 720})
    for question in (
        "Är brukarens kontaktuppgifter aktuella?",
        "Är kontaktuppgifterna till närstående",
        "Är kontaktmannen (stödpersonen) rätt dokumenterad?",
        "Finns en tydlig beskrivning under varje insats",
        "Finns det beskrivet i planen hur personalen ska agera",
        "Har du frågat brukaren om samtyckena fortfarande gäller?",
    ):
        page.get_by_label(question).check()
    page.get_by_role("button", name="Lägg till ny planperiod").click()
    expect(page.get_by_text("Den nya perioden är tillagd som utkast.")).to_be_visible()
    expect(page.get_by_role("heading", name="Genomförandeplan: Gruppbostaden Lärkan")).to_be_visible()
    assert_accessible(page)
    new = PlanPeriod.objects.get(previous=review.period)
    assert (new.status, new.items.count()) == (PlanPeriod.Status.DRAFT, 2)
    assert new.items.get(title="Laga middag").goals.get().carried_from is not None

    # The follow-up page shows the new plan's checklist, answered from the draft.
    page.get_by_role("link", name="Checklista för den nya planen").click()
    expect(page.get_by_role("heading", name="Checklista för den nya planen")).to_be_visible()
    assert_accessible(page)
    page.go_back()

    # The previous period stays as it was, with its follow-up.
    page.get_by_role("link", name="Uppföljningen av förra perioden").click()
    expect(page.get_by_text("Uppföljningen är avslutad och kan inte längre ändras.")).to_be_visible()
    page.goto(f"{live_server.url}/brukare/{elsa.pk}/plan/{review.period.pk}/")
    expect(page.get_by_text("kan inte längre ändras")).to_be_visible()
    expect(page.get_by_role("link", name="Ändra insatsen")).to_have_count(0)
