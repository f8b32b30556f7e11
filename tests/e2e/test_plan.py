"""The implementation plan in a browser, on the demo data: a contact person writes Jonas's plan
from empty to established (participation, a plan item, a goal composed in the goal template, a
risk, the client's confirmation), is first told what is missing, and downloads both documents;
and nothing typed into a plan form is lost to a closed tab or an expired session."""

import re
import subprocess

import pytest
from django.contrib.sessions.models import Session
from playwright.sync_api import expect

from rodtrad.clients.models import Client
from rodtrad.core import demo
from rodtrad.plans.models import FormDraft, PlanPeriod

pytestmark = pytest.mark.e2e


def pdf_text(download) -> str:
    return subprocess.run(["pdftotext", download.path(), "-"], capture_output=True, check=True).stdout.decode()


def flat(text: str) -> str:
    return " ".join(text.split())


def draft_saved(page):
    """The server has the draft: "Utkastet sparat 10:32", not the page's "senast sparat"."""
    return expect(page.locator("[data-draft-status]")).to_contain_text(re.compile(r"Utkastet sparat \d\d:\d\d"))


def test_a_contact_person_writes_a_plan_from_empty_to_established(
    page, live_server, demo_data, sign_in, assert_accessible
):
    jonas = Client.objects.get(first_name="Jonas", last_name="Öhman")
    assert jonas.has_protected_details and jonas.address
    sign_in(page, live_server, "kontaktman")

    page.goto(f"{live_server.url}/brukare/{jonas.pk}/")
    page.get_by_role("link", name="Alla planer och perioder").click()
    expect(page.get_by_role("heading", name="Genomförandeplaner", level=1)).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Påbörja planen på Gruppbostaden Lärkan").click()
    expect(page.get_by_role("heading", name="Genomförandeplan: Gruppbostaden Lärkan", level=1)).to_be_visible()
    assert_accessible(page)

    # Too early: the page lists everything that is missing.
    page.get_by_role("button", name="Fastställ planen").click()
    missing = page.get_by_role("alert")
    expect(missing).to_contain_text("Perioden kunde inte fastställas")
    for part in ("Planeringsdatum", "Hur brukaren var delaktig", "SMART-mål", "Riskbedömningen"):
        expect(missing).to_contain_text(part)
    assert_accessible(page)

    # Planens framtagande, saved as it is written.
    participation = page.locator("form", has=page.get_by_label("Hur brukaren var delaktig"))
    participation.get_by_label("Planeringsdatum").fill("2026-11-20")
    participation.get_by_label("Hur brukaren var delaktig").fill(
        "Jonas var med hela mötet och valde själv vad planen tar upp."
    )
    participation.get_by_label("Vilka som deltog").fill("Jonas Öhman, Karim Haddad (kontaktman)")
    participation.get_by_label("Planerad uppföljning").fill("2027-05-20")
    expect(participation.locator("[data-draft-status]")).to_contain_text(re.compile(r"Sparat \d\d:\d\d"))

    # A plan item in the section for meals.
    page.get_by_role("link", name="Lägg till insats – Måltidssituation").click()
    expect(page.get_by_role("heading", name="Ny insats", level=1)).to_be_visible()
    page.get_by_label("Aktivitet").fill("Handla mat")
    page.get_by_label("Vad brukaren gör själv").fill("Jonas skriver inköpslistan.")
    page.get_by_label("Vilket stöd brukaren vill ha").fill("Sällskap till affären.")
    page.get_by_label("Hur brukaren vill ha det").fill("Jonas vill gå på förmiddagen när det är lugnt.")
    assert_accessible(page)
    page.get_by_role("button", name="Spara").click()
    expect(page.get_by_role("heading", name="Handla mat", level=3)).to_be_visible()

    # A goal in the goal template: the sentence is composed while the parts are filled in.
    page.get_by_role("link", name="Lägg till mål – Handla mat").click()
    expect(page.get_by_role("heading", name="Nytt mål: Handla mat", level=1)).to_be_visible()
    page.get_by_label("Typ av mål").select_option(label="Utveckla förmåga")
    sentence = page.locator("#goal-preview output")
    page.get_by_role("textbox", name="Vad", exact=True).press_sequentially("handla själv", delay=10)
    expect(sentence).to_have_text("Handla själv.")
    page.get_by_label("Hur ofta eller hur mycket").press_sequentially("en gång i veckan", delay=10)
    page.get_by_label("Med vilket stöd").fill("en bildlista")
    page.get_by_label("Senast när").fill("2027-06-30")
    page.get_by_label("Varför det är viktigt för brukaren").fill("han vill bestämma själv vad han äter")
    expect(sentence).to_have_text(
        "Handla själv en gång i veckan, med en bildlista, senast 30 juni 2027. "
        "Det är viktigt eftersom han vill bestämma själv vad han äter."
    )
    assert_accessible(page)
    page.get_by_role("button", name="Spara målet").click()
    expect(page.get_by_text("Handla själv en gång i veckan, med en bildlista")).to_be_visible()

    # The risk assessment: consequence × likelihood gives the risk class.
    page.get_by_role("link", name="Gör riskbedömningen").click()
    page.get_by_label("Bedömd").fill("2026-11-20")
    page.get_by_label("Team (namn och titlar)").fill("Karim Haddad (kontaktman), Cecilia Ekström (enhetschef)")
    page.get_by_label("Huvudansvarig för riskbedömningen").fill("Karim Haddad")
    page.get_by_role("button", name="Spara bedömningen").click()
    new_risk = page.locator("form", has=page.get_by_role("heading", name="Lägg till en risk"))
    new_risk.get_by_label("Aktivitet").select_option(label="Handla mat")
    new_risk.get_by_label("Risk (vad har hänt eller vad kan hända)").fill("Jonas kan gå vilse på vägen hem.")
    new_risk.get_by_label("Konsekvens").select_option(label="Betydande – allvarlig skada eller påtaglig risk för skada")
    new_risk.get_by_label("Sannolikhet").select_option(label="Liten – varje månad")
    new_risk.get_by_label("Åtgärder som behöver vidtas").fill("Personal följer med tills vägen känns trygg.")
    new_risk.get_by_role("textbox", name="Ansvarig", exact=True).fill("Karim Haddad")
    new_risk.get_by_label("Uppföljning").fill("2027-02-20")
    assert_accessible(page)
    new_risk.get_by_role("button", name="Lägg till risken").click()
    expect(page.get_by_role("heading", name="R2: Jonas kan gå vilse på vägen hem.")).to_be_visible()
    page.get_by_role("link", name="Genomförandeplan").click()

    # The client's confirmation, then establishing.
    signature = page.locator("form", has=page.get_by_role("button", name="Registrera bekräftelsen"))
    signature.get_by_label("Bekräftelse").select_option(label="Bekräftad muntligt")
    signature.get_by_role("textbox", name="Bekräftad", exact=True).fill("2026-11-20")
    signature.get_by_label("Bekräftad av").fill("Jonas Öhman")
    signature.get_by_role("button", name="Registrera bekräftelsen").click()
    expect(page.get_by_text("Allt som krävs finns på plats.")).to_be_visible()
    page.get_by_role("button", name="Fastställ planen").click()
    expect(page.get_by_text("Planperioden är fastställd.")).to_be_visible()
    expect(page.get_by_text(re.compile("Fastställd .* av Karim Haddad, Stödpedagog"))).to_be_visible()
    assert_accessible(page)
    period = PlanPeriod.objects.get(plan__client=jonas)
    assert period.is_established

    with page.expect_download() as final:
        page.get_by_role("link", name="Slutdokument till handläggaren (PDF)").click()
    with page.expect_download() as plain:
        page.get_by_role("link", name="Lättläst version för brukaren (PDF)").click()
    final_text, plain_text = pdf_text(final.value), pdf_text(plain.value)
    assert "Genomförandeplan: Jonas Öhman" in final_text
    assert "Handla själv en gång i veckan" in flat(final_text)
    assert "R2: Jonas kan gå vilse på vägen hem." in flat(final_text)
    assert "Bekräftad muntligt, 20 november 2026, Jonas Öhman" in flat(final_text)
    assert "Min plan, Jonas" in plain_text
    assert "Jonas vill gå på förmiddagen när det är lugnt." in flat(plain_text)
    for text in (final_text, plain_text):
        assert re.search(r"Sida 1 av \d", text)
        assert jonas.address not in text
    assert "Skyddade personuppgifter" in final_text


