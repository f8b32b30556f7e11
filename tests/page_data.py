"""A unit's data at two sizes, for the query guard (tests/test_page_queries.py): the same kinds of
data, a little or a lot of each, so that a page whose queries grow with the data is caught.

`setting(size)` makes units with a staff member and a manager, caseloads of clients that between
them meet every rule of the dashboard and the to-do, a client whose first plan is being written,
and one client with a full record: orders open and ended, consents with reviews, relatives, an
established plan with goals, risks and follow-ups after earlier periods, and a journal with
corrections, objections, links to the plan and the writer's own drafts."""

import datetime
import itertools
from dataclasses import dataclass
from types import SimpleNamespace

from django.utils import timezone

from rodtrad.accounts.models import Membership
from rodtrad.clients import services_register
from rodtrad.journal import services as journal
from rodtrad.oversight import services as oversight
from rodtrad.plans import drafts as form_drafts
from rodtrad.plans import services as plans
from rodtrad.plans.due import protective_measure_review, risk_assessment_review
from rodtrad.plans.models import Risk, RiskAssessment, SectionTemplate

from . import plan_data
from .factories import (
    ConsentFactory,
    ContactFactory,
    ContactPersonFactory,
    EntryFactory,
    GoalFollowUpFactory,
    MembershipFactory,
    OrderFactory,
    SignedEntryFactory,
    UnitFactory,
    client_at,
    start_order_on,
)
from .oversight.conftest import add_goal, established_period

DAY = datetime.timedelta(days=1)
SEARCHED = "middag"


@dataclass(frozen=True)
class Size:
    # Managed by the manager, who has reviewed their logs and drawn their spot checks; the staff
    # member works in all of them, and the record's client has a plan at each.
    units: int
    caseloads: int  # per unit, three clients each (see caseload)
    plan_items: int  # in the record's plan and in the plan being written, each with a goal and a risk
    follow_ups: int  # per goal of the record's plan
    previous_periods: int  # of the record's plan, before the current one
    entries: int  # signed, in the record's journal; about one in five corrected, one in four objected to
    writers: int  # of those entries: the staff member, the manager, then colleagues
    drafts: int  # the staff member's own, in the record's journal
    consents: int  # of the record's client, each reviewed once
    relatives: int
    contact_persons: int  # of the record's client: the staff member, then others
    ended_orders: int


SMALL = Size(
    units=1,
    caseloads=1,
    plan_items=1,
    follow_ups=1,
    previous_periods=1,
    entries=5,
    writers=2,
    drafts=1,
    consents=1,
    relatives=1,
    contact_persons=1,
    ended_orders=1,
)
LARGE = Size(
    units=3,
    caseloads=4,
    plan_items=6,
    follow_ups=3,
    previous_periods=3,
    entries=80,
    writers=5,
    drafts=5,
    consents=6,
    relatives=3,
    contact_persons=3,
    ended_orders=3,
)


def setting(size: Size, *, name: str):
    """Units, people and clients of `size`; `name` keeps the units of two settings apart."""
    today = timezone.localdate()
    units = [UnitFactory(name=f"{name} {number}") for number in range(size.units)]
    staff = MembershipFactory(unit=units[0]).user
    manager = MembershipFactory(unit=units[0], role=Membership.Role.MANAGER).user
    for unit in units[1:]:
        MembershipFactory(unit=unit, user=staff)
        MembershipFactory(unit=unit, user=manager, role=Membership.Role.MANAGER)
    people = SimpleNamespace(staff=staff, manager=manager)
    loads = [caseload(unit, people, today) for unit in units for _number in range(size.caseloads)]
    draft = plans.start_plan(loads[0].new, units[0], starts_on=today)
    fill_plan(draft, size, today=today, writer=staff)
    record = full_record(units, people, size, today)
    oversight.record_log_review(units, user=manager, note="Stickprov i loggen.")
    for unit in units:
        oversight.draw_spot_check(unit, user=manager)
    return SimpleNamespace(units=units, caseloads=loads, draft=draft, **vars(people), **vars(record))


