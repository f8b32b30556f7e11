"""Twelve months per unit, drawn as SVG on the server with a table beside it."""

import datetime
import re

from django.utils import timezone

from rodtrad.oversight import trends
from rodtrad.plans.models import PlanPeriod

from ..factories import GoalFollowUpFactory, SignedEntryFactory, client_at, end_orders, start_order_on
from .conftest import add_goal, established_period, manager_scope, noon

TODAY = datetime.date(2026, 12, 10)


def points(world, key):
    (unit_trends,) = trends.for_units(manager_scope(world.manager, TODAY))
    series = getattr(unit_trends, key)
    return {point.month: (point.numerator, point.denominator) for point in series.points}


def test_the_twelve_complete_months_before_this_one(world):
    months = list(points(world, "plan_share"))
    assert (months[0], months[-1], len(months)) == (datetime.date(2025, 12, 1), datetime.date(2026, 11, 1), 12)


def test_a_plan_counts_from_the_month_it_was_established_until_it_is_a_year_old(world):
    period = established_period(world.client, world.unit, starts_on=datetime.date(2025, 10, 15))
    PlanPeriod.objects.filter(pk=period.pk).update(established_at=noon(datetime.date(2026, 1, 31)))
    shares = points(world, "plan_share")
    assert shares[datetime.date(2025, 12, 1)] == (0, 1)  # not yet established at the end of December
    assert shares[datetime.date(2026, 1, 1)] == (1, 1)  # established on the last day of January
    assert shares[datetime.date(2026, 9, 1)] == (1, 1)
    assert shares[datetime.date(2026, 10, 1)] == (0, 1)  # its yearly review was due 15 October
    assert shares[datetime.date(2026, 11, 1)] == (0, 1)


def test_clients_count_only_while_their_order_is_open(world):
    late_starter = client_at(world.unit, first_name="Ny")
    start_order_on(late_starter.orders.get(), datetime.date(2026, 6, 10))
    ended = client_at(world.unit, first_name="Slutat")
    end_orders(ended, datetime.date(2026, 4, 1))
    shares = points(world, "plan_share")
    assert shares[datetime.date(2026, 3, 1)][1] == 2  # world.client and the one ending 1 April
    assert shares[datetime.date(2026, 4, 1)][1] == 1
    assert shares[datetime.date(2026, 5, 1)][1] == 1
    assert shares[datetime.date(2026, 6, 1)][1] == 2  # and the one starting 10 June


def test_the_monthly_note_share_counts_signed_entries_about_the_month(world):
    SignedEntryFactory(client=world.client, author=world.staff, occurred_at=noon(datetime.date(2026, 11, 30)))
    SignedEntryFactory(client=world.client, author=world.staff, occurred_at=noon(datetime.date(2026, 10, 1)))
    notes = points(world, "note_share")
    assert notes[datetime.date(2026, 11, 1)] == (1, 1)
    assert notes[datetime.date(2026, 10, 1)] == (1, 1)
    assert notes[datetime.date(2026, 9, 1)] == (0, 1)


def test_goal_follow_ups_are_counted_by_month(world):
    goal = add_goal(established_period(world.client, world.unit, goal=False))
    for day in (datetime.date(2026, 2, 1), datetime.date(2026, 2, 28), datetime.date(2026, 3, 1)):
        GoalFollowUpFactory(goal=goal, followed_up_on=day)
    done = points(world, "follow_ups")
    assert done[datetime.date(2026, 2, 1)] == (2, None)
    assert done[datetime.date(2026, 3, 1)] == (1, None)
    assert done[datetime.date(2026, 4, 1)] == (0, None)


def test_a_count_is_drawn_as_a_bar_as_tall_as_its_share_of_the_scale():
    months = [datetime.date(2026, month, 1) for month in range(1, 13)]
    series = trends.Series(
        "follow_ups", [trends.Point(month, 2 if month.month == 9 else 0, 0) for month in months], False
    )
    drawn = trends.chart(series)
    bars = [point for point in drawn["points"] if point.bar_height]
    assert len(bars) == 1 and bars[0].label == "sep"
    plot_height = trends.HEIGHT - trends.TOP - trends.BOTTOM
    assert bars[0].bar_height == round(plot_height * 2 / 4, 1)  # a scale of 0–4
    assert bars[0].y + bars[0].bar_height == drawn["bottom"]
    assert bars[0].bar_x < bars[0].x < bars[0].bar_x + drawn["bar_width"]


def test_the_trends_page_draws_accessible_svg_with_a_table(world, as_user):
    SignedEntryFactory(
        client=world.client, author=world.staff, occurred_at=timezone.now() - datetime.timedelta(days=35)
    )
    goal = add_goal(established_period(world.client, world.unit, goal=False))
    GoalFollowUpFactory(goal=goal, followed_up_on=timezone.localdate() - datetime.timedelta(days=40))
    body = as_user(world.manager).get("/oversikt/trender/").content.decode()
    assert body.count('<svg viewBox="0 0 520 240" role="img"') == 3
    assert "<desc id=" in body
    svg = body[body.index("<svg") : body.index("</svg>")]
    assert re.findall(r'(?:x|y|cx|cy|y1|y2|height|width)="[^"]*,', svg) == []  # no Swedish decimal commas
    assert "<table" in body and "<script" not in body.split("<main")[1]
    assert body.count('class="trend__bar"') == 1
    assert "Andel brukare med signerad journalanteckning under månaden" in body


def test_the_dashboard_loads_the_trends_as_a_part_without_the_page(world, as_user):
    response = as_user(world.manager).get("/oversikt/trender/", headers={"HX-Request": "true"})
    assert "<html" not in response.content.decode()
    assert "HX-Request" in response["Vary"]
