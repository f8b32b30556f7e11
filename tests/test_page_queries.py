"""Every page the benchmark times (issue 8, `make bench`) runs a fixed number of queries whatever
the amount of data, so that an N+1 fails here even where timing cannot be measured.

Each page is opened on a small setting and on a large one (tests/page_data.py: more units,
clients, plan items, goals, follow-ups, entries, corrections, objections, consents...). The
large one may need no more queries than the small one did."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from rodtrad.journal.models import Entry
from rodtrad.oversight.catalogue import RULES, counts
from rodtrad.oversight.scope import for_contact_person, for_manager

from .page_data import LARGE, SEARCHED, SMALL, setting

# About a thousand characters, as the benchmark's writing check; invented.
WRITTEN = (
    "Elsa vaknade tidigt och ville laga frukost själv. Hon tog fram mjölk, flingor och en skål och "
    "dukade vid fönstret. Jag stod bredvid och visade bildrecepten när hon frågade efter dem. "
    "Hon sa att hon ville prova att koka ägg nästa gång. Efter frukosten gick vi till affären och "
    "handlade till middagen. Elsa skrev själv inköpslistan med stöd av bilderna. I affären hittade "
    "hon allt utom potatisen, som hon frågade personalen om. Hon betalade med sitt kort och sa att "
    "det kändes bra. På eftermiddagen lagade hon middag med stöd av bildrecept: fiskpinnar, potatis "
    "och morötter. Hon skalade potatisen själv och jag hjälpte till med spisen. Hon åt med god aptit "
    "och berättade att hon vill bjuda sin mamma på samma middag. Vi bestämde att hon ringer mamma "
    "på söndag. På kvällen tittade hon på tv och gick och lade sig vid tiotiden. Hon sa att dagen "
    "hade varit bra och att hon var trött men nöjd. Nästa gång tar vi fram receptet på ägg. "
    "Kvällspersonalen sa att hon sov gott hela natten och inte ringde på larmet en enda gång."
)


@dataclass(frozen=True)
class Page:
    name: str  # as in var/bench.json, or a variant of one
    # (test client, setting) -> a function sending the request that is counted. What the
    # request needs (addresses, ids, a draft to sign) is looked up before, and not counted.
    opens: Callable
    who: str = "staff"  # the setting's user who opens it; "" for nobody signed in
    status: int = 200


def get(address):
    def opens(browser, data):
        path = address(data)
        return lambda: browser.get(path)

    return opens


def journal_url(data, rest=""):
    return f"/brukare/{data.client.pk}/journal/{rest}"


def period_url(period, rest=""):
    return f"/brukare/{period.plan.client_id}/plan/{period.pk}/{rest}"


def entry_form(data):
    """The new-entry form as the writer sends it with "Review and sign", about a goal."""
    item = data.period.items.first()
    return {
        "category": "event",
        "occurred_at": (timezone.localtime() - datetime.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"),
        "text": WRITTEN,
        "plan_item": item.pk,
        "goal": item.goals.first().pk,
        "action": "review",
    }


def saving_the_draft(browser, data):
    path, form = journal_url(data, "ny/"), entry_form(data)
    return lambda: browser.post(path, form)


def signing(browser, data):
    """As the benchmark times it: the draft saved first, then the signing, with its audit event."""
    saved = browser.post(journal_url(data, "ny/"), entry_form(data))
    assert saved["Location"].endswith("/signera/")
    return lambda: browser.post(saved["Location"], {})


def checking(browser, data):
    path = journal_url(data, "skrivhjalp/")
    return lambda: browser.post(path, {"text": WRITTEN})


PAGES = [
    Page("sign_in", get(lambda data: "/konto/logga-in/"), who=""),
    Page("my_clients", get(lambda data: "/")),
    Page("client_overview", get(lambda data: f"/brukare/{data.client.pk}/")),
    Page("journal", get(journal_url)),
    Page("journal_search", get(lambda data: journal_url(data, f"?q={SEARCHED}"))),
    Page("dashboard", get(lambda data: "/oversikt/"), who="manager"),
    Page("dashboard_one_unit", get(lambda data: f"/oversikt/?enhet={data.units[0].pk}"), who="manager"),
    Page("plan", get(lambda data: period_url(data.period))),
    Page("plan_being_written", get(lambda data: period_url(data.draft))),
    Page("plan_pdf", get(lambda data: period_url(data.period, "slutdokument.pdf"))),
    Page("plan_pdf_plain_language", get(lambda data: period_url(data.period, "min-plan.pdf"))),
    Page("entry_draft", saving_the_draft, status=302),
    Page("entry_write", signing, status=302),
    Page("writing_check", checking),
]


def ready_to_open(page, client, data):
    """Signed in as the setting's user: the function that sends the request to count."""
    client.logout()
    if page.who:
        client.force_login(getattr(data, page.who))
    send = page.opens(client, data)

    def sent():
        response = send()
        assert response.status_code == page.status, response.content.decode()[:500]

    return sent


@pytest.fixture
def small(db):
    return setting(SMALL, name="Liten")


@pytest.fixture
def large(db):
    return setting(LARGE, name="Stor")


# Not named `page`: pytest-playwright has a fixture of that name.
@pytest.mark.parametrize("benchmarked", PAGES, ids=[page.name for page in PAGES])
def test_a_page_needs_no_more_queries_for_much_data_than_for_little(
    benchmarked, small, large, client, django_assert_max_num_queries, record_property
):
    send = ready_to_open(benchmarked, client, small)
    with CaptureQueriesContext(connection) as captured:
        send()
    # Counted now: the captured queries are read from the connection's log, which the next
    # request (the large setting's preparation) empties.
    measured = len(captured)
    send = ready_to_open(benchmarked, client, large)
    with django_assert_max_num_queries(measured) as captured:
        send()
    # In the JUnit report (--junitxml), for docs/benchmarks.md and for reading a failure.
    record_property("queries", {"small": measured, "large": len(captured)})


def test_the_settings_meet_every_rule_and_the_large_one_more_often(small, large):
    """Guard for the test above: the dashboard and the to-do have lines of every rule to show
    in the small setting already, so that a query per line would be seen to grow."""
    managing = counts(for_manager(small.manager)), counts(for_manager(large.manager))
    to_do = counts(for_contact_person(small.staff)), counts(for_contact_person(large.staff))
    for few, many in (managing, to_do):
        assert all(0 < few[key] < many[key] for key in few), (few, many)
    assert set(managing[0]) == {rule.key for rule in RULES}
    assert set(to_do[0]) == {rule.key for rule in RULES if not rule.managers_only}
    # More entries than the journal shows on a page, and than the small setting has.
    assert Entry.objects.filter(client=large.client).count() > 50 > Entry.objects.filter(client=small.client).count()
