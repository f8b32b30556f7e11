from django.contrib import admin

from .due import first_plan
from .models import Order, Service


@admin.register(Service)
class ServiceAdmin(admin.ModelAdmin):
    """The service catalogue is system configuration, not client data. A changed plan rule
    changes when the first plan of the service's orders is due (due/first_plan.py)."""

    list_display = ("name", "law", "legal_reference")
    list_filter = ("law",)
    search_fields = ["name", "legal_reference"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "plan_rule" in form.changed_data:
            first_plan.refresh(Order.objects.filter(service=obj))


class FirstPlanDeadline:
    """For the unit's admin (composed in front/admin.py with the other apps' parts of it): a
    changed deadline for the first plan moves the due date of the unit's orders
    (due/first_plan.py)."""

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "first_plan_days" in form.changed_data:
            first_plan.refresh(Order.objects.filter(unit=obj))
