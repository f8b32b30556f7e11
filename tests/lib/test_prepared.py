"""Statements are prepared (and so, after a few runs, planned once for all) only where asked."""

import pytest
from django.db import DatabaseError, connection, transaction

from rodtrad.lib.prepared import PREPARE_AFTER_RUNS, prepared_statements

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def postgresql_only():
    if connection.vendor != "postgresql":
        pytest.skip("prepared statements are PostgreSQL's")


def prepared(tag):
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements WHERE statement LIKE %s", [f"%{tag}%"])
        return cursor.fetchall()


def run_query(times, tag):
    """A statement of its own (the tag is in its text), with a parameter as every ORM query has."""
    with connection.cursor() as cursor:
        for _ in range(times):
            cursor.execute(f"SELECT 1 AS {tag} WHERE %s > 0", [1])


def test_a_query_run_often_inside_the_block_is_prepared():
    with prepared_statements():
        run_query(PREPARE_AFTER_RUNS + 1, "inside")
    assert prepared("inside")


def test_outside_the_block_each_query_is_planned_for_its_own_parameters():
    with prepared_statements():
        pass
    run_query(PREPARE_AFTER_RUNS * 3, "outside")
    assert not prepared("outside")


def test_rodtrad_db_prepare_0_turns_it_off(monkeypatch):
    monkeypatch.setenv("RODTRAD_DB_PREPARE", "0")
    with prepared_statements():
        run_query(PREPARE_AFTER_RUNS * 3, "turned_off")
    assert not prepared("turned_off")


def plan_cache_mode():
    with connection.cursor() as cursor:
        cursor.execute("SHOW plan_cache_mode")
        return cursor.fetchone()[0]


def test_inside_the_block_the_generic_plan_is_used_and_after_it_each_query_is_planned_again():
    with prepared_statements():
        with prepared_statements():
            assert plan_cache_mode() == "force_generic_plan"
        # The inner block leaves it to the outer one.
        assert plan_cache_mode() == "force_generic_plan"
    assert plan_cache_mode() == "auto"


def test_a_failed_statement_in_the_block_is_the_error_that_is_raised():
    with (
        pytest.raises(DatabaseError, match="division by zero"),
        transaction.atomic(),
        prepared_statements(),
        connection.cursor() as cursor,
    ):
        cursor.execute("SELECT 1 / 0")
    assert plan_cache_mode() == "auto"
