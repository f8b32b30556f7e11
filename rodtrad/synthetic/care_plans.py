"""Implementation plans for the synthetic clients: a plan per order that needs one, in yearly
periods from the order's start, with plan items, SMART goals and a risk assessment.

Most newest periods are established and less than a year old. Some are overdue for the yearly
review, some have the next period still in draft, and some new orders have no plan yet, so that
every list of the managers' dashboard has something in it."""

import datetime
import functools
import itertools
from dataclasses import dataclass, field

from django.utils import formats, timezone, translation

from rodtrad.accounts.models import Unit
from rodtrad.lib.dates import add_months
from rodtrad.plans.due import goal_follow_up, risk_assessment_review, yearly_review
from rodtrad.plans.models import Goal, Plan, PlanItem, PlanPeriod, Risk, RiskAssessment, SectionTemplate
from rodtrad.plans.rules import compose_goal

from . import bulk, plan_texts
from .register import PERSONAL_GOALS
from .text import PRONOUNS

NEW_ORDER_DAYS = 40
# Established periods lacking the participation or the risk assessment (older plans, made before the routine).
LEGACY_GAPS = 0.015
DAILY_TITLES = {"Arbete i snickeriet", "Caféet", "Kommunikation", "Bemötande", "Motion"}
SIGNATURES = (PlanPeriod.SignatureMethod.ORAL, PlanPeriod.SignatureMethod.PAPER, PlanPeriod.SignatureMethod.ORAL)


@dataclass(slots=True, eq=False)
class SynthPeriod:
    client: object
    order: object
    starts_on: datetime.date
    established: bool
    templates: tuple
    previous: "SynthPeriod | None" = None
    plan_pk: int | None = None
    pk: int | None = None
    # (item pk, goal pk or None, template), in the order of `templates`.
    items: list = field(default_factory=list)
    follow_up_planned_on: datetime.date | None = None
    superseded: bool = False


def _starts(rng, order, today):
    """The start of each established period, and of a draft period being written (or None)."""
    end = order.ended_on or today
    if order.ended_on is None and (today - order.valid_from).days < NEW_ORDER_DAYS:
        if rng.random() < 0.5:
            return [], None
        return [], order.valid_from + datetime.timedelta(days=rng.randint(3, 20))
    starts = [order.valid_from + datetime.timedelta(days=rng.randint(7, 25))]
    while (following := add_months(starts[-1], 12) - datetime.timedelta(days=rng.randint(0, 25))) <= end:
        starts.append(following)
    draft = None
    if order.ended_on is None and len(starts) > 1:
        draw = rng.random()
        if draw < 0.06:
            starts.pop()  # the yearly review was never done: overdue on the dashboard
        elif draw < 0.13:
            draft = starts.pop()  # reviewed, and the new period is still being written
    return starts, draft


def _templates(rng, order):
    daily = order.unit.kind == Unit.Kind.LSS_DAILY_ACTIVITY
    pool = [item for item in plan_texts.ITEMS if (item[1] in DAILY_TITLES) == daily]
    chosen = rng.sample(pool, min(len(pool), rng.randint(2, 4)))
    if not any(item[5] for item in chosen):
        chosen[0] = rng.choice([item for item in pool if item[5]])
    return tuple(chosen)


def plan_periods(rng, register, today):
    """The periods of every plan, chained by `previous`, in memory."""
    chains = []
    for client in register.clients:
        for order in client.orders:
            if not order.needs_plan:
                continue
            starts, draft = _starts(rng, order, today)
            templates = _templates(rng, order)
            chain = [SynthPeriod(client, order, start, True, templates) for start in starts]
            if draft is not None:
                chain.append(SynthPeriod(client, order, draft, False, templates))
            for earlier, later in itertools.pairwise(chain):
                later.previous = earlier
                earlier.superseded = True
            if chain:
                chains.append(chain)
    return chains


def _text(template, client):
    return template.format(n=client.first_name, **PRONOUNS[client.gender])


def _period_row(rng, period, now):
    client, contact = period.client, period.client.contact
    starts = period.starts_on
    row = bulk.row(
        PlanPeriod,
        plan_id=period.plan_pk,
        starts_on=starts,
        previous_id=period.previous.pk if period.previous else None,
        participants=f"{client.first_name} {client.last_name}; {contact.name}, {contact.title.lower()}",
    )
    yearly_review.set_due(row)
    if client.is_child:
        row.child_views = _text("{n} berättade med bilder vad {han} tycker om att göra och vad som är svårt.", client)
        row.child_best_interest = "Planen bygger på vad barnet själv sagt, vårdnadshavarens bild och skolans."
    if not period.established:
        return row
    established_at = timezone.make_aware(
        datetime.datetime.combine(starts + datetime.timedelta(days=rng.randint(0, 5)), datetime.time(15))
    )
    row.status = PlanPeriod.Status.ESTABLISHED
    row.established_at = min(established_at, now)
    row.established_by_id = contact.pk
    row.version = 3
    row.planning_date = starts
    # A few plans came over from the system before, written without it: the dashboard lists them.
    row.participation = "" if rng.random() < LEGACY_GAPS else _text(rng.choice(plan_texts.PARTICIPATION), client)
    row.follow_up_planned_on = add_months(starts, 6)
    row.signature_method = rng.choice(SIGNATURES)
    row.signed_on = starts
    row.signed_by = f"{client.first_name} {client.last_name}"
    return row


