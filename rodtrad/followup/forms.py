"""Forms of follow-up. The rules themselves live in rules.py: a form only puts their messages next
to the fields they are about, and keeps what was typed when something is wrong."""

import copy

from django import forms
from django.utils.translation import gettext_lazy as _

from rodtrad.clients.forms import DATE_INPUT

from . import checklist, rules
from .models import Answer, GoalFollowUp, Review
from .services import review_rows

TEXT = forms.Textarea(attrs={"rows": 3})
HOW = (*rules.HOW_FIELDS, "participants")

# The routine's guiding questions (stödfrågor) for the comment on a goal, and those of the
# continuous follow-up for a plan item without a goal.
GOAL_QUESTIONS = (
    _("How does the work towards the goals we set go?"),
    _("Is more time needed with the same goal and method?"),
    _("Does the client get the right support?"),
    _("If the goal is not reached: is it wrongly worded, or does the method need to change?"),
    _("If the goal is reached: what is the next step?"),
)
ITEM_QUESTIONS = (
    _("How does the client find that the support works?"),
    _("Is the plan item still current?"),
    _("Have the needs changed?"),
)
GOAL_ANSWER_CHOICES = [(answer.value, answer.label) for answer in rules.GOAL_ANSWERS]


class WayFields:
    @property
    def way_fields(self):
        return [self[name] for name in rules.HOW_FIELDS]


def add_rule_errors(form, errors):
    for field, message in errors.items():
        if field not in form.fields:
            form.add_error(None, message)
        elif field not in form.errors:
            form.add_error(field, message)


class FollowUpForm(WayFields, forms.ModelForm):
    """A goal followed up at any time, or a plan item without goals ("not applicable")."""

    class Meta:
        model = GoalFollowUp
        fields = ["followed_up_on", "answer", "comment", "next_follow_up_on", *HOW]
        widgets = {
            "followed_up_on": DATE_INPUT,
            "next_follow_up_on": DATE_INPUT,
            "answer": forms.RadioSelect,
            "comment": forms.Textarea(attrs={"rows": 6, "aria-describedby": "guiding-questions"}),
            "participants": TEXT,
        }
        labels = {"answer": _("Has the goal been met?")}
        help_texts = {
            "next_follow_up_on": _("Agreed with the client. May be left empty when the goal is met."),
        }

    def __init__(self, *args, period, goal, today, **kwargs):
        super().__init__(*args, **kwargs)
        self.period, self.goal, self.today = period, goal, today
        if goal is None:
            del self.fields["answer"]
            del self.fields["next_follow_up_on"]
        else:
            self.fields["answer"].choices = GOAL_ANSWER_CHOICES
        self.fields["followed_up_on"].initial = today
        self.fields["followed_up_on"].show_hidden_initial = False
        for name, message in (
            ("followed_up_on", rules.NO_DATE),
            ("answer", rules.NO_ANSWER),
            ("comment", rules.NO_COMMENT),
        ):
            if name in self.fields:
                self.fields[name].error_messages["required"] = message

    def clean(self):
        cleaned = super().clean()
        data = cleaned | ({"answer": Answer.NOT_APPLICABLE} if self.goal is None else {})
        add_rule_errors(self, rules.follow_up_errors(self.period, goal=self.goal, data=data, today=self.today))
        return cleaned

    def follow_up_data(self):
        return {name: self.cleaned_data[name] for name in self.fields}


YES_NO = [("yes", _("Yes")), ("no", _("No"))]


class ReviewForm(WayFields, forms.ModelForm):
    """The review's closing part (steps 5 of the routine) and its checklist confirmations."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    needs_changed = forms.TypedChoiceField(
        label=_("Have the client's needs changed?"),
        choices=YES_NO,
        coerce=lambda value: value == "yes",
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
    )

    class Meta:
        model = Review
        fields = [*HOW, "how_done", *rules.CLOSING_FIELDS, "case_officer_told_on"]
        widgets = {
            "participants": TEXT,
            "how_done": TEXT,
            "summary": TEXT,
            "assessment": TEXT,
            "goals_summary": TEXT,
            "action_needs": TEXT,
            "case_officer_told_on": DATE_INPUT,
        }
        help_texts = {
            "how_done": _("For example where and when you met, or what made you choose this way."),
            "assessment": _("New or changed needs?"),
            "action_needs": _("Write “None” if the follow-up found none."),
            "case_officer_told_on": _("Required when the needs have changed: you tell the case officer."),
        }

    def __init__(self, *args, today, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today
        review = self.instance
        self.fields["version"].initial = review.version
        self.fields["needs_changed"].initial = {True: "yes", False: "no"}.get(review.needs_changed)
        for key, question in checklist.REVIEW_CONFIRMATIONS:
            self.fields[f"confirm_{key}"] = forms.BooleanField(
                label=question, required=False, initial=key in review.checklist_confirmed
            )

    def clean(self):
        cleaned = super().clean()
        add_rule_errors(self, rules.review_errors(self.instance.period, cleaned, today=self.today))
        return cleaned

    def review_fields(self):
        fields = {name: self.cleaned_data[name] for name in (*self.Meta.fields, "needs_changed")}
        fields["checklist_confirmed"] = [
            key for key, _question in checklist.REVIEW_CONFIRMATIONS if self.cleaned_data[f"confirm_{key}"]
        ]
        return fields


class ReviewRowForm(forms.Form):
    """Step 4 for one goal, or one plan item without goals (answered "not applicable")."""

    answer = forms.ChoiceField(
        label=_("Has the goal been met?"), choices=GOAL_ANSWER_CHOICES, widget=forms.RadioSelect, required=False
    )
    comment = forms.CharField(label=_("Comment"), widget=TEXT, required=False)
    changes = forms.CharField(
        label=_("Changes in the plan item"),
        widget=TEXT,
        required=False,
        help_text=_("Leave empty when nothing changed."),
    )

    def __init__(self, *args, row, **kwargs):
        follow_up = row.follow_up
        initial = {field: getattr(follow_up, field) for field in ("answer", "comment", "changes")} if follow_up else {}
        super().__init__(*args, prefix=row.prefix, initial=initial, **kwargs)
        self.row = row
        if row.goal is None:
            del self.fields["answer"]

    def clean(self):
        cleaned = super().clean()
        if any(cleaned.values()) or self.row.follow_up is not None:
            add_rule_errors(self, rules.review_row_errors(goal=self.row.goal, data=cleaned))
        return cleaned

    def row_data(self):
        return {name: self.cleaned_data.get(name, "") for name in ("answer", "comment", "changes")}


class ReviewPage:
    """The review's form and one form per row, validated and re-shown together."""

    def __init__(self, data, review, *, today):
        self.review = review
        self.rows = review_rows(review.period, review)
        # A copy, so that a refused save leaves the review as stored, for the checklist beside it.
        self.form = ReviewForm(data, instance=copy.copy(review), today=today)
        self.row_forms = [ReviewRowForm(data, row=row) for row in self.rows]

    def is_valid(self):
        results = [self.form.is_valid(), *(form.is_valid() for form in self.row_forms)]
        return all(results)

    @property
    def has_errors(self):
        return bool(self.form.errors) or any(form.errors for form in self.row_forms)

    def rows_data(self):
        return {form.row.key: form.row_data() for form in self.row_forms}
