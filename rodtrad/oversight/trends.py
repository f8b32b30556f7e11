"""The last twelve complete calendar months per unit, counted from the records as they are now.

- Current plan at the end of a month: among the clients with an order at the unit that needs a
  plan and was open at the month's end (begun by then, not ended by then), the share who had a
  period of their plan at that unit established by the month's end (established_at), begun by
  then, and not yet past its yearly review (PlanPeriod.review_due_on on or after the month's
  end). A period established late does not count for the months before it was established;
  a plan that was a year old by the month's end does not count, even if renewed later.
- Monthly note: among the clients with an order at the unit open at the month's end, the share
  with at least one signed entry that happened in the month (an entry written late, about that
  month, counts for it, as it does for the monthly-note rule).
- Goal follow-ups done: the number of follow-ups of goals of the unit's plans dated in the month.

Three queries for any number of units and clients: every month is a filtered aggregate of one
grouped query, computed in the database."""

from dataclasses import dataclass

from django.db.models import Count, Exists, F, OuterRef, Q
from django.db.models.functions import TruncMonth
from django.utils import formats

from rodtrad.clients.due import first_plan
from rodtrad.clients.models import Order
from rodtrad.followup.models import GoalFollowUp
from rodtrad.journal.models import Entry
from rodtrad.lib import dates
from rodtrad.plans.due import yearly_review
from rodtrad.plans.models import PlanPeriod

MONTHS = 12


@dataclass(frozen=True)
class Point:
    month: object  # first day of the month
    value: float | None  # a share 0–1, or a count; None when there was no one to count
    numerator: int
    denominator: int | None = None

    @property
    def label(self):
        return formats.date_format(self.month, "b")

    @property
    def long_label(self):
        return formats.date_format(self.month, "F Y")


@dataclass(frozen=True)
class Series:
    key: str
    points: list[Point]
    is_share: bool


@dataclass(frozen=True)
class UnitTrends:
    unit: object
    plan_share: Series
    note_share: Series
    follow_ups: Series


def _open_at(end):
    return Q(valid_from__lte=end) & (Q(ended_on__isnull=True) | Q(ended_on__gt=end))


def _current_plan_at(end):
    return Exists(
        PlanPeriod.objects.filter(
            plan__client=OuterRef("client"),
            plan__unit=OuterRef("unit"),
            status=PlanPeriod.Status.ESTABLISHED,
            established_at__lt=dates.end_of(end),
            starts_on__lte=end,
        ).filter(yearly_review.not_due_before(end))
    )


def _note_in(month, end):
    return Exists(
        Entry.objects.filter(
            client=OuterRef("client"),
            signed_at__isnull=False,
            occurred_at__gte=dates.start_of(month),
            occurred_at__lt=dates.end_of(end),
        )
    )


def _shares(orders, months, condition):
    """Per unit and month: clients open at the month's end, and those of them meeting `condition`."""
    aggregates = {}
    for index, month in enumerate(months):
        end = dates.last_day_of_month(month)
        open_at = _open_at(end)
        aggregates[f"open_{index}"] = Count("client", distinct=True, filter=open_at)
        aggregates[f"met_{index}"] = Count("client", distinct=True, filter=open_at & Q(condition(month, end)))
    rows = orders.values("unit").order_by("unit").annotate(**aggregates)
    return {row["unit"]: row for row in rows}


def _share_series(key, row, months):
    points = []
    for index, month in enumerate(months):
        total = row[f"open_{index}"] if row else 0
        met = row[f"met_{index}"] if row else 0
        points.append(Point(month, met / total if total else None, met, total))
    return Series(key, points, is_share=True)


def for_units(scope) -> list[UnitTrends]:
    months = dates.months_back(scope.today, MONTHS)
    first, last = months[0], dates.last_day_of_month(months[-1])
    orders = Order.objects.filter(unit__in=scope.unit_ids, client__in=scope.clients, valid_from__lte=last).filter(
        Q(ended_on__isnull=True) | Q(ended_on__gt=first)
    )
    plans = _shares(orders.filter(first_plan.needed()), months, lambda month, end: _current_plan_at(end))
    notes = _shares(orders, months, _note_in)
    follow_ups = {}
    for row in (
        GoalFollowUp.objects.filter(
            goal__isnull=False,
            item__period__plan__unit__in=scope.unit_ids,
            item__period__plan__client__in=scope.clients,
            followed_up_on__gte=first,
            followed_up_on__lte=last,
        )
        .annotate(unit=F("item__period__plan__unit"), month=TruncMonth("followed_up_on"))
        .values("unit", "month")
        .order_by("unit", "month")
        .annotate(done=Count("pk"))
    ):
        follow_ups[(row["unit"], row["month"])] = row["done"]
    return [
        UnitTrends(
            unit,
            _share_series("plan", plans.get(unit.pk), months),
            _share_series("note", notes.get(unit.pk), months),
            Series(
                "follow_ups",
                [
                    Point(month, follow_ups.get((unit.pk, month), 0), follow_ups.get((unit.pk, month), 0))
                    for month in months
                ],
                is_share=False,
            ),
        )
        for unit in scope.units
    ]


# Drawing ---------------------------------------------------------------------------------------

WIDTH, HEIGHT = 520, 240
LEFT, RIGHT, TOP, BOTTOM = 56, 12, 16, 40


@dataclass(frozen=True)
class ChartPoint:
    x: float
    y: float | None
    label: str
    value_text: str
    bar_x: float = 0
    bar_height: float = 0


def _value_text(point, is_share):
    if point.value is None:
        return "–"
    if is_share:
        return f"{round(point.value * 100)} %"
    return str(point.value)


def _nice_maximum(values):
    top = max([*values, 1])
    for step in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000):
        if top <= step * 4:
            return step * 4
    return top


def chart(series: Series) -> dict:
    """Coordinates for templates/oversight/_chart.html: a line for shares, bars for counts."""
    plot_width, plot_height = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    step = plot_width / len(series.points)
    maximum = 1 if series.is_share else _nice_maximum([point.value for point in series.points])
    points = []
    for index, point in enumerate(series.points):
        x = LEFT + step * (index + 0.5)
        y = None if point.value is None else TOP + plot_height * (1 - point.value / maximum)
        height = 0 if y is None else TOP + plot_height - y
        points.append(
            ChartPoint(
                x=round(x, 1),
                y=None if y is None else round(y, 1),
                label=point.label,
                value_text=_value_text(point, series.is_share),
                bar_x=round(x - step * 0.3, 1),
                bar_height=round(height, 1),
            )
        )
    gridlines = []
    for fraction in (0, 0.25, 0.5, 0.75, 1):
        value = fraction * maximum
        label = f"{round(value * 100)} %" if series.is_share else f"{value:g}"
        gridlines.append({"y": round(TOP + plot_height * (1 - fraction), 1), "label": label})
    line = " ".join(f"{point.x},{point.y}" for point in points if point.y is not None)
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "left": LEFT,
        "right": WIDTH - RIGHT,
        "bottom": TOP + plot_height,
        "bar_width": round(step * 0.6, 1),
        "points": points,
        "gridlines": gridlines,
        "line": line,
        "is_share": series.is_share,
        "first": series.points[0],
        "last": series.points[-1],
        "first_text": points[0].value_text,
        "last_text": points[-1].value_text,
    }
