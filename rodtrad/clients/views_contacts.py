"""Relatives, representatives and others around the client. Not documentation: they may be
corrected and removed, but only while the case is open."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from rodtrad.audit.models import Action

from . import access, services, services_register
from .forms_contacts import ContactForm
from .models import ClientContact


def _read_only(request, client_id):
    # A redirect, not an exception, so the request's audit event is kept.
    messages.error(request, services_register.READ_ONLY_MESSAGE)
    return redirect("clients:contacts", client_id)


def _contacts(client_id):
    return ClientContact.objects.filter(client_id=client_id)


def contact_list(request, client_id):
    client = access.client_for(request, client_id, object_type="contact_list")
    return render(
        request,
        "clients/contacts/list.html",
        {
            "client": client,
            "contacts": client.contacts.all(),
            "read_only": services.is_closed(client),
        },
    )


def contact_new(request, client_id):
    client = access.client_for(request, client_id, access.action_for(request, Action.CREATE), object_type="contact")
    if services.is_closed(client):
        return _read_only(request, client.pk)
    form = ContactForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        contact = services_register.add_contact(client, form.save(commit=False))
        messages.success(request, _("%(name)s was added to the contacts.") % {"name": contact.name})
        return redirect("clients:contacts", client.pk)
    return render(request, "clients/contacts/form.html", {"client": client, "form": form})


def contact_edit(request, client_id, contact_id):
    contact = access.object_for(request, _contacts(client_id), contact_id, access.action_for(request, Action.UPDATE))
    if services.is_closed(contact.client):
        return _read_only(request, client_id)
    form = ContactForm(request.POST or None, instance=contact)
    if request.method == "POST" and form.is_valid():
        services_register.update_contact(form.save(commit=False))
        messages.success(request, _("The contact was saved."))
        return redirect("clients:contacts", client_id)
    return render(request, "clients/contacts/form.html", {"client": contact.client, "form": form, "contact": contact})


def contact_remove(request, client_id, contact_id):
    """GET asks for confirmation; POST removes."""
    contact = access.object_for(request, _contacts(client_id), contact_id, access.action_for(request, Action.UPDATE))
    if services.is_closed(contact.client):
        return _read_only(request, client_id)
    can_remove = services_register.contact_can_be_removed(contact)
    if request.method == "POST" and can_remove:
        services_register.remove_contact(contact)
        messages.success(request, _("%(name)s was removed from the contacts.") % {"name": contact.name})
        return redirect("clients:contacts", client_id)
    return render(
        request,
        "clients/contacts/remove.html",
        {"client": contact.client, "contact": contact, "can_remove": can_remove},
    )
