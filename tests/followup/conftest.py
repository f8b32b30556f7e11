"""An established period with a goal and a plan item without one, and a review of it ready to
finish: what the follow-up tests start from."""

import pytest

from rodtrad.followup import services
from rodtrad.plans import services as plans
from rodtrad.plans.models import Goal

from .. import plan_data
from ..followup_data import TODAY, answered_rows, closing


@pytest.fixture
def established(complete_period, world):
    plan_data.add_item(complete_period, section_title="Vanor och rutiner", title="Morgonrutin")
    return plans.establish(complete_period, user=world.staff)


@pytest.fixture
def goal(established):
    return Goal.objects.get(item__period=established)


@pytest.fixture
def goalless_item(established):
    return established.items.get(title="Morgonrutin")


@pytest.fixture
def review(established, world):
    return services.start_review(established, user=world.staff)


@pytest.fixture
def ready_review(review, established, world):
    """A review with every row answered and the closing comment written, not yet finished."""
    return services.save_review(
        review,
        user=world.staff,
        expected_version=review.version,
        fields=closing(),
        rows=answered_rows(established),
        today=TODAY,
    )


@pytest.fixture
def finished_review(ready_review, world):
    return services.finish_review(ready_review, user=world.staff)
