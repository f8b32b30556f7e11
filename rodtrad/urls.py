from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from rodtrad.clients import urls as clients
from rodtrad.front import urls as front
from rodtrad.oversight import urls as oversight
from rodtrad.plans import urls as plans

admin.site.site_header = _("Rödtråd administration")
admin.site.site_title = _("Rödtråd administration")

# A page the front builds keeps the namespace of the app whose data it shows: the clients', the
# plans' and oversight's namespaces are each that app's patterns and the front's for it.
urlpatterns = [
    # The account pages (sign-in, two-factor) keep the namespace "accounts"; rodtrad/signin serves them.
    path("konto/", include(("rodtrad.signin.urls", "accounts"))),
    path("konto/passkey/", include("rodtrad.signin.urls_passkeys")),
    path("", include("rodtrad.operations.urls")),
    path("admin/", admin.site.urls),
    path("", include("rodtrad.oversight.urls_audit")),
    path("", include((clients.urlpatterns + front.clients, "clients"))),
    path("", include("rodtrad.documents.urls")),
    path("", include((plans.urlpatterns + front.plans, "plans"))),
    path("", include("rodtrad.journal.urls")),
    path("", include("rodtrad.followup.urls")),
    path("", include((oversight.urlpatterns + front.oversight, "oversight"))),
]
