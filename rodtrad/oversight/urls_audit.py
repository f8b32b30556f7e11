"""The managers' review of the audit log (logguppföljning), under the audit app's namespace and
addresses: the log is written by rodtrad.audit, below the clients; reading it by client is oversight's."""

from django.urls import path

from . import views_audit_log as views

app_name = "audit"

urlpatterns = [
    path("logg/", views.review, name="review"),
    path("logg/csv/", views.export_csv, name="export_csv"),
    path("brukare/<int:client_id>/logg/", views.client_log, name="client_log"),
]
