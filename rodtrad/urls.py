from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

admin.site.site_header = _("Rödtråd administration")
admin.site.site_title = _("Rödtråd administration")

urlpatterns = [
    path("konto/", include("rodtrad.accounts.urls")),
    path("admin/", admin.site.urls),
    path("", include("rodtrad.audit.urls")),
    path("", include("rodtrad.clients.urls")),
    path("", include("rodtrad.documents.urls")),
    path("", include("rodtrad.plans.urls")),
    path("", include("rodtrad.journal.urls")),
    path("", include("rodtrad.followup.urls")),
    path("", include("rodtrad.oversight.urls")),
]
