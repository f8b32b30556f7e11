"""The dates plan periods, goals, risk assessments and protective measures fall due, stored on
them (rodtrad/plans/due/): added empty, filled for the rows there are by each rule's own
function, then required where a row always has one. A goal's date needs its newest follow-up."""

from types import SimpleNamespace

from django.db import migrations, models
from django.db.models import Exists, OuterRef, Q, Subquery

from rodtrad.plans.due import goal_follow_up, protective_measure_review, risk_assessment_review, yearly_review

BATCH = 2000


def _each(queryset, field, due):
    rows = []
    for row in queryset.iterator(chunk_size=BATCH):
        setattr(row, field, due(row))
        rows.append(row)
    queryset.model.objects.bulk_update(rows, [field], batch_size=BATCH)


def fill(apps, schema_editor):
    PlanPeriod = apps.get_model("plans", "PlanPeriod")
    Goal = apps.get_model("plans", "Goal")
    RiskAssessment = apps.get_model("plans", "RiskAssessment")
    Risk = apps.get_model("plans", "Risk")
    GoalFollowUp = apps.get_model("followup", "GoalFollowUp")
    _each(PlanPeriod.objects.all(), "review_due_on", yearly_review.due_on)
    _each(RiskAssessment.objects.all(), "review_due_on", risk_assessment_review.due_on)
    _each(
        Risk.objects.select_related("assessment"),
        "protective_review_due_on",
        lambda risk: protective_measure_review.due_on(risk, risk.assessment),
    )
    follow_ups = GoalFollowUp.objects.filter(goal=OuterRef("pk"))
    newest = follow_ups.order_by("-followed_up_on", "-pk").values("next_follow_up_on")[:1]
    goals = Goal.objects.select_related("item__period").annotate(
        followed_up=Exists(follow_ups), newest_next_on=Subquery(newest)
    )

    def due(goal):
        newest = SimpleNamespace(next_follow_up_on=goal.newest_next_on) if goal.followed_up else None
        return goal_follow_up.due_on(
            by_when=goal.by_when, planned_on=goal.item.period.follow_up_planned_on, newest=newest
        )

    _each(goals, "follow_up_due_on", due)


class Migration(migrations.Migration):
    dependencies = [
        ("plans", "0003_form_draft"),
        ("followup", "0002_review_checklist_journal_entry_and_new_period"),
    ]

    operations = [
        migrations.AddField(
            model_name="planperiod",
            name="review_due_on",
            field=models.DateField(editable=False, null=True, verbose_name="yearly review due"),
        ),
        migrations.AddField(
            model_name="goal",
            name="follow_up_due_on",
            field=models.DateField(blank=True, editable=False, null=True, verbose_name="next follow-up due"),
        ),
        migrations.AddField(
            model_name="riskassessment",
            name="review_due_on",
            field=models.DateField(editable=False, null=True, verbose_name="review due"),
        ),
        migrations.AddField(
            model_name="risk",
            name="protective_review_due_on",
            field=models.DateField(blank=True, editable=False, null=True, verbose_name="protective measure review due"),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop, elidable=False),
        migrations.AlterField(
            model_name="planperiod",
            name="review_due_on",
            field=models.DateField(editable=False, verbose_name="yearly review due"),
        ),
        migrations.AlterField(
            model_name="riskassessment",
            name="review_due_on",
            field=models.DateField(editable=False, verbose_name="review due"),
        ),
        migrations.AddIndex(
            model_name="planperiod",
            index=models.Index(condition=Q(status="established"), fields=["review_due_on"], name="period_review_due"),
        ),
        migrations.AddIndex(
            model_name="goal",
            index=models.Index(fields=["follow_up_due_on"], name="goal_follow_up_due"),
        ),
        migrations.AddIndex(
            model_name="riskassessment",
            index=models.Index(fields=["review_due_on"], name="risk_assessment_review_due"),
        ),
        migrations.AddIndex(
            model_name="risk",
            index=models.Index(
                condition=Q(is_protective_measure=True),
                fields=["protective_review_due_on"],
                name="protective_review_due",
            ),
        ),
        migrations.AddConstraint(
            model_name="risk",
            constraint=models.CheckConstraint(
                condition=Q(is_protective_measure=True, protective_review_due_on__isnull=False)
                | Q(is_protective_measure=False, protective_review_due_on__isnull=True),
                name="protective_review_due_exactly_for_a_protective_measure",
            ),
        ),
    ]
