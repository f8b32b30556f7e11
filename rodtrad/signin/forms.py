from django import forms
from django.utils.translation import gettext_lazy as _

from rodtrad.accounts.assurance import MINIMUM_CHOICES
from rodtrad.accounts.models import Unit


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=20,
        help_text=_("The six digits in your authenticator app, or one of your recovery codes."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "text", "autofocus": True}),
        error_messages={"required": _("Enter the code.")},
    )

    def clean_code(self):
        return "".join(self.cleaned_data["code"].split())


class UnitAssuranceForm(forms.ModelForm):
    minimum_assurance = forms.TypedChoiceField(
        label=_("Minimum sign-in assurance"), choices=MINIMUM_CHOICES, coerce=int
    )

    class Meta:
        model = Unit
        fields = ["minimum_assurance"]
