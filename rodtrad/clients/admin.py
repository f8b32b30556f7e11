from django.contrib import admin

from .models import Service


@admin.register(Service)
class ServiceAdmin(admin.ModelAdmin):
    """The service catalogue is system configuration, not client data."""

    list_display = ("name", "law", "legal_reference")
    list_filter = ("law",)
    search_fields = ["name", "legal_reference"]
