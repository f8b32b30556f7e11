from django import forms

from .models import ClientContact


class ContactForm(forms.ModelForm):
    class Meta:
        model = ClientContact
        fields = ["kind", "name", "relation", "phone", "email", "takes_part_in_planning"]
        widgets = {
            "kind": forms.RadioSelect,
            "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "off"}),
            "email": forms.EmailInput(attrs={"autocomplete": "off"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A radio group needs no empty "---------" choice.
        self.fields["kind"].choices = ClientContact.Kind.choices
