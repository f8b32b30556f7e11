"""django-otp-webauthn's ceremonies, in its namespace "otp_webauthn" (its script finds them by
name), reachable by a session that owes its second factor. Registering a passkey is held to
the same rule as adding an app (views_mfa.may_add_device)."""

from django.urls import path
from django.views.i18n import JavaScriptCatalog
from django_otp_webauthn import views

from .middleware import second_factor_step
from .views_mfa import may_add_device

app_name = "otp_webauthn"

urlpatterns = [
    path(
        "registrering/start/",
        second_factor_step(may_add_device(views.BeginCredentialRegistrationView.as_view())),
        name="credential-registration-begin",
    ),
    path(
        "registrering/klar/",
        second_factor_step(may_add_device(views.CompleteCredentialRegistrationView.as_view())),
        name="credential-registration-complete",
    ),
    path(
        "verifiering/start/",
        second_factor_step(views.BeginCredentialAuthenticationView.as_view()),
        name="credential-authentication-begin",
    ),
    path(
        "verifiering/klar/",
        second_factor_step(views.CompleteCredentialAuthenticationView.as_view()),
        name="credential-authentication-complete",
    ),
    path(
        "jsi18n/",
        second_factor_step(JavaScriptCatalog.as_view(packages=["django_otp_webauthn"])),
        name="js-i18n-catalog",
    ),
]
