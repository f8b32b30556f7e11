"""Full-text search of journal entries in Swedish, one implementation per database.

PostgreSQL: the Swedish tsvector stored with each entry (migration 0005) and a prefix tsquery,
so "laga" finds "lagade" both by stemming and by prefix; ts_headline marks the hits. A search is
always within one client's journal, which the client index narrows first.
SQLite: the FTS5 table journal_entry_fts (migration 0003) with prefix terms, no stemming;
highlight() marks the hits.

The user's words never reach a query language unescaped: a query is cut into words of
letters and digits, and every other character is dropped. Highlights come back from the
database with control characters as marks; the text is escaped first and only then are the
marks turned into <mark> elements, so no user text is ever marked safe unescaped."""

import re

from django.contrib.postgres.search import SearchHeadline, SearchQuery
from django.db import connection
from django.db.models import BooleanField
from django.db.models.expressions import RawSQL
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .models import Entry

MAX_TERMS = 8
START, STOP = "\x02", "\x03"
_WORD = re.compile(r"\w+", re.UNICODE)
_MARKS = re.compile(f"({START}|{STOP})")


def terms(query: str) -> list[str]:
    """The words of a query, lower-cased, without duplicates, at most MAX_TERMS."""
    found = []
    for word in _WORD.findall(query.lower()):
        word = word.strip("_")
        if word and word not in found:
            found.append(word)
    return found[:MAX_TERMS]


def _tsquery(words):
    return " & ".join(f"{word}:*" for word in words)


def _fts5_query(words):
    return " ".join(f'"{word}"*' for word in words)


def matching(queryset, query: str):
    """`queryset` narrowed to entries whose text matches every word of `query`."""
    words = terms(query)
    if not words:
        return queryset
    if connection.vendor == "postgresql":
        # The stored column is not a model field: SQLite has no tsvector to give it.
        return queryset.filter(
            RawSQL(
                "journal_entry.search_vector @@ to_tsquery('swedish'::regconfig, %s)",
                [_tsquery(words)],
                output_field=BooleanField(),
            )
        )
    return queryset.filter(
        pk__in=RawSQL("SELECT rowid FROM journal_entry_fts WHERE journal_entry_fts MATCH %s", [_fts5_query(words)])
    )


def marks_to_html(marked: str) -> SafeString:
    """Escape text that carries START/STOP marks and turn the marks into <mark> elements,
    balanced whatever the input holds."""
    html, open_mark = [], False
    for part in _MARKS.split(marked):
        if part == START:
            if not open_mark:
                html.append("<mark>")
                open_mark = True
        elif part == STOP:
            if open_mark:
                html.append("</mark>")
                open_mark = False
        else:
            html.append(str(escape(part)).replace("\n", "<br>"))
    if open_mark:
        html.append("</mark>")
    return mark_safe("".join(html))  # noqa: S308 - every piece of text above was escaped


def highlighted(entries, query: str) -> dict[int, SafeString]:
    """The text of each entry with the query's words marked, by entry id."""
    words = terms(query)
    ids = [entry.pk for entry in entries]
    if not words or not ids:
        return {}
    if connection.vendor == "postgresql":
        rows = (
            Entry.objects.filter(pk__in=ids)
            .annotate(
                headline=SearchHeadline(
                    "text",
                    SearchQuery(_tsquery(words), config="swedish", search_type="raw"),
                    config="swedish",
                    start_sel=START,
                    stop_sel=STOP,
                    highlight_all=True,
                )
            )
            .values_list("pk", "headline")
        )
    else:
        placeholders = ", ".join(["%s"] * len(ids))
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT rowid, highlight(journal_entry_fts, 0, char(2), char(3)) FROM journal_entry_fts "  # noqa: S608
                f"WHERE journal_entry_fts MATCH %s AND rowid IN ({placeholders})",
                # Any of the words: every one of them is marked wherever it occurs.
                [" OR ".join(f'"{word}"*' for word in words), *ids],
            )
            rows = cursor.fetchall()
    return {pk: marks_to_html(text) for pk, text in rows}
