"""Plan data shared by the tests of plans, follow-up, oversight and documents."""

import datetime

from rodtrad.plans import services
from rodtrad.plans.models import SectionTemplate

FUTURE = datetime.date(2027, 6, 30)


def goal_fields(**overrides):
    return {
        "goal_type": "develop",
        "what": "laga middag själv",
        "how_often": "två gånger i veckan",
        "support": "bildrecept",
        "by_when": FUTURE,
        "why": "hon vill bjuda sin mamma på mat",
        "order_goal": "Leva som andra",
    } | overrides


def add_item(period, *, section_title="Måltidssituation", title="Laga middag"):
    section = SectionTemplate.objects.get(template__unit=None, title=section_title)
    return services.add_item(
        period,
        section=section,
        order=period.plan.client.orders.first(),
        title=title,
        does_alone="Skalar potatis",
        support_wanted="Hjälp med spisen",
        how_wanted="Med bildrecept",
    )


def make_complete(period, item, *, planning_date=datetime.date(2026, 11, 5)):
    """Fill a draft period with everything required to establish it."""
    services.save_period(
        period,
        {
            "planning_date": planning_date,
            "participation": "Elsa valde själv vad planen ska handla om.",
            "participants": "Elsa, kontaktman",
            "follow_up_planned_on": datetime.date(2027, 5, 5),
        },
        expected_version=period.version,
    )
    services.add_goal(item, **goal_fields())
    services.save_risk_assessment(
        period, assessed_on=planning_date, no_risks_identified=True, no_risks_grounds="Inga risker i aktiviteterna."
    )
    period.refresh_from_db()
    return period
