from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import services_register
from .forms import DATE_INPUT
from .models import ClientContact, Consent

KIND_HELP = _(
    "Explicit: a clear yes, spoken, written or signed. Implied: the client shows agreement by acting. "
    "Presumed: the client knows what is planned and shows no reluctance. Hypothetical: not given this "
    "time, but the client would very likely have agreed."
)


class RepresentativeField(forms.ModelChoiceField):
    default_error_messages = {"invalid_choice": _("Choose one of the client's relatives or representatives.")}

    def label_from_instance(self, contact):
        return f"{contact.name} ({contact.get_kind_display()})"


class ConsentForm(forms.ModelForm):
    given_by_representative = RepresentativeField(
        label=_("Given by"),
        queryset=ClientContact.objects.none(),
        required=False,
        empty_label=_("The client"),
        help_text=_("A representative needs a power that lets them consent for the client."),
    )

    class Meta:
        model = Consent
        fields = [
            "scope",
            "share_with",
            "kind",
            "method",
            "how_obtained",
            "given_on",
            "given_by_representative",
            "representative_power",
        ]
        widgets = {
            "scope": forms.Textarea(attrs={"rows": 3}),
            "share_with": forms.Textarea(attrs={"rows": 2}),
            "kind": forms.RadioSelect,
            "method": forms.RadioSelect,
            "how_obtained": forms.Textarea(attrs={"rows": 4}),
            "given_on": DATE_INPUT,
        }
        help_texts = {
            "kind": KIND_HELP,
            "share_with": _("Name the people or authorities, and what information they may receive."),
        }

    def __init__(self, *args, client, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = Consent.Kind.choices
        self.fields["method"].choices = Consent.Method.choices
        self.fields["given_by_representative"].queryset = client.contacts.filter(
            kind__in=services_register.CAN_REPRESENT
        )
        if not self.is_bound:
            self.initial.setdefault("given_on", timezone.localdate())

    def clean(self):
        cleaned = super().clean()
        errors = services_register.consent_errors(
            given_on=cleaned.get("given_on"),
            representative=cleaned.get("given_by_representative"),
            power=cleaned.get("representative_power", ""),
        )
        for field, message in errors.items():
            self.add_error(field, message)
        return cleaned


class ReviewForm(forms.Form):
    reviewed_on = forms.DateField(label=_("Reviewed on"), widget=DATE_INPUT)
    note = forms.CharField(
        label=_("What was found"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Does the consent still hold? Has anything changed in what the client wants?"),
    )

    def __init__(self, *args, consent, **kwargs):
        super().__init__(*args, **kwargs)
        self.consent = consent
        if not self.is_bound:
            self.initial.setdefault("reviewed_on", timezone.localdate())

    def clean(self):
        cleaned = super().clean()
        for field, message in services_register.review_errors(self.consent, cleaned.get("reviewed_on")).items():
            self.add_error(field, message)
        return cleaned


class WithdrawalForm(forms.Form):
    withdrawn_on = forms.DateField(label=_("Withdrawn on"), widget=DATE_INPUT)
    note = forms.CharField(
        label=_("What happened"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What the client said or showed, and whether all or part of the consent no longer holds."),
    )

    def __init__(self, *args, consent, **kwargs):
        super().__init__(*args, **kwargs)
        self.consent = consent
        if not self.is_bound:
            self.initial.setdefault("withdrawn_on", timezone.localdate())

    def clean(self):
        cleaned = super().clean()
        for field, message in services_register.withdrawal_errors(self.consent, cleaned.get("withdrawn_on")).items():
            self.add_error(field, message)
        return cleaned
