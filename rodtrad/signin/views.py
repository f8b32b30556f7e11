"""Signing in and out: the sign-in page (identity providers first, the password form second or
not at all), the OpenID Connect request and return, and signing out (at the provider too)."""

from urllib.parse import urlencode

import requests
from django.conf import settings
from django.contrib import auth, messages
from django.contrib.auth import views as auth_views
from django.core.exceptions import SuspiciousOperation
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from mozilla_django_oidc import views as oidc_views

from rodtrad.audit.models import SignInMethod

from . import groups, oidc, saml, services, sso

UNREACHABLE = _(
    "The sign-in service does not answer just now. Try again in a while, or contact your system administrator."
)


def _to_sign_in(request, message):
    messages.error(request, message)
    return redirect("accounts:login")


def identity_providers(next_url=""):
    """The sign-in page's buttons: (label, address) for each configured identity provider."""
    query = f"?{urlencode({'next': next_url})}" if next_url else ""
    providers = []
    if oidc.configured():
        providers.append(
            (settings.RODTRAD_OIDC_LABEL or _("Sign in with e-identification"), reverse("accounts:oidc_login") + query)
        )
    if saml.configured():
        default = (
            _("Sign in with e-identification") if not providers else _("Sign in with SITHS eID through the federation")
        )
        providers.append((settings.RODTRAD_SAML_LABEL or default, saml.login_url(next_url)))
    return providers


class SignInView(auth_views.LoginView):
    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["identity_providers"] = identity_providers(self.get_redirect_url())
        context["password_login"] = settings.RODTRAD_PASSWORD_LOGIN
        return context

    def post(self, request, *args, **kwargs):
        if not settings.RODTRAD_PASSWORD_LOGIN:
            return _to_sign_in(request, _("Sign in with e-identification: passwords are not used here."))
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        user = form.get_user()
        auth.login(self.request, user)
        if services.password_signed_in(self.request, user):
            step = services.second_factor_step(user)
            return redirect(f"{reverse('accounts:' + step)}?{urlencode({'next': self.get_success_url()})}")
        refusal = services.complete(self.request, SignInMethod.PASSWORD)
        if refusal:
            return _to_sign_in(self.request, refusal)
        return HttpResponseRedirect(self.get_success_url())


class OidcRequestView(oidc_views.OIDCAuthenticationRequestView):
    """To the provider's authorization endpoint, with state, nonce and the PKCE challenge."""

    get_settings = staticmethod(oidc.provider_setting)

    def __init__(self, *args, **kwargs):
        # The library reads the endpoint here; it is read in get(), where a provider that does
        # not answer can be told to the user.
        super(oidc_views.OIDCAuthenticationRequestView, self).__init__(*args, **kwargs)

    def get(self, request):
        if not oidc.configured():
            raise Http404
        try:
            self.OIDC_OP_AUTH_ENDPOINT = self.get_settings("OIDC_OP_AUTHORIZATION_ENDPOINT")
        except oidc.ProviderError:
            return _to_sign_in(request, UNREACHABLE)
        self.OIDC_RP_CLIENT_ID = settings.OIDC_RP_CLIENT_ID
        return super().get(request)


class OidcCallbackView(oidc_views.OIDCAuthenticationCallbackView):
    """The provider's return: the library checks the state and exchanges the code (with the PKCE
    verifier); oidc.Backend verifies the ID token and finds the user."""

    get_settings = staticmethod(oidc.provider_setting)

    def get(self, request):
        try:
            return super().get(request)
        except (SuspiciousOperation, requests.RequestException, oidc.ProviderError) as error:
            attempt = sso.attempt_of(request)
            message = _(
                "The answer from the identity provider could not be verified. Try again, or contact your system administrator."
            )
            if isinstance(error, requests.RequestException | oidc.ProviderError):
                message = UNREACHABLE
            services.refuse(
                request,
                SignInMethod.OIDC,
                f"{message} ({error})"[:200],
                claimed=attempt.claimed if attempt else "",
                assurance=attempt.assurance if attempt else "",
            )
            return _to_sign_in(request, message)

    def login_success(self):
        response = super().login_success()
        attempt = sso.attempt_of(self.request)
        groups.apply(self.request, self.user, attempt.groups if attempt else set())
        refusal = services.complete(self.request, SignInMethod.OIDC, attempt.assurance if attempt else "")
        if refusal:
            return _to_sign_in(self.request, refusal)
        return response

    def login_failure(self):
        attempt = sso.attempt_of(self.request)
        if attempt and attempt.refusal:
            message = attempt.refusal
            services.refuse(
                self.request,
                SignInMethod.OIDC,
                message,
                claimed=attempt.claimed,
                assurance=attempt.assurance,
                user=attempt.user,
            )
        else:
            error = self.request.GET.get("error", "")
            message = _("Signing in through the identity provider was cancelled or failed. Try again.")
            services.refuse(self.request, SignInMethod.OIDC, f"{message} {error}".strip()[:200])
        return _to_sign_in(self.request, message)


class SignOutView(oidc_views.OIDCLogoutView):
    """Ends the Rödtråd session (POST only) and, for a session signed in through OpenID Connect,
    sends the browser on to the provider's end_session_endpoint (oidc.end_session_url)."""

    http_method_names = ["post"]
    get_settings = staticmethod(oidc.provider_setting)

    def post(self, request):
        if request.user.is_authenticated:
            services.signing_out(request)
        return super().post(request)
