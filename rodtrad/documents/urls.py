from django.urls import path

from . import views

app_name = "documents"

urlpatterns = [
    path("brukare/<int:client_id>/akt.pdf", views.client_file_pdf, name="client_file"),
    path("brukare/<int:client_id>/plan/<int:period_id>/slutdokument.pdf", views.plan_final, name="plan_final"),
    path("brukare/<int:client_id>/plan/<int:period_id>/min-plan.pdf", views.plan_plain, name="plan_plain"),
]
