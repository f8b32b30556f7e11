"""The page benchmark (make bench) at a tiny scale: it measures every page on synthetic data, writes
what CI checks, and its write is a real one. No timing is asserted here (see bench/)."""

import io
import json

import pytest
from django.core.management import call_command

from bench import data
from bench.check_output import problems
from bench.page_cases import ENTRY_TEXT, BenchError
from bench.pages import NAMES, benchmark
from rodtrad.audit.models import AccessEvent, Action
from rodtrad.journal.models import Entry
from tests.factories import client_at

CLIENTS, ENTRIES = 20, 2000
# As few requests as give every figure: the test checks the harness, not the timings.
OPTIONS = {"clients": CLIENTS, "entries": ENTRIES, "reps": 2, "warmup": 0, "query_passes": 1}


@pytest.fixture
def no_collectstatic(monkeypatch):
    # The test settings serve static files without a manifest; collecting them is the bench's own business.
    monkeypatch.setattr(data, "_collect_static", lambda: None)


# Not in a test transaction: the seed ends with VACUUM ANALYZE on PostgreSQL. The service
# catalogue the migrations wrote is put back first (serialized_rollback): the seed needs it.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_every_page_is_measured_on_reused_synthetic_data_and_the_write_is_signed_and_audited(no_collectstatic, capsys):
    call_command("seed_synthetic", clients=CLIENTS, entries=ENTRIES, seed=1, stdout=io.StringIO())
    prepared = data.prepare(CLIENTS, ENTRIES)
    assert prepared["did"] == ["reused"]
    signatures_before = AccessEvent.objects.filter(action=Action.SIGN).count()

    figures = json.loads(json.dumps(benchmark(OPTIONS, prepared)))

    assert problems(figures) == []
    assert set(figures) == {*NAMES, "meta"}
    assert figures["meta"]["clients"] == CLIENTS
    assert figures["meta"]["entries"] == prepared["entries"] >= ENTRIES
    assert figures["meta"]["search"]["entries_matching"] > 0
    for name in NAMES:
        assert figures[name]["queries"] > 0 or name == "writing_check", name
    # Warm-up, timed repetitions and the counted ones: each signed a new entry with its audit event.
    writes = OPTIONS["warmup"] + OPTIONS["reps"] + OPTIONS["query_passes"]
    assert Entry.objects.signed().filter(text=ENTRY_TEXT).count() == writes
    assert AccessEvent.objects.filter(action=Action.SIGN).count() - signatures_before == writes
    assert Entry.objects.drafts().filter(client_id=figures["meta"]["heavy_client"]["id"]).count() == 0
    assert "journal_search" in capsys.readouterr().out


def test_a_database_holding_other_data_is_refused_not_measured(world, no_collectstatic):
    client_at(world.unit, first_name="Inte", last_name="Syntetisk")
    with pytest.raises(BenchError, match="not the synthetic 20 clients and 2000 entries"):
        data.prepare(CLIENTS, ENTRIES)
