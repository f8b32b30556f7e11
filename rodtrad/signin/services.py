"""A sign-in from start to finish, whichever way it came: the second factor a password sign-in
still owes, the unit's minimum assurance, and the audit log's sign-in, refusal and sign-out events.

The session keeps how it was signed in (SESSION_KEY): the method, the assurance the identity
provider asserted and the level that stands for. The middleware (middleware.py) holds every
request of a session to both rules: a second factor owed, a level below a unit's minimum."""

from django.conf import settings
from django.contrib import auth
from django.utils.translation import gettext as _
from django_otp import user_has_device
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from rodtrad.accounts.assurance import Level, level_of
from rodtrad.accounts.roles import memberships_in
from rodtrad.audit import services as audit
from rodtrad.audit.models import Action, SignInMethod

SESSION_KEY = "rodtrad_sign_in"
IDENTITY_PROVIDERS = {SignInMethod.OIDC, SignInMethod.SAML}
LOCAL_LEVELS = {
    SignInMethod.PASSWORD: Level.PASSWORD,
    SignInMethod.PASSWORD_TOTP: Level.TWO_FACTOR,
    SignInMethod.PASSWORD_PASSKEY: Level.TWO_FACTOR,
    SignInMethod.PASSWORD_RECOVERY: Level.TWO_FACTOR,
}


def how_signed_in(request) -> dict:
    """{"method", "assurance", "level"}; a session from before issue 18 counts as a password one."""
    return request.session.get(SESSION_KEY) or {"method": SignInMethod.PASSWORD, "assurance": "", "level": 1}


def owes_second_factor(request) -> bool:
    """A password session owes a second factor when the user has one, or when every local
    account must (RODTRAD_REQUIRE_MFA), until a device has verified it."""
    info = request.session.get(SESSION_KEY)
    if info and info["method"] in IDENTITY_PROVIDERS:
        return False
    if request.user.is_verified():
        return False
    if info and info.get("pending"):
        return True
    return settings.RODTRAD_REQUIRE_MFA


def second_factor_step(user) -> str:
    """The step's page (a URL name): "verify" for a user with a confirmed device, "two_factor"
    (enrolment) for one who has none yet."""
    return "verify" if user_has_device(user, confirmed=True) else "two_factor"


def _method_of(device) -> str:
    if isinstance(device, TOTPDevice):
        return SignInMethod.PASSWORD_TOTP
    if isinstance(device, StaticDevice):
        return SignInMethod.PASSWORD_RECOVERY
    return SignInMethod.PASSWORD_PASSKEY


def units_above(request, level: int) -> list:
    """The user's units that require more than `level` (read with the header's memberships)."""
    return [m.unit for m in memberships_in(request) if m.unit.minimum_assurance > level]


def refusal_for_level(units) -> str:
    highest = max(unit.minimum_assurance for unit in units)
    return _("%(units)s requires signing in at %(level)s. Sign in with e-identification, or ask your manager.") % {
        "units": ", ".join(unit.name for unit in units),
        "level": Level(highest).label,
    }


def password_signed_in(request, user) -> bool:
    """After the password was right (auth.login done): True when a second factor is still owed."""
    request.session[SESSION_KEY] = {"method": SignInMethod.PASSWORD, "assurance": "", "level": 1, "pending": False}
    if user_has_device(user, confirmed=True) or settings.RODTRAD_REQUIRE_MFA:
        request.session[SESSION_KEY]["pending"] = True
        return True
    return False


def complete(request, method: str, assurance: str = "") -> str:
    """The sign-in is whole: record it, or refuse it (signing out) when a unit of the user's
    requires more than it reached. Returns the refusal's message, or ""."""
    level = level_of(assurance) if method in IDENTITY_PROVIDERS else LOCAL_LEVELS[method]
    user = request.user
    request.__dict__.pop("_rodtrad_memberships", None)  # read before the sign-in, if at all
    above = units_above(request, level)
    if above:
        message = refusal_for_level(above)
        refuse(request, method, message, assurance=assurance, user=user)
        auth.logout(request)
        return message
    request.session[SESSION_KEY] = {"method": method, "assurance": assurance, "level": level, "pending": False}
    audit.record(
        request,
        Action.SIGN_IN,
        sign_in_method=method,
        assurance=assurance,
        detail=_("assurance level %(level)s") % {"level": level},
    )
    return ""


def second_factor_verified(request) -> str:
    """A device has just verified the session (django_otp.login): the sign-in is complete."""
    return complete(request, _method_of(request.user.otp_device))


def refuse(request, method: str, reason: str, *, claimed="", assurance="", user=None):
    """A refused sign-in in the audit log: who it was (or the name the identity provider claimed),
    how, and why."""
    detail = f"{claimed}: {reason}" if claimed and user is None else reason
    audit.record(request, Action.REFUSED, user=user, sign_in_method=method, assurance=assurance, detail=detail)


def below_minimum(request) -> str:
    """The refusal for a session whose level a unit of the user's no longer accepts (a manager
    raised the minimum while it was open), or ""."""
    above = units_above(request, how_signed_in(request)["level"])
    return refusal_for_level(above) if above else ""


def signing_out(request):
    audit.record(request, Action.SIGN_OUT, sign_in_method=how_signed_in(request)["method"])
