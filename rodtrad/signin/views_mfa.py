"""Two-factor for local accounts: the second step of a password sign-in (a one-time code, a
recovery code or a passkey), enrolment (an authenticator app or a passkey) and recovery codes.

django-otp keeps the devices and verifies the codes (with its throttling after failures);
django-otp-webauthn runs the passkey ceremonies from its own static script. The middleware
completes the sign-in once a device has verified the session (middleware.py)."""

import secrets
from base64 import b32encode
from functools import wraps
from urllib.parse import urlencode

import django_otp
import segno
from django.contrib import messages
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp import user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

from .forms import CodeForm
from .middleware import second_factor_step

RECOVERY_CODES = 10
SETUP_KEY = "rodtrad_totp_setup"


def may_add_device(view):
    """Adding a second factor needs a session that has passed one, or a user who has none yet
    (enrolment): otherwise a password alone could add a device and pass with it."""

    @wraps(view)
    def checked(request, *args, **kwargs):
        if not request.user.is_verified() and user_has_device(request.user, confirmed=True):
            return redirect(f"{reverse('accounts:verify')}?{urlencode({'next': _next(request)})}")
        return view(request, *args, **kwargs)

    return checked


def _secret(device):
    return b32encode(device.bin_key).decode()


def _next(request):
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return url
    return "/"


def _devices(user):
    return {
        "totp": list(TOTPDevice.objects.devices_for_user(user, confirmed=True)),
        "passkeys": list(WebAuthnCredential.objects.devices_for_user(user, confirmed=True)),
        "recovery_left": StaticToken.objects.filter(device__user=user, device__confirmed=True).count(),
    }


@second_factor_step
def verify(request):
    """The second step of a password sign-in."""
    devices = _devices(request.user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = django_otp.match_token(request.user, form.cleaned_data["code"])
        if device is not None:
            django_otp.login(request, device)
            return redirect(_next(request))
        form.add_error("code", _("The code is not right, or it has been used. Try the code your app shows now."))
    context = {"form": form, "next": _next(request), **devices}
    return render(
        request, "accounts/verify.html", context, status=200 if form.is_bound is False or form.is_valid() else 400
    )


def _setup_device(request):
    """The authenticator app being added: unconfirmed until its first code is right."""
    device = TOTPDevice.objects.filter(user=request.user, confirmed=False, pk=request.session.get(SETUP_KEY)).first()
    if device is None:
        device = TOTPDevice.objects.create(user=request.user, name=_("Authenticator app"), confirmed=False)
        request.session[SETUP_KEY] = device.pk
    return device


@second_factor_step
@may_add_device
def two_factor(request):
    """Enrolment on first sign-in, and later the user's own overview of their second factors."""
    device = _setup_device(request)
    context = {
        "form": CodeForm(),
        "next": _next(request),
        "secret": _secret(device),
        **_devices(request.user),
    }
    return render(request, "accounts/two_factor.html", context)


@second_factor_step
@may_add_device
def totp_qr(request):
    """The new app's key as a QR code (an SVG image, no script and no inline style)."""
    svg = segno.make(_setup_device(request).config_url, error="m").svg_inline(
        scale=5, title=_("QR code for your authenticator app")
    )
    return HttpResponse(svg, content_type="image/svg+xml")


@second_factor_step
@may_add_device
@require_POST
@transaction.atomic
def totp_confirm(request):
    device = _setup_device(request)
    form = CodeForm(request.POST)
    if form.is_valid() and device.verify_token(form.cleaned_data["code"]):
        device.confirmed = True
        device.save()
        request.session.pop(SETUP_KEY, None)
        if not request.user.is_verified():
            django_otp.login(request, device)
        messages.success(request, _("Your authenticator app is added."))
        if not StaticToken.objects.filter(device__user=request.user).exists():
            return _show_new_recovery_codes(request)
        return redirect(_next(request))
    if form.is_valid():
        form.add_error(
            "code", _("The code is not right. Check that the app shows Rödtråd and try the code it shows now.")
        )
    context = {"form": form, "next": _next(request), "secret": _secret(device), **_devices(request.user)}
    return render(request, "accounts/two_factor.html", context, status=400)


def _show_new_recovery_codes(request):
    StaticDevice.objects.filter(user=request.user).delete()
    device = StaticDevice.objects.create(user=request.user, name=_("Recovery codes"), confirmed=True)
    codes = [f"{secrets.randbelow(10**10):010d}" for _unused in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return render(request, "accounts/recovery_codes.html", {"codes": codes, "next": _next(request)})


@second_factor_step
@require_POST
@transaction.atomic
def recovery_codes(request):
    """New recovery codes (the old ones stop working), shown this once. A session that has not
    passed its second factor gets them only after a device of its own (a passkey) verified it."""
    if not request.user.is_verified():
        return redirect("accounts:two_factor")
    return _show_new_recovery_codes(request)
