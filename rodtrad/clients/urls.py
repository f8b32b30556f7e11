from django.urls import path

from . import views

app_name = "clients"

urlpatterns = [
    path("", views.my_clients, name="my_clients"),
    path("brukare/<int:client_id>/", views.client_detail, name="detail"),
]
