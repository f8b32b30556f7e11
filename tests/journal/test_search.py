"""Full-text search in Swedish, on SQLite (FTS5) and on PostgreSQL (swedish text search)."""

import pytest
from django.db import connection

from rodtrad.audit.models import AccessEvent
from rodtrad.journal import search, services
from rodtrad.journal.models import Entry

from ..factories import EntryFactory, SignedEntryFactory
from .conftest import days_ago

on_postgresql = pytest.mark.skipif(connection.vendor != "postgresql", reason="Swedish stemming is PostgreSQL's")


@pytest.fixture
def entries(world):
    def signed(text, days):
        return SignedEntryFactory(client=world.client, author=world.staff, text=text, occurred_at=days_ago(days))

    return {
        "middag": signed("Elsa lagade middag själv. Hon stekte köttbullar.", 1),
        "bio": signed("Elsa gick på BIO med sin syster Anna.", 2),
        "ömt": signed("Elsa sa att foten var öm efter promenaden.", 3),
        "html": signed("Elsa skrev <script>alert(1)</script> på tavlan & skrattade.", 4),
    }


def found(world, query):
    return {entry.text for entry in search.matching(world.client.journal_entries.signed(), query)}


def test_words_are_found_whatever_their_case(world, entries):
    assert found(world, "bio") == {entries["bio"].text}
    assert found(world, "Syster anna") == {entries["bio"].text}


def test_a_word_beginning_finds_the_whole_word(world, entries):
    assert found(world, "laga") == {entries["middag"].text}
    assert found(world, "köttbull") == {entries["middag"].text}


def test_å_ä_ö_are_letters_of_their_own(world, entries):
    assert found(world, "öm") == {entries["ömt"].text}
    assert found(world, "om") == set()


def test_every_word_must_match(world, entries):
    assert found(world, "elsa middag") == {entries["middag"].text}
    assert found(world, "middag bio") == set()


@pytest.mark.parametrize(
    "query", ['"', "bio OR", "NEAR(bio", "bio*)", "-bio", "'; DROP TABLE journal_entry; --", "a:b & !c", "½ ²", "a_b"]
)
def test_query_syntax_in_the_search_words_is_harmless(world, entries, query):
    found(world, query)
    assert Entry.objects.count() == 4


def test_only_this_clients_signed_entries_are_searched(world, entries):
    EntryFactory(client=world.client, author=world.staff, text="Utkast om bio")
    SignedEntryFactory(client=world.other_client, author=world.outsider, text="Annan brukare på bio")
    assert found(world, "bio") == {entries["bio"].text}


def test_the_index_follows_drafts_as_they_change_and_go(world, entries):
    draft = services.save_draft(world.client, author=world.staff, text="Planerade en utflykt")
    assert {e.text for e in search.matching(Entry.objects.all(), "utflykt")} == {"Planerade en utflykt"}
    services.save_draft(world.client, author=world.staff, entry=draft, text="Planerade en resa")
    assert not search.matching(Entry.objects.all(), "utflykt").exists()
    assert search.matching(Entry.objects.all(), "resa").exists()
    services.discard_draft(draft, user=world.staff)
    assert not search.matching(Entry.objects.all(), "resa").exists()


def test_hits_are_marked_and_everything_else_is_escaped(world, entries):
    marked = search.highlighted([entries["html"], entries["bio"]], "skrattade bio")
    assert marked[entries["bio"].pk] == "Elsa gick på <mark>BIO</mark> med sin syster Anna."
    html = marked[entries["html"].pk]
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&amp; <mark>skrattade</mark>" in html


def test_marks_are_balanced_whatever_the_text_holds():
    assert search.marks_to_html("a\x03b\x02c\x02d") == "ab<mark>cd</mark>"
    assert search.marks_to_html("<b>\x02x\x03</b>\ny") == "&lt;b&gt;<mark>x</mark>&lt;/b&gt;<br>y"


def test_the_journal_page_searches_highlights_and_logs_the_words(world, entries, as_user):
    page = as_user(world.staff).get(f"/brukare/{world.client.pk}/journal/?q=middag").content.decode()
    assert "<mark>middag</mark>" in page
    assert entries["bio"].text not in page
    assert AccessEvent.objects.filter(client=world.client).latest("pk").detail == "middag"


def test_search_and_filters_together_page_on(world, as_user):
    for day in range(60):
        SignedEntryFactory(
            client=world.client, author=world.staff, text=f"Promenad dag {day}", occurred_at=days_ago(day)
        )
    browser = as_user(world.staff)
    first = browser.get(f"/brukare/{world.client.pk}/journal/?q=promenad&kategori=event").content.decode()
    assert first.count("<mark>") == 50
    assert "q=promenad&amp;kategori=event&amp;sida=2" in first
    second = browser.get(f"/brukare/{world.client.pk}/journal/?q=promenad&kategori=event&sida=2").content.decode()
    assert second.count("<mark>") == 10


@on_postgresql
def test_swedish_stemming_finds_other_forms_of_a_word(world, entries):
    assert found(world, "lagar") == {entries["middag"].text}
    assert found(world, "stekt") == {entries["middag"].text}


@on_postgresql
def test_a_search_tests_the_stored_vector_instead_of_computing_one_per_entry(world, entries):
    with connection.cursor() as cursor:
        queryset = search.matching(world.client.journal_entries.signed(), "middag").values("pk")
        sql, params = queryset.query.sql_with_params()
        cursor.execute(f"EXPLAIN VERBOSE {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "search_vector @@" in plan
    assert "to_tsvector" not in plan


@on_postgresql
def test_the_stored_vector_follows_a_draft_as_it_is_rewritten(world):
    draft = EntryFactory(client=world.client, author=world.staff, category="event", text="Vi bakade bullar.")
    draft.text = "Vi plockade svamp i skogen."
    draft.save()
    services.sign_entry(draft, user=world.staff)
    assert set(search.matching(Entry.objects.filter(pk=draft.pk), "svamp")) == {draft}
    assert not search.matching(Entry.objects.filter(pk=draft.pk), "bullar").exists()


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the FTS5 table is SQLite's")
def test_sqlite_keeps_an_fts5_table_in_step(world, entries):
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM journal_entry_fts WHERE journal_entry_fts MATCH 'elsa'")
        assert cursor.fetchone()[0] == 4
