"""The client's view: an objection to an entry is noted beside it, dated, and the entry stays
as it was written."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from rodtrad.audit.models import Action
from rodtrad.clients import access

from . import services
from .forms import ObjectionForm, posted
from .models import Entry


def objection(request, client_id, entry_id):
    action = access.action_for(request, Action.CREATE)
    entries = Entry.objects.readable_by(request.user).filter(client_id=client_id)
    entry = access.object_for(request, entries, entry_id, action, detail="objection")
    if not entry.is_signed:
        return access.refused(request, _("An objection is noted on a signed entry."))
    form = ObjectionForm(posted(request), client=entry.client)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_objection(
                entry,
                text=form.cleaned_data["text"],
                raised_on=form.cleaned_data["raised_on"],
                contact=form.cleaned_data["raised_by_contact"],
                recorded_by=request.user,
            )
        except ValidationError as error:
            for field, errors in error.message_dict.items():
                for message in errors:
                    form.add_error(field if field in form.fields else None, message)
        else:
            messages.success(request, _("The objection is noted on the entry."))
            return redirect("journal:detail", client_id, entry.pk)
    return render(request, "journal/objection_form.html", {"client": entry.client, "entry": entry, "form": form})