def caseload(unit, people, today):
    """Three clients with the staff member as contact person that between them meet every rule
    (tests/test_page_queries.py checks that they do):

    - new: an open order without an established plan, past the first-plan limit; a former order
      ended four months ago whose file was never sent; a consent not reviewed for over a year;
      the staff member's draft about them, unsigned for five days;
    - child: under 18, a plan established 400 days ago without a goal, a word on participation or
      the child perspective, and a risk assessment as old with a protective measure;
    - goal: a plan established 350 days ago (its yearly review due within 30 days) without a risk
      assessment, and a goal whose next follow-up has passed.

    None of them has a journal entry last month."""
    new = client_at(unit, first_name="Ny")
    start_order_on(new.orders.get(), today - 100 * DAY)
    OrderFactory(client=new, unit=unit, valid_from=today - 900 * DAY, ended_on=today - 120 * DAY)
    ConsentFactory(client=new, recorded_by=people.staff, given_on=today - 400 * DAY)
    stale_draft = EntryFactory(client=new, author=people.staff)
    stale_draft.created_at = timezone.now() - 5 * DAY
    stale_draft.save(update_fields=["created_at"])

    child = client_at(unit, first_name="Barn", date_of_birth=today - 10 * 365 * DAY)
    old = established_period(child, unit, starts_on=today - 400 * DAY, goal=False, assessed_on=False, participation="")
    assessment = RiskAssessment(period=old, assessed_on=old.starts_on, no_risks_identified=False)
    risk_assessment_review.set_due(assessment)
    assessment.save()
    consent = ConsentFactory(client=child, recorded_by=people.staff, given_on=old.starts_on)
    risk = Risk(assessment=assessment, **risk_fields(today, protective=True, consent=consent))
    protective_measure_review.set_due(risk, assessment)
    risk.save()

    with_goal = client_at(unit, first_name="Mål")
    period = established_period(with_goal, unit, starts_on=today - 350 * DAY, goal=False, assessed_on=False)
    GoalFollowUpFactory(goal=add_goal(period), recorded_by=people.staff, next_follow_up_on=today - 3 * DAY)

    for client in (new, child, with_goal):
        ContactPersonFactory(client=client, user=people.staff)
    return SimpleNamespace(new=new, child=child, goal=with_goal)


def risk_fields(today, *, protective=False, consent=None, item=None, number=0):
    return {
        "item": item,
        "description": f"Kan bränna sig på spisen ({number})",
        "consequence": Risk.Consequence.MODERATE,
        "likelihood": Risk.Likelihood.LOW,
        "actions": "Personal finns i köket när spisen är på.",
        "responsible": "Kontaktman",
        "follow_up_on": today + 90 * DAY,
        "is_protective_measure": protective,
        "protective_purpose": "Spisvakt som stänger av spisen." if protective else "",
        "consent": consent,
    }


def fill_plan(period, size, *, today, writer):
    """A draft period made complete through the plan's services: `size.plan_items` items across
    the sections, each with a goal and a risk, the first risk a protective measure consented to;
    and for each item a change `writer` has typed and not yet saved."""
    client = period.plan.client
    sections = itertools.cycle(SectionTemplate.objects.filter(template__unit=None, holds_items=True))
    order = client.orders.filter(unit=period.plan.unit, ended_on__isnull=True).first()
    plans.save_period(
        period,
        {
            "planning_date": period.starts_on,
            "participation": "Elsa valde själv vad planen ska handla om.",
            "participants": "Elsa, kontaktman",
            "follow_up_planned_on": period.starts_on + 180 * DAY,
        },
        expected_version=period.version,
    )
    assessment = plans.save_risk_assessment(period, assessed_on=period.starts_on, no_risks_identified=False)
    consent = ConsentFactory(client=client, given_on=period.starts_on, scope="Spisvakt i köket")
    goals = []
    for number in range(size.plan_items):
        item = plans.add_item(
            period,
            section=next(sections),
            order=order,
            title=f"Aktivitet {number}",
            does_alone="Skalar potatis",
            support_wanted="Hjälp med spisen",
            how_wanted="Med bildrecept",
        )
        goals.append(plans.add_goal(item, confirm_many=True, **plan_data.goal_fields(what=f"laga middag {number}")))
        form_drafts.save_draft(
            user=writer,
            client=client,
            key=f"{writer.pk}.item-{item.pk}",
            view_name="plans:item_edit",
            title=item.title,
            data={"how_wanted": "Med bildrecept och timer"},
            period=period,
        )
        first = number == 0
        plans.add_risk(
            assessment,
            **risk_fields(today, protective=first, consent=consent if first else None, item=item, number=number),
        )
    return goals


