"""Reading the journal: the list (newest first, filtered, searched, paged) and one entry with
its corrections and objections."""

from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.http import urlencode

from rodtrad.clients import access
from rodtrad.clients.services import is_closed

from . import cards, queries, search, services
from .due import monthly_note
from .forms import FilterForm, OpenedFilterForm
from .models import Category, Entry


def _filter_query(form) -> str:
    """The filters as a query string for the page links, ending in & (see _pagination.html)."""
    if not form.is_bound:
        return ""
    kept = {name: value for name, value in form.data.items() if name != "sida" and value}
    return urlencode(kept) + "&" if kept else ""


def journal(request, client_id):
    query = request.GET.get("q", "").strip()[:100]
    client = access.client_for(request, client_id, object_type="journal", detail=query)
    form = FilterForm(request.GET or None, client=client)
    entries = queries.signed_entries(client)
    filtering = form.is_bound and form.is_valid()
    if filtering:
        entries = queries.filtered(entries, form.cleaned_data)
        entries = search.matching(entries, form.cleaned_data["q"])
    paginator = Paginator(queries.with_details(entries).newest_first(), queries.ENTRIES_PER_PAGE)
    # Counted without what a card shows: the count's query is then built from the plain one.
    paginator.count = entries.count()
    page = paginator.get_page(request.GET.get("sida"))
    page.object_list = list(page.object_list)
    searched = query if filtering and search.terms(form.cleaned_data["q"]) else ""
    if searched:
        highlights = search.highlighted(page.object_list, searched)
        for entry in page.object_list:
            entry.highlight = highlights.get(entry.pk)
    read_only = is_closed(client)
    # Open with their choices: filters in use or refused, or asked for by the link that stands in
    # for them without script.
    show_filters = (
        "filtrera" in request.GET
        or bool(form.errors)
        or (filtering and any(value for name, value in form.cleaned_data.items() if name != "q"))
    )
    return render(
        request,
        "journal/list.html",
        {
            "client": client,
            "form": form,
            "page": page,
            "cards": cards.render_cards(page.object_list, link=True, level=3),
            "searched": searched,
            "filtered": filtering and any(form.cleaned_data.values()),
            "show_filters": show_filters,
            "extra_query": _filter_query(form),
            "drafts": [] if read_only else queries.own_drafts(client, request.user),
            "read_only": read_only,
            "needs_monthly_note": not read_only and monthly_note.missing(client),
            "monthly_note_month": None if read_only else monthly_note.due_month(client),
            "categories": Category,
        },
    )


def filters(request, client_id):
    """The journal's filters, fetched when they are opened (journal/list.html)."""
    client = access.client_for(request, client_id, object_type="journal")
    form = OpenedFilterForm(request.GET or None, client=client)
    return render(request, "journal/_filters.html", {"client": client, "form": form})


def entry_detail(request, client_id, entry_id):
    readable = queries.with_details(Entry.objects.readable_by(request.user).filter(client_id=client_id))
    entry = access.object_for(request, readable, entry_id)
    if not entry.is_signed:
        return redirect("journal:edit", client_id, entry.pk)
    read_only = is_closed(entry.client)
    return render(
        request,
        "journal/detail.html",
        {
            "client": entry.client,
            "entry": entry,
            "can_correct": not read_only and services.may_correct(entry, request.user),
            "read_only": read_only,
        },
    )
