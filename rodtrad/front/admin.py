"""The unit's page in the admin, made of each app's part of it: the sign-in's (the minimum
assurance) and the register's (a new deadline for the first plan moves the orders' due dates).
Composed here, above both, so that neither knows the other."""

from django.contrib import admin

from rodtrad.accounts.models import Unit
from rodtrad.clients.admin import FirstPlanDeadline
from rodtrad.signin.admin import UnitAdmin as SignInUnitAdmin


class UnitAdmin(FirstPlanDeadline, SignInUnitAdmin):
    pass


admin.site.unregister(Unit)
admin.site.register(Unit, UnitAdmin)
