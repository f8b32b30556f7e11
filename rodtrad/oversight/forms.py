from django import forms
from django.utils.translation import gettext_lazy as _

from .models import CHECKLIST, Assessment, Outcome, SpotCheckItem
from .services import ANSWER_EVERY_POINT, CHOOSE_OUTCOME, checklist_errors


class UnitForm(forms.Form):
    """Which of the manager's units the dashboard shows: one, or all of them."""

    enhet = forms.TypedChoiceField(label=_("Unit"), required=False, coerce=int, empty_value=None)

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["enhet"].choices = [("", _("All my units")), *((unit.pk, unit.name) for unit in units)]


class LogReviewForm(forms.Form):
    note = forms.CharField(
        label=_("Note (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("For example what was looked at, or anything that was followed up."),
    )


class SpotCheckItemForm(forms.ModelForm):
    """The checklist for one sampled journal. What makes an answer complete is
    services.checklist_errors, shown here all at once."""

    class Meta:
        model = SpotCheckItem
        fields = [field for field, _label in CHECKLIST] + ["outcome", "comment"]
        widgets = {field: forms.RadioSelect for field, _label in CHECKLIST} | {
            "outcome": forms.RadioSelect,
            "comment": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field, _label in CHECKLIST:
            self.fields[field].required = True
            self.fields[field].choices = Assessment.choices
            self.fields[field].error_messages["required"] = ANSWER_EVERY_POINT
        self.fields["outcome"].required = True
        self.fields["outcome"].choices = Outcome.choices
        self.fields["outcome"].error_messages["required"] = CHOOSE_OUTCOME
        self.fields["comment"].help_text = _(
            "Required when the journal needs work: what the staff should do differently."
        )

    def clean(self):
        cleaned = super().clean()
        answers = {field: cleaned.get(field, "") for field, _label in CHECKLIST}
        errors = checklist_errors(answers, cleaned.get("outcome", ""), cleaned.get("comment", ""))
        for field, message in errors.items():
            if field not in self.errors:
                self.add_error(field, message)
        return cleaned

    @property
    def checklist_fields(self):
        return [self[field] for field, _label in CHECKLIST]
