"""Nothing typed is lost: the draft is saved on the server as the person writes. What the
browser keeps (static/rodtrad/drafts.js) is tested in tests/e2e/test_journal.py; here, the server's side."""

from django.utils import timezone

from rodtrad.audit.models import AccessEvent, Action
from rodtrad.journal import services
from rodtrad.journal.models import Entry

from ..factories import EntryFactory, SignedEntryFactory
from .conftest import says


def autosave_url(client):
    return f"/brukare/{client.pk}/journal/utkast/spara/"


def typed(**changes):
    data = {"text": "Elsa ville gå ut", "category": "", "occurred_at": "", "entry": ""}
    return {**data, **changes}


def test_the_first_save_makes_a_draft_and_says_when(world, as_user):
    response = as_user(world.staff).post(autosave_url(world.client), typed(), HTTP_HX_REQUEST="true")
    entry = Entry.objects.get(client=world.client)
    assert (entry.text, entry.author, entry.is_signed) == ("Elsa ville gå ut", world.staff, False)
    assert response["X-Draft-Status"] == "saved"
    assert response["X-Draft-Id"] == str(entry.pk)
    assert response["X-Draft-Version"] == entry.updated_at.isoformat()
    assert response["HX-Replace-Url"] == f"/brukare/{world.client.pk}/journal/{entry.pk}/andra/"
    page = response.content.decode()
    assert says(response, "Saved")
    assert timezone.localtime().strftime("%H:%M") in page
    # The form learns the draft's id without the text area being touched.
    assert 'id="entry-id"' in page and 'hx-swap-oob="true"' in page and f'value="{entry.pk}"' in page
    event = AccessEvent.objects.filter(client=world.client).latest("pk")
    assert (event.action, event.user) == (Action.CREATE, world.staff)


def test_later_saves_update_the_same_draft(world, as_user):
    entry = EntryFactory(client=world.client, author=world.staff, text="Början")
    response = as_user(world.staff).post(autosave_url(world.client), typed(entry=entry.pk, text="Början och slutet"))
    assert response["X-Draft-Status"] == "saved"
    assert "HX-Replace-Url" not in response
    assert Entry.objects.get().text == "Början och slutet"
    event = AccessEvent.objects.filter(client=world.client).latest("pk")
    assert (event.action, event.object_id) == (Action.UPDATE, str(entry.pk))


def test_nothing_typed_makes_no_draft(world, as_user):
    response = as_user(world.staff).post(autosave_url(world.client), typed(text="  "))
    assert response["X-Draft-Status"] == "empty"
    assert not Entry.objects.exists()


def test_a_half_typed_time_does_not_stop_the_text_from_being_saved(world, as_user):
    response = as_user(world.staff).post(autosave_url(world.client), typed(occurred_at="2025-13-4"))
    assert response["X-Draft-Status"] == "saved"
    assert Entry.objects.get().text == "Elsa ville gå ut"
    assert says(response, "Not saved, check:")


def test_a_signed_entry_is_not_overwritten_by_an_autosave(world, as_user):
    entry = SignedEntryFactory(client=world.client, author=world.staff, text="Signerat")
    response = as_user(world.staff).post(autosave_url(world.client), typed(entry=entry.pk, text="Skrivet över"))
    assert response["X-Draft-Status"] == "refused"
    assert Entry.objects.get(pk=entry.pk).text == "Signerat"


def test_someone_elses_draft_is_not_found(world, as_user):
    entry = EntryFactory(client=world.client, author=world.manager, text="Chefens")
    response = as_user(world.staff).post(autosave_url(world.client), typed(entry=entry.pk, text="Kapat"))
    assert response.status_code == 404
    assert Entry.objects.get(pk=entry.pk).text == "Chefens"


def test_a_draft_of_another_client_cannot_be_saved_through_this_one(world, as_user):
    other = EntryFactory(client=world.other_client, author=world.staff, text="Annan")
    response = as_user(world.staff).post(autosave_url(world.client), typed(entry=other.pk, text="Flyttat"))
    assert response.status_code == 404
    assert Entry.objects.get(pk=other.pk).text == "Annan"


def test_an_expired_session_sends_the_save_to_sign_in_and_saves_nothing(world, client):
    response = client.post(autosave_url(world.client), typed(), HTTP_HX_REQUEST="true")
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/logga-in/?next=")
    # drafts.js tells this answer from a save by where it ends (the sign-in page), and keeps the text.
    assert "X-Draft-Status" not in response
    assert not Entry.objects.exists()


