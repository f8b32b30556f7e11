from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rodtrad.accounts.roles import managed_units

from . import identity
from .models import OVERALL_GOALS, Client, Order, Service

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ClientForm(forms.ModelForm):
    class Meta:
        model = Client
        fields = [
            "first_name",
            "last_name",
            "identity_kind",
            "personal_number",
            "date_of_birth",
            "has_protected_details",
            "address",
            "postal_code",
            "city",
            "phone",
            "email",
            "language",
            "needs_interpreter",
            "aac",
        ]
        widgets = {"date_of_birth": DATE_INPUT, "aac": forms.Textarea(attrs={"rows": 3})}
        help_texts = {"date_of_birth": _("Only needed with a reserve number; otherwise it is read from the number.")}

    def __init__(self, *args, show_protected=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["personal_number"].required = True
        if not show_protected:
            # A user without the grant can neither read nor overwrite a protected address.
            for name in ("address", "postal_code", "city", "phone", "email"):
                del self.fields[name]

    def clean(self):
        cleaned = super().clean()
        kind, number = cleaned.get("identity_kind"), cleaned.get("personal_number")
        if not number or not kind:
            return cleaned
        if kind == Client.IdentityKind.RESERVE_NUMBER:
            if not cleaned.get("date_of_birth"):
                self.add_error("date_of_birth", _("Give the date of birth when the client has a reserve number."))
            return cleaned
        try:
            digits, born = identity.parse(number, coordination=kind == Client.IdentityKind.COORDINATION_NUMBER)
        except forms.ValidationError as error:
            self.add_error("personal_number", error)
            return cleaned
        cleaned["personal_number"], cleaned["date_of_birth"] = digits, born
        duplicates = Client.objects.filter(personal_number=digits).exclude(pk=self.instance.pk)
        if duplicates.exists():
            self.add_error(
                "personal_number",
                _(
                    "A client with this number is already registered in Rödtråd. Ask your system administrator to add the order to that record."
                ),
            )
        return cleaned


class UnitChoiceField(forms.ModelChoiceField):
    default_error_messages = {"invalid_choice": _("You can only register orders for units you manage.")}


class OrderForm(forms.ModelForm):
    unit = UnitChoiceField(label=_("Performing unit"), queryset=None)

    class Meta:
        model = Order
        fields = [
            "service",
            "unit",
            "decision_date",
            "valid_from",
            "valid_to",
            "plan_required_by_decision",
            "overall_goal",
            "personal_goals",
            "case_officer_name",
            "case_officer_title",
            "case_officer_phone",
            "case_officer_email",
        ]
        widgets = {
            "decision_date": DATE_INPUT,
            "valid_from": DATE_INPUT,
            "valid_to": DATE_INPUT,
            "overall_goal": forms.Textarea(attrs={"rows": 3}),
            "personal_goals": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "overall_goal": _("Filled in from the law when left empty."),
            "personal_goals": _("The personal goals the case officer wrote in the order."),
        }

    def __init__(self, *args, user, client=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.client = client
        self.fields["unit"].queryset = managed_units(user)
        self.fields["service"].queryset = Service.objects.all()

    def clean(self):
        cleaned = super().clean()
        valid_from, valid_to = cleaned.get("valid_from"), cleaned.get("valid_to")
        if valid_from and valid_to and valid_to < valid_from:
            self.add_error("valid_to", _("Valid to must be on or after valid from."))
        decision = cleaned.get("decision_date")
        if decision and valid_from and decision > valid_from:
            self.add_error("decision_date", _("The decision date cannot be after the order starts."))
        service = cleaned.get("service")
        if service and not cleaned.get("overall_goal"):
            cleaned["overall_goal"] = str(OVERALL_GOALS[service.law])
        if service and self.client is not None and self.client.pk and self._overlaps_open_order(service, valid_from):
            self.add_error("service", _("The client already has an open order of this service."))
        return cleaned

    def _overlaps_open_order(self, service, valid_from):
        others = Order.objects.filter(client=self.client, service=service, ended_on__isnull=True)
        if valid_from:
            others = others.exclude(valid_to__lt=valid_from)
        return others.exclude(pk=self.instance.pk).exists()


class EndOrderForm(forms.Form):
    ended_on = forms.DateField(label=_("Ended on"), widget=DATE_INPUT)
    end_reason = forms.CharField(label=_("Reason for ending"), widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, order, **kwargs):
        super().__init__(*args, **kwargs)
        self.order = order

    def clean_ended_on(self):
        ended_on = self.cleaned_data["ended_on"]
        if ended_on < self.order.valid_from:
            raise forms.ValidationError(_("An order cannot end before it started."))
        # Ending closes the record at once; an end the decision plans ahead is its "valid to".
        if ended_on > timezone.localdate():
            raise forms.ValidationError(_("An order is ended once it has ended: the date cannot be in the future."))
        return ended_on
