"""The form of "Lägg till": the new period's date, which plan items carry over, what becomes of
each goal, and the checklist confirmations Rödtråd cannot answer itself."""

from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext_lazy as _

from rodtrad.clients.forms import DATE_INPUT

from . import checklist, rules
from .forms import add_rule_errors
from .services import new_period_errors

CHOICE_LABELS = {
    rules.GoalChoice.CONTINUE: _("Continues in the new period"),
    rules.GoalChoice.WAY_OF_WORKING: _("Met: becomes a way of working in the plan item"),
    rules.GoalChoice.END: _("Ends with this period"),
}


@dataclass
class GoalLine:
    goal: object
    answer: str
    choice: object
    by_when: object


@dataclass
class ItemLine:
    item: object
    carry: object
    goals: list


class NewPeriodForm(forms.Form):
    starts_on = forms.DateField(
        label=_("The new period starts"),
        widget=DATE_INPUT,
        required=False,
        help_text=_("The plan gets a new date; the next yearly follow-up is due twelve months after it."),
    )

    def __init__(self, *args, period, items, met, answers, today, **kwargs):
        super().__init__(*args, **kwargs)
        self.period, self.items, self.met, self.answers, self.today = period, items, met, answers, today
        self.fields["starts_on"].initial = today
        for item in items:
            self.fields[f"carry_{item.pk}"] = forms.BooleanField(
                label=_("Carry the plan item over"), required=False, initial=True
            )
            for goal in item.goals.all():
                self._goal_fields(goal)
        for key, question in checklist.NEW_PERIOD_CONFIRMATIONS:
            self.fields[f"confirm_{key}"] = forms.BooleanField(label=question, required=False)

    def _goal_fields(self, goal):
        is_met = goal.pk in self.met
        choices = [rules.GoalChoice.CONTINUE, rules.GoalChoice.END]
        if is_met:
            choices.insert(0, rules.GoalChoice.WAY_OF_WORKING)
        self.fields[f"goal_{goal.pk}"] = forms.ChoiceField(
            label=_("What becomes of the goal?"),
            choices=[(choice, CHOICE_LABELS[choice]) for choice in choices],
            initial=rules.GoalChoice.WAY_OF_WORKING if is_met else rules.GoalChoice.CONTINUE,
            widget=forms.RadioSelect,
            required=False,
        )
        self.fields[f"by_when_{goal.pk}"] = forms.DateField(
            label=_("By when, if the goal continues"),
            widget=DATE_INPUT,
            required=False,
            initial=goal.by_when if goal.by_when > self.today else None,
            help_text=_("The goal's date, moved when it has passed."),
        )

    def lines(self):
        return [
            ItemLine(
                item,
                self[f"carry_{item.pk}"],
                [
                    GoalLine(goal, self.answers.get(goal.pk, ""), self[f"goal_{goal.pk}"], self[f"by_when_{goal.pk}"])
                    for goal in item.goals.all()
                ],
            )
            for item in self.items
        ]

    def decisions(self):
        data = self.cleaned_data
        goals = [goal for item in self.items for goal in item.goals.all()]
        return {
            "starts_on": data.get("starts_on"),
            "carried": {item.pk for item in self.items if data.get(f"carry_{item.pk}")},
            "choices": {goal.pk: data.get(f"goal_{goal.pk}") for goal in goals},
            "by_when": {goal.pk: data.get(f"by_when_{goal.pk}") for goal in goals},
            "confirmed": [key for key, _q in checklist.NEW_PERIOD_CONFIRMATIONS if data.get(f"confirm_{key}")],
        }

    def clean(self):
        cleaned = super().clean()
        add_rule_errors(self, new_period_errors(self.period, self.met, **self.decisions(), today=self.today))
        return cleaned
