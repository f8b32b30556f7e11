from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

admin.site.site_header = _("Rödtråd administration")
admin.site.site_title = _("Rödtråd administration")

urlpatterns = [
    # The account pages (sign-in, two-factor) keep the namespace "accounts"; rodtrad/signin serves them.
    path("konto/", include(("rodtrad.signin.urls", "accounts"))),
    path("konto/passkey/", include("rodtrad.signin.urls_passkeys")),
    path("", include("rodtrad.operations.urls")),
    path("admin/", admin.site.urls),
    path("", include("rodtrad.audit.urls")),
    path("", include("rodtrad.clients.urls")),
    path("", include("rodtrad.documents.urls")),
    path("", include("rodtrad.plans.urls")),
    path("", include("rodtrad.journal.urls")),
    path("", include("rodtrad.followup.urls")),
    path("", include("rodtrad.oversight.urls")),
]