def test_a_plan_item_being_written_survives_a_closed_tab(page, live_server, demo_data, sign_in):
    omar = Client.objects.get(first_name="Omar", last_name="Åberg")
    period = PlanPeriod.objects.get(plan__client=omar)
    sign_in(page, live_server, "kontaktman")
    page.goto(f"{live_server.url}/brukare/{omar.pk}/plan/{period.pk}/insatser/ny/")
    page.get_by_label("Aktivitet").fill("Morgonpromenad")
    page.get_by_label("Hur brukaren vill ha det").press_sequentially("Omar vill gå före frukost.", delay=10)
    draft_saved(page)
    context = page.context
    page.close()

    again = context.new_page()
    again.goto(f"{live_server.url}/brukare/{omar.pk}/plan/{period.pk}/")
    unsaved = again.get_by_role("region", name="Dina osparade formulär")
    unsaved.get_by_role("link", name="Ny insats").click()
    expect(again.get_by_label("Aktivitet")).to_have_value("Morgonpromenad")
    expect(again.get_by_label("Hur brukaren vill ha det")).to_have_value("Omar vill gå före frukost.")


def test_a_goal_typed_after_the_session_expired_comes_back_after_signing_in(page, live_server, demo_data, sign_in):
    omar = Client.objects.get(first_name="Omar", last_name="Åberg")
    # Omar's plan is a draft being written, with a plan item that has no goal yet.
    period = PlanPeriod.objects.get(plan__client=omar)
    item = period.items.first()
    sign_in(page, live_server, "kontaktman")
    page.goto(f"{live_server.url}/brukare/{omar.pk}/plan/{period.pk}/insatser/{item.pk}/mal/ny/")
    what = page.get_by_role("textbox", name="Vad", exact=True)
    what.press_sequentially("sortera skruvar", delay=10)
    draft_saved(page)

    Session.objects.all().delete()  # the session ends on the server, as after 30 idle minutes
    page.get_by_label("Hur ofta eller hur mycket").press_sequentially("varje förmiddag", delay=10)
    status = page.locator("[data-draft-status]")
    expect(status).to_contain_text("du har blivit utloggad")

    status.get_by_role("link", name="Logga in igen").click()
    page.get_by_label("Användarnamn").fill("kontaktman")
    page.get_by_label("Lösenord").fill(demo.PASSWORD)
    page.get_by_role("button", name="Logga in").click()

    expect(page.get_by_label("Hur ofta eller hur mycket")).to_have_value("varje förmiddag")
    expect(page.get_by_role("textbox", name="Vad", exact=True)).to_have_value("sortera skruvar")
    expect(page.locator("[data-draft-notice]")).to_contain_text("har lagts tillbaka")
    expect(page.locator("#goal-preview output")).to_have_text("Sortera skruvar varje förmiddag.")
    draft_saved(page)
    assert FormDraft.objects.get(period=period).data["how_often"] == "varje förmiddag"
