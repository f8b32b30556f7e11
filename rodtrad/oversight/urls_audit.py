from django.urls import path

from . import views

app_name = "audit"

urlpatterns = [
    path("logg/", views.review, name="review"),
    path("logg/csv/", views.export_csv, name="export_csv"),
    path("brukare/<int:client_id>/logg/", views.client_log, name="client_log"),
]
