from django.urls import path

from . import views

app_name = "documents"

urlpatterns = [
    path("brukare/<int:client_id>/akt.pdf", views.client_file, name="client_file"),
]
