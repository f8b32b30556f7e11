"""Who an identity provider's answer lets in, the same for OpenID Connect and SAML: an existing,
active Rödtråd user whose user name is the claim or attribute; with RODTRAD_SSO_CREATE_USERS a
new user with no unit (a manager or the administrator grants units). Never an account with rights."""

from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from rodtrad.accounts.models import User
from rodtrad.audit import services as audit
from rodtrad.audit.models import Action

# The URL names of the identity providers' returns (rodtrad/signin/urls.py).
RETURNS = {"oidc_callback", "saml_acs"}


@dataclass
class Attempt:
    """What one identity provider's answer said, kept on the request for the view that answers it."""

    method: str
    claimed: str = ""
    assurance: str = ""
    refusal: str = ""
    user: User | None = None
    groups: set = field(default_factory=set)


def attempt_of(request) -> Attempt | None:
    return getattr(request, "rodtrad_sso", None)


def is_identity_provider_return(request, credentials=None) -> bool:
    """For django-axes (AXES_WHITELIST_CALLABLE): an identity provider's return guesses no
    password; its refusals are in the audit log instead of the lock-out counter."""
    match = getattr(request, "resolver_match", None)
    return bool(match and match.url_name in RETURNS)


def user_for(request, attempt: Attempt, username: str, *, first_name="", last_name="", email=""):
    """The user the identity provider's answer names, or None with the reason in attempt.refusal."""
    request.rodtrad_sso = attempt
    attempt.claimed = (username or "").strip()
    if not attempt.claimed:
        attempt.refusal = _("The identity provider did not say who you are. Contact your system administrator.")
        return None
    matches = list(User.objects.filter(username__iexact=attempt.claimed)[:2])
    if len(matches) > 1:
        attempt.refusal = _(
            "More than one account in Rödtråd has the user name %(username)s. Contact your system administrator."
        ) % {"username": attempt.claimed}
        return None
    if not matches:
        if not settings.RODTRAD_SSO_CREATE_USERS:
            attempt.refusal = _(
                "%(username)s has no account in Rödtråd. Ask your manager or system administrator to give you one."
            ) % {"username": attempt.claimed}
            return None
        attempt.user = _created(request, attempt.claimed, first_name=first_name, last_name=last_name, email=email)
        return attempt.user
    user = matches[0]
    attempt.user = user
    if not user.is_active:
        attempt.refusal = _("Your account in Rödtråd is closed. Ask your manager or system administrator.")
        return None
    return user


@transaction.atomic
def _created(request, username, *, first_name, last_name, email):
    """A just-in-time account: no unit, no staff rights, no password. It sees nothing until a
    manager or the administrator grants it a unit."""
    user = User(username=username, first_name=first_name[:150], last_name=last_name[:150], email=email[:254])
    user.set_unusable_password()
    user.save()
    audit.record(request, Action.CREATE, obj=user, user=user, detail=_("Account created at first sign-in"))
    return user
