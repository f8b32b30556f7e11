"""The administrator's part of sign-in, in the admin: resetting a user's second factor, and a
unit's minimum assurance; both audited. Devices are not registered on their own, so that no
second factor is removed or made for someone without an audit event."""

from django.contrib import admin, messages
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

from rodtrad.accounts import admin as accounts_admin
from rodtrad.accounts.models import Unit, User
from rodtrad.audit import services as audit
from rodtrad.audit.models import Action

from . import units
from .models import GroupMapping

DEVICES = (TOTPDevice, StaticDevice, WebAuthnCredential)
for model in DEVICES:
    if admin.site.is_registered(model):
        admin.site.unregister(model)


@transaction.atomic
def reset_second_factor(request, user):
    """Every second factor of the user removed: at the next password sign-in they enrol anew."""
    removed = sum(model.objects.filter(user=user).delete()[0] for model in DEVICES)
    audit.record(request, Action.UPDATE, obj=user, detail=_("Two-factor reset by the administrator"))
    return removed


@admin.action(description=gettext_lazy("Reset two-factor (the user enrols again at the next sign-in)"))
def reset_two_factor(modeladmin, request, queryset):
    for user in queryset:
        reset_second_factor(request, user)
    messages.success(request, _("Two-factor is reset for %(count)s users.") % {"count": len(queryset)})


admin.site.unregister(User)


@admin.register(User)
class UserAdmin(accounts_admin.UserAdmin):
    actions = [reset_two_factor]


admin.site.unregister(Unit)


@admin.register(Unit)
class UnitAdmin(accounts_admin.UnitAdmin):
    list_display = (*accounts_admin.UnitAdmin.list_display, "minimum_assurance")

    def save_model(self, request, obj, form, change):
        before = form.initial.get("minimum_assurance", obj.minimum_assurance) if change else None
        super().save_model(request, obj, form, change)
        if change and before != obj.minimum_assurance:
            units.record_change(request, obj, before)


@admin.register(GroupMapping)
class GroupMappingAdmin(admin.ModelAdmin):
    """The IdP's groups that give units and roles at sign-in (groups.py); every change audited."""

    list_display = ("group", "unit", "role")
    list_filter = ("unit", "role")
    search_fields = ["group"]
    # A plain select, not the admin's autocomplete: its search box has no accessible name (axe),
    # and a municipality's units are few enough to choose from a list.

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        what = _("Group mapping changed: %(mapping)s") if change else _("Group mapping added: %(mapping)s")
        audit.record(request, Action.UPDATE if change else Action.CREATE, obj=obj, detail=what % {"mapping": obj})

    def delete_model(self, request, obj):
        audit.record(request, Action.UPDATE, obj=obj, detail=_("Group mapping removed: %(mapping)s") % {"mapping": obj})
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.delete_model(request, obj)
