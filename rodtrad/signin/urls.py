"""The account pages under /konto/, in the namespace "accounts" (rodtrad/urls.py)."""

from django.contrib.auth.decorators import login_not_required
from django.urls import path
from django.views.decorators.csrf import csrf_exempt
from djangosaml2 import views as saml2_views

from . import saml, views, views_mfa, views_units
from .middleware import second_factor_step

urlpatterns = [
    path("logga-in/", views.SignInView.as_view(), name="login"),
    path("logga-ut/", second_factor_step(views.SignOutView.as_view()), name="logout"),
    # OpenID Connect: to the provider, and its return (the redirect URI to register there).
    path("oidc/logga-in/", login_not_required(views.OidcRequestView.as_view()), name="oidc_login"),
    path("oidc/retur/", login_not_required(views.OidcCallbackView.as_view()), name="oidc_callback"),
    # SAML 2.0: this service's metadata (for the federation), the request, and the IdP's answer.
    path("saml/metadata/", login_not_required(saml2_views.MetadataView.as_view()), name="saml_metadata"),
    path("saml/logga-in/", login_not_required(saml.LoginView.as_view()), name="saml_login"),
    path("saml/acs/", login_not_required(csrf_exempt(saml.AssertionConsumerServiceView.as_view())), name="saml_acs"),
    # Two-factor.
    path("tvastegs/", views_mfa.two_factor, name="two_factor"),
    path("tvastegs/verifiera/", views_mfa.verify, name="verify"),
    path("tvastegs/app/qr.svg", views_mfa.totp_qr, name="totp_qr"),
    path("tvastegs/app/", views_mfa.totp_confirm, name="totp_confirm"),
    path("tvastegs/reservkoder/", views_mfa.recovery_codes, name="recovery_codes"),
    # A manager's units and what signing in to them requires.
    path("enheter/inloggning/", views_units.unit_requirements, name="unit_requirements"),
    path("enheter/<int:unit_id>/inloggning/", views_units.set_unit_requirement, name="set_unit_requirement"),
]
