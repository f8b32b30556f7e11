from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms import DateField
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from rodtrad.clients import access
from rodtrad.clients import services as client_services

from . import views_drafts
from .forms import LifeStorySectionForm
from .models import LifeStory


def life_story(request, client_id):
    """Levnadsberättelse: free sections, and when it was gone through with the client, who may
    change it."""
    action = access.action_for(request)
    client = access.client_for(request, client_id, action, object_type="life_story")
    story, _created = LifeStory.objects.get_or_create(client=client)
    if request.method == "POST":
        if client_services.is_closed(client):
            return access.refused(request, _("The case is closed and the record is read-only."))
        answered = views_drafts.handle(request, client, title=_("Life story"), form_name="section")
        if answered:
            return answered
    draft = views_drafts.state(request, "section")
    form = LifeStorySectionForm(
        request.POST if request.POST.get("form") == "section" else None, initial=draft.initial()
    )
    if request.method == "POST":
        if request.POST.get("form") == "reviewed":
            try:
                story.gone_through_on = DateField(required=False).clean(request.POST.get("gone_through_on"))
            except ValidationError as error:
                messages.error(request, error.messages[0])
            else:
                story.save(update_fields=["gone_through_on"])
            return redirect("plans:life_story", client.pk)
        if form.is_valid():
            section = form.save(commit=False)
            section.story = story
            section.position = story.sections.count()
            section.save()
            views_drafts.done(request, "section")
            return redirect("plans:life_story", client.pk)
    context = {
        "client": client,
        "story": story,
        "form": form,
        "d": draft,
        "read_only": client_services.is_closed(client),
    }
    return render(request, "plans/life_story.html", context)