def test_the_draft_survives_a_closed_tab(world, as_user):
    browser = as_user(world.staff)
    browser.post(autosave_url(world.client), typed(text="Skrivet innan fliken stängdes"))
    entry = Entry.objects.get()
    journal = browser.get(f"/brukare/{world.client.pk}/journal/").content.decode()
    assert f"/brukare/{world.client.pk}/journal/{entry.pk}/andra/" in journal
    form = browser.get(f"/brukare/{world.client.pk}/journal/{entry.pk}/andra/").content.decode()
    assert "Skrivet innan fliken stängdes" in form


def test_the_form_saves_as_the_person_writes_and_keeps_focus(world, as_user):
    page = as_user(world.staff).get(f"/brukare/{world.client.pk}/journal/ny/").content.decode()
    assert f'hx-post="{autosave_url(world.client)}"' in page
    assert 'hx-trigger="input changed delay:1500ms, draft:resend"' in page
    # Only the status and the findings are swapped, never the text area.
    assert 'hx-target="#save-status"' in page and 'hx-target="#findings"' in page
    assert 'id="save-status" class="save-status" role="status" aria-live="polite"' in page
    assert "rodtrad/drafts.js" in page
    assert f'data-draft-key="{world.staff.pk}.{world.client.pk}"' in page


def opened_elsewhere(world, text="Skrivet i den andra fliken"):
    """A draft as one tab opened it, then saved by another tab (or session) of the same author."""
    entry = EntryFactory(client=world.client, author=world.staff, text="Början")
    opened = services.draft_version(entry)
    services.save_draft(world.client, author=world.staff, entry=entry, text=text)
    entry.refresh_from_db()
    return entry, opened


def test_an_autosave_over_a_newer_version_is_refused_and_offers_both(world, as_user):
    entry, opened = opened_elsewhere(world)
    browser = as_user(world.staff)
    response = browser.post(
        autosave_url(world.client), typed(entry=entry.pk, version=opened, text="Min text från den här fliken")
    )
    assert response.status_code == 409
    assert response["X-Draft-Status"] == "stale"
    assert response["X-Draft-Version"] == services.draft_version(entry)
    body = response.content.decode()
    assert "Skrivet i den andra fliken" in body  # the saved version, offered
    assert "Spara min text i stället" in body and "Använd den sparade versionen" in body
    assert Entry.objects.get(pk=entry.pk).text == "Skrivet i den andra fliken"
    # The writer chooses their own text: saved over the version they were shown.
    response = browser.post(
        autosave_url(world.client),
        typed(entry=entry.pk, version=opened, overwrite=services.draft_version(entry), text="Min text"),
    )
    assert response["X-Draft-Status"] == "saved"
    assert Entry.objects.get(pk=entry.pk).text == "Min text"


def test_saving_the_form_over_a_newer_version_keeps_the_writers_text_and_shows_the_saved_one(world, as_user):
    entry, opened = opened_elsewhere(world)
    response = as_user(world.staff).post(
        f"/brukare/{world.client.pk}/journal/{entry.pk}/andra/",
        typed(entry=entry.pk, version=opened, text="Min text", action="save"),
    )
    assert response.status_code == 409
    body = response.content.decode()
    assert "\nMin text</textarea>" in body
    assert "Skrivet i den andra fliken" in body
    # Further autosaves from this page are refused too, until the writer has chosen.
    assert f'name="version" id="entry-version" value="{opened}"' in body
    assert f'name="overwrite" value="{services.draft_version(entry)}"' in body
    assert Entry.objects.get(pk=entry.pk).text == "Skrivet i den andra fliken"


def test_a_save_from_the_version_opened_is_saved(world, as_user):
    entry = EntryFactory(client=world.client, author=world.staff, text="Början")
    response = as_user(world.staff).post(
        autosave_url(world.client), typed(entry=entry.pk, version=services.draft_version(entry), text="Början, mer")
    )
    assert response["X-Draft-Status"] == "saved"
    entry.refresh_from_db()
    assert response["X-Draft-Version"] == services.draft_version(entry)
    assert f'id="entry-version" value="{services.draft_version(entry)}" hx-swap-oob="true"' in response.content.decode()
