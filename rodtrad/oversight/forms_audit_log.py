from django import forms
from django.utils.translation import gettext_lazy as _

from rodtrad.accounts.models import Membership, User
from rodtrad.accounts.roles import managed_units
from rodtrad.clients.models import Client


class UserChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj} ({obj.username})"


class LogFilterForm(forms.Form):
    """Filters for the log review. Choices are limited to what the manager may review."""

    client = forms.ModelChoiceField(
        label=_("Client"), queryset=Client.objects.none(), required=False, empty_label=_("All clients")
    )
    user = UserChoiceField(label=_("User"), queryset=User.objects.none(), required=False, empty_label=_("All users"))
    date_from = forms.DateField(label=_("From date"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(label=_("To date"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, manager, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["client"].queryset = Client.objects.visible_to(
            manager, role=Membership.Role.MANAGER
        ).in_swedish_order()
        self.fields["user"].queryset = (
            User.objects.filter(memberships__unit__in=managed_units(manager))
            .distinct()
            .order_by("last_name", "first_name")
        )

    def clean(self):
        cleaned = super().clean()
        date_from, date_to = cleaned.get("date_from"), cleaned.get("date_to")
        if date_from and date_to and date_to < date_from:
            self.add_error("date_to", _("The to date must be on or after the from date."))
        return cleaned
