from django.urls import path

from . import health

app_name = "operations"

urlpatterns = [path("halsa/", health.health, name="health")]
