"""Who may see a protected client's address and contact details. Only a manager of one of the
client's units hands the right out, to one named member at a time; each grant and revocation
leaves its own audit event naming the person, since the grant row itself may later be gone."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rodtrad.accounts.models import Membership
from rodtrad.audit import services as audit
from rodtrad.audit.models import Action

from . import access, services, services_register
from .forms_protected import GrantForm
from .models import ProtectedDetailsGrant

MANAGER = Membership.Role.MANAGER


def protected_details(request, client_id):
    """GET lists who holds the right; POST grants it to one more member."""
    action = access.action_for(request, Action.CREATE)
    client = access.client_for(request, client_id, action, object_type="protected_details_grant", role=MANAGER)
    read_only = services.is_closed(client)
    if request.method == "POST" and (read_only or not client.has_protected_details):
        # A redirect, not an exception, so the request's audit event is kept.
        refusal = services_register.READ_ONLY_MESSAGE if read_only else services_register.NOT_PROTECTED_MESSAGE
        messages.error(request, refusal)
        return redirect("clients:protected_details", client.pk)
    form = GrantForm(request.POST or None, client=client)
    if request.method == "POST" and form.is_valid():
        user = form.cleaned_data["user"]
        grant = services_register.grant_protected_details(client, user, granted_by=request.user)
        detail = _("granted to %(username)s") % {"username": user.username}
        audit.record(request, Action.CREATE, client=client, obj=grant, detail=detail)
        messages.success(request, _("%(user)s may now see the protected details.") % {"user": user})
        return redirect("clients:protected_details", client.pk)
    grants = client.protected_details_grants.select_related("user", "granted_by").order_by("granted_at")
    return render(
        request,
        "clients/protected/grants.html",
        {"client": client, "form": form, "grants": grants, "read_only": read_only},
    )


@require_POST
def protected_details_revoke(request, client_id, grant_id):
    grants = ProtectedDetailsGrant.objects.filter(client_id=client_id).select_related("user")
    grant = access.object_for(request, grants, grant_id, Action.UPDATE, role=MANAGER)
    user = grant.user
    detail = _("revoked for %(username)s") % {"username": user.username}
    audit.record(request, Action.UPDATE, client=grant.client, obj=grant, detail=detail)
    services_register.revoke_protected_details(grant)
    messages.success(request, _("%(user)s may no longer see the protected details.") % {"user": user})
    return redirect("clients:protected_details", client_id)
