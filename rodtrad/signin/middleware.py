"""Every request of a signed-in session is held to two rules (services.py): a password session
that owes a second factor reaches only the second-factor pages until a device has verified it,
and a session below the minimum assurance of one of the user's units is ended with a message."""

from urllib.parse import urlencode

from django.contrib import auth, messages
from django.shortcuts import redirect
from django.urls import reverse

from . import services


def second_factor_step(view):
    """Marks a view that a session owing its second factor may reach (the second-factor pages,
    the passkey ceremonies, signing out)."""
    view.second_factor_step = True
    return view


class SignInMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        owed = request.user.is_authenticated and services.owes_second_factor(request)
        response = self.get_response(request)
        # A device verified the session during this request (a code, a passkey, a new device):
        # the sign-in is complete now, whichever view did it.
        if owed and request.user.is_authenticated and request.user.is_verified():
            refusal = services.second_factor_verified(request)
            if refusal:
                messages.error(request, refusal)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not request.user.is_authenticated:
            return None
        if getattr(view_func, "second_factor_step", False):
            return None
        if services.owes_second_factor(request):
            step = services.second_factor_step(request.user)
            return redirect(f"{reverse('accounts:' + step)}?{urlencode({'next': request.get_full_path()})}")
        refusal = services.below_minimum(request)
        if refusal:
            services.refuse(request, services.how_signed_in(request)["method"], refusal)
            auth.logout(request)
            messages.error(request, refusal)
            return redirect("accounts:login")
        return None
