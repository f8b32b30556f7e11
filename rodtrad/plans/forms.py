from django import forms
from django.utils.translation import gettext_lazy as _

from rodtrad.clients.forms import DATE_INPUT

from .models import Goal, LifeStorySection, PlanItem, PlanPeriod, Risk, RiskAssessment
from .services import item_fingerprint

TEXT = forms.Textarea(attrs={"rows": 3})


class ParticipationForm(forms.ModelForm):
    """Planens framtagande, child perspective and the declines. Carries the version it was opened at."""

    version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = PlanPeriod
        fields = [
            "planning_date",
            "participation",
            "participants",
            "follow_up_planned_on",
            "declined_participation_reason",
            "declined_goals_reason",
            "child_views",
            "child_best_interest",
        ]
        widgets = {
            "planning_date": DATE_INPUT,
            "follow_up_planned_on": DATE_INPUT,
            "participation": TEXT,
            "participants": TEXT,
            "declined_participation_reason": TEXT,
            "declined_goals_reason": TEXT,
            "child_views": TEXT,
            "child_best_interest": TEXT,
        }

    def __init__(self, *args, child=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not child:
            del self.fields["child_views"]
            del self.fields["child_best_interest"]
        self.fields["version"].initial = self.instance.version

    def clean(self):
        cleaned = super().clean()
        planned, follow_up = cleaned.get("planning_date"), cleaned.get("follow_up_planned_on")
        if planned and follow_up and follow_up <= planned:
            self.add_error("follow_up_planned_on", _("The follow-up must come after the planning date."))
        return cleaned


class SignatureForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = PlanPeriod
        fields = ["signature_method", "signed_on", "signed_by"]
        widgets = {"signed_on": DATE_INPUT}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].initial = self.instance.version

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("signature_method") and not cleaned.get("signed_on"):
            self.add_error("signed_on", _("Give the date of the confirmation."))
        return cleaned


class PlanItemForm(forms.ModelForm):
    class Meta:
        model = PlanItem
        fields = ["section", "order", "title", "does_alone", "support_wanted", "how_wanted", "way_of_working"]
        widgets = {"does_alone": TEXT, "support_wanted": TEXT, "how_wanted": TEXT, "way_of_working": TEXT}

    def __init__(self, *args, sections, orders, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].queryset = sections
        self.fields["order"].queryset = orders


class ChangeItemForm(PlanItemForm):
    reason = forms.CharField(label=_("Why the plan item is changed"), widget=TEXT, required=False)
    # The item as it was when the form was opened, so that a save over a colleague's change is refused.
    opened = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, established=False, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["section"]
        self.fields["opened"].initial = item_fingerprint(self.instance)
        if established:
            self.fields["reason"].required = True


class GoalForm(forms.ModelForm):
    confirm_many = forms.BooleanField(
        label=_("Yes, the client wants more than five goals"),
        required=False,
        help_text=_("Goals should be few enough to work with (begränsas i antal)."),
    )

    class Meta:
        model = Goal
        fields = ["goal_type", "what", "how_often", "support", "by_when", "why", "order_goal", "sentence"]
        widgets = {"by_when": DATE_INPUT, "why": TEXT, "order_goal": TEXT, "sentence": TEXT}
        help_texts = {
            "what": _("What the client will do, for example: cook dinner on her own."),
            "how_often": _("For example: twice a week."),
            "sentence": _("Composed from the fields above while you write; edit it if you want other words."),
        }

    def __init__(self, *args, today, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today
        self.fields["sentence"].required = False

    def clean_by_when(self):
        by_when = self.cleaned_data["by_when"]
        if by_when <= self.today:
            raise forms.ValidationError(_("A goal is reached in the future: choose a later date."))
        return by_when


class RiskAssessmentForm(forms.ModelForm):
    class Meta:
        model = RiskAssessment
        fields = ["assessed_on", "team", "responsible", "no_risks_identified", "no_risks_grounds"]
        widgets = {"assessed_on": DATE_INPUT, "team": TEXT, "no_risks_grounds": TEXT}

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("no_risks_identified") and not cleaned.get("no_risks_grounds", "").strip():
            self.add_error("no_risks_grounds", _("Write the grounds for finding no risks."))
        return cleaned


class RiskForm(forms.ModelForm):
    class Meta:
        model = Risk
        fields = [
            "item",
            "description",
            "consequence",
            "likelihood",
            "causes",
            "tried_before",
            "actions",
            "responsible",
            "follow_up_on",
            "is_protective_measure",
            "protective_purpose",
            "consent",
        ]
        widgets = {
            "description": TEXT,
            "causes": TEXT,
            "tried_before": TEXT,
            "actions": TEXT,
            "protective_purpose": TEXT,
            "follow_up_on": DATE_INPUT,
        }

    def __init__(self, *args, items, consents, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["item"].queryset = items
        self.fields["consent"].queryset = consents

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("is_protective_measure"):
            if not cleaned.get("consent"):
                self.add_error("consent", _("A protective measure needs the client's consent."))
            if not cleaned.get("protective_purpose", "").strip():
                self.add_error("protective_purpose", _("Describe the protective measure and its purpose."))
        return cleaned


class LifeStorySectionForm(forms.ModelForm):
    class Meta:
        model = LifeStorySection
        fields = ["title", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 5})}
