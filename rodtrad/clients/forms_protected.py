from django import forms
from django.utils.translation import gettext_lazy as _

from . import services_register


class StaffMemberField(forms.ModelChoiceField):
    default_error_messages = {"invalid_choice": _("Choose a member of one of the client's units.")}

    def label_from_instance(self, user):
        return user.name_with_title


class GrantForm(forms.Form):
    user = StaffMemberField(label=_("Staff member"), queryset=None)

    def __init__(self, *args, client, **kwargs):
        super().__init__(*args, **kwargs)
        already = client.protected_details_grants.values("user")
        self.fields["user"].queryset = (
            services_register.grantable_users(client).exclude(pk__in=already).order_by("first_name", "last_name")
        )