def write(rng, register, chains, today, now):
    """Plans, then the periods level by level (a period points at the one before), with their
    items, goals and risk assessments."""
    plans = bulk.insert(
        Plan, [bulk.row(Plan, client_id=chain[0].client.pk, unit_id=chain[0].order.unit.pk) for chain in chains]
    )
    for chain, plan in zip(chains, plans, strict=True):
        for period in chain:
            period.plan_pk = plan.pk
    sections = {s.title: s.pk for s in SectionTemplate.objects.filter(template__unit=None)}
    register.life_areas = [pk for title, pk in sections.items() if title in {t[0] for t in plan_texts.ITEMS}]
    with translation.override("sv"):
        for level in range(max(len(chain) for chain in chains) if chains else 0):
            periods = [chain[level] for chain in chains if len(chain) > level]
            for period, row in zip(
                periods, bulk.insert(PlanPeriod, [_period_row(rng, p, now) for p in periods]), strict=True
            ):
                period.pk, period.follow_up_planned_on = row.pk, row.follow_up_planned_on
            _write_items(rng, periods, sections)
            _write_risks(rng, periods)
    for chain in chains:
        for period in chain:
            if period.established:
                links = [(item_pk, goal_pk) for item_pk, goal_pk, _template in period.items]
                period.client.periods.append((period.starts_on, links))
    for client in register.clients:
        client.periods.sort(key=lambda found: found[0])


def _write_items(rng, periods, sections):
    items, owners = [], []
    for period in periods:
        carried = {template: pk for pk, _goal, template in period.previous.items} if period.previous else {}
        for position, template in enumerate(period.templates):
            title, does_alone, support_wanted, how_wanted = template[1:5]
            items.append(
                bulk.row(
                    PlanItem,
                    period_id=period.pk,
                    section_id=sections[template[0]],
                    order_id=period.order.pk,
                    title=title,
                    does_alone=does_alone,
                    support_wanted=support_wanted,
                    how_wanted=how_wanted,
                    carried_from_id=carried.get(template),
                    position=position,
                )
            )
            owners.append((period, template))
    goals, goal_owners = [], []
    for (period, template), item in zip(owners, bulk.insert(PlanItem, items), strict=True):
        period.items.append([item.pk, None, template])
        if template[5]:
            goals.append(_goal(period, item.pk, template[5]))
            goal_owners.append(period.items[-1])
    for owner, goal in zip(goal_owners, bulk.insert(Goal, goals), strict=True):
        owner[1] = goal.pk


# A date no goal has, so that its formatted form can be found in a composed sentence and replaced.
SENTINEL_DATE = datetime.date(1901, 1, 1)


@functools.cache
def _sentence_template(goal_template) -> str:
    _kind, what, how_often, support, why = goal_template
    return compose_goal(what=what, how_often=how_often, support=support, by_when=SENTINEL_DATE, why=why)


@functools.cache
def _date_text(day: datetime.date) -> str:
    return formats.date_format(day, "j F Y")


def _goal(period, item_pk, goal_template):
    """The goal with its sentence as plans.rules.compose_goal writes it; composed once per kind of
    goal, with the date put in, since tens of thousands of goals are made."""
    kind, what, how_often, support, why = goal_template
    by_when = add_months(period.starts_on, 12) - datetime.timedelta(days=1)
    sentence = _sentence_template(goal_template).replace(_date_text(SENTINEL_DATE), _date_text(by_when))
    goal = bulk.row(
        Goal,
        item_id=item_pk,
        goal_type=kind,
        what=what,
        how_often=how_often,
        support=support,
        by_when=by_when,
        why=why,
        order_goal=PERSONAL_GOALS[period.order.service],
        sentence=sentence,
    )
    goal_follow_up.set_due(goal, period)
    return goal


def _write_risks(rng, periods):
    assessments, with_risk = [], []
    for period in periods:
        if rng.random() < (0.5 if not period.established else LEGACY_GAPS):
            continue
        client, contact = period.client, period.client.contact
        no_risks = rng.random() < 0.75
        assessment = bulk.row(
            RiskAssessment,
            period_id=period.pk,
            assessed_on=period.starts_on,
            team=f"{contact.name} ({contact.title.lower()}), {client.home.managers[0].name} (enhetschef)",
            responsible=contact.name,
            no_risks_identified=no_risks,
            no_risks_grounds=_text(rng.choice(plan_texts.NO_RISKS), client) if no_risks else "",
        )
        risk_assessment_review.set_due(assessment)
        assessments.append(assessment)
        with_risk.append(None if no_risks else period)
    risks = []
    for period, assessment in zip(with_risk, bulk.insert(RiskAssessment, assessments), strict=True):
        if period is None:
            continue
        description, actions, consequence, likelihood = rng.choice(plan_texts.RISKS)
        risks.append(
            bulk.row(
                Risk,
                assessment_id=assessment.pk,
                item_id=period.items[0][0],
                description=_text(description, period.client),
                consequence=consequence,
                likelihood=likelihood,
                actions=actions,
                responsible=period.client.contact.name,
                follow_up_on=add_months(period.starts_on, 6),
            )
        )
    bulk.insert(Risk, risks)
