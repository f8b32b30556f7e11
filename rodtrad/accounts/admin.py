"""The system administrator manages users, units and memberships here. Client documentation is
deliberately not registered in the admin: administering the system gives no right to read it."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.models import Group
from django.utils.translation import gettext_lazy as _

from .models import Membership, Organisation, Unit, User


class MembershipInline(admin.StackedInline):
    """Stacked, not tabular: on a phone, and for a screen reader, each field has its label
    (the tabular inline's delete box has none)."""

    model = Membership
    extra = 0
    # A plain select, not the admin's autocomplete: its search box has no accessible name (axe),
    # and a municipality's units are few enough to choose from a list.


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    fieldsets = (*DjangoUserAdmin.fieldsets, (_("Work"), {"fields": ("title",)}))
    list_display = ("username", "first_name", "last_name", "title", "is_active", "is_staff")
    inlines = [MembershipInline]
    # Plain multiple selects: the admin's two-box filter widget fails axe (prohibited ARIA
    # attributes) and is hard to use on a phone.
    filter_horizontal = ()
    # Set by Django, not by hand; the admin's split date and time inputs also lack labels.
    readonly_fields = ("last_login", "date_joined")


# Rödtråd's roles are memberships of units, not Django's groups: nothing for an administrator to do there.
admin.site.unregister(Group)


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    search_fields = ["name"]


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ("name", "organisation", "kind", "first_plan_days")
    list_filter = ("organisation", "kind")
    search_fields = ["name"]
    inlines = [MembershipInline]