def full_record(units, people, size, today):
    """The client whose overview, journal and plan are opened: see the module's docstring."""
    client = client_at(units[0], first_name="Elsa", last_name="Lindqvist")
    for unit in units[1:]:
        OrderFactory(client=client, unit=unit)
        established_period(client, unit, starts_on=today - 30 * DAY)
    for number in range(size.ended_orders):
        OrderFactory(
            client=client,
            unit=units[0],
            valid_from=today - (900 + number) * DAY,
            ended_on=today - (600 + number) * DAY,
            file_sent_on=today - 550 * DAY,
            file_sent_by=people.manager,
        )
    ContactPersonFactory(client=client, user=people.staff)
    for _number in range(size.contact_persons - 1):
        ContactPersonFactory(client=client)
    relatives = [ContactFactory(client=client) for _number in range(size.relatives)]
    for _number in range(size.consents):
        consent = ConsentFactory(client=client, recorded_by=people.staff, given_on=today - 200 * DAY)
        services_register.review_consent(consent, reviewed_on=today - 20 * DAY, reviewed_by=people.manager)
    period = established_plan(client, units[0], people, size, today)
    journal_of(client, people, relatives, period, size)
    return SimpleNamespace(client=client, period=period)


def established_plan(client, unit, people, size, today):
    """Earlier periods, then the current one written and established through the services, its
    goals followed up `size.follow_ups` times each."""
    previous = None
    for number in range(size.previous_periods, 0, -1):
        previous = established_period(client, unit, starts_on=today - (60 + 365 * number) * DAY, previous=previous)
    period = plans.add_period(previous.plan, starts_on=today - 60 * DAY, previous=previous)
    goals = fill_plan(period, size, today=today, writer=people.staff)
    period = plans.establish(period, user=people.staff)
    for goal in goals:
        for number in range(size.follow_ups, 0, -1):
            GoalFollowUpFactory(
                goal=goal,
                recorded_by=people.staff,
                followed_up_on=today - 10 * number * DAY,
                next_follow_up_on=today + 30 * DAY,
            )
    return period


def journal_of(client, people, relatives, period, size):
    """`size.entries` signed entries, newest first, about the plan's goals and items; some
    corrected (the correction signed too), some objected to; and the staff member's drafts."""
    items = list(period.items.prefetch_related("goals"))
    writers = [people.staff, people.manager]
    writers += [MembershipFactory(unit=period.plan.unit).user for _number in range(size.writers - 2)]
    now = timezone.now()
    entries = []
    for number in range(size.entries):
        item = items[number % len(items)]
        author = writers[number % len(writers)]
        links = {"goal": item.goals.all()[0], "plan_item": item} if number % 3 else {"life_area": item.section}
        entry = SignedEntryFactory(
            client=client,
            author=author,
            occurred_at=now - (number + 1) * datetime.timedelta(hours=5),
            text=f"Elsa lagade {SEARCHED} med stöd av bildrecept, gång {number}.",
            **links,
        )
        if number % 5 == 0:
            SignedEntryFactory(
                client=client,
                author=author,
                corrects=entry,
                occurred_at=entry.occurred_at,
                correction_reason="Fel dag angavs.",
                text=f"Elsa lagade {SEARCHED} själv, gång {number}.",
            )
        if number % 4 == 0:
            contact = relatives[number % len(relatives)] if number % 8 else None
            journal.add_objection(entry, text="Det var inte så.", recorded_by=people.staff, contact=contact)
        entries.append(entry)
    for number in range(size.drafts):
        # The first draft is a correction begun, which the list shows with the entry it corrects.
        corrects = entries[0] if number == 0 else None
        EntryFactory(client=client, author=people.staff, corrects=corrects, text=f"Utkast {number} om {SEARCHED}.")
