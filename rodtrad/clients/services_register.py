"""Domain operations on the register around a client: contacts, consents and the right to see
protected personal details. Views, commands and tests call these; the rules live here so that
no entry point can skip them."""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rodtrad.accounts.models import User

from .due import consent_review
from .models import Client, ClientContact, Consent, ConsentReview, ProtectedDetailsGrant
from .services import is_closed

READ_ONLY_MESSAGE = _("The case is closed and the record is read-only.")
NOT_PROTECTED_MESSAGE = _("The client has no protected personal details.")

# Who may consent in the client's place, given a power that allows it (rutin Samtycke).
CAN_REPRESENT = (ClientContact.Kind.GOOD_MAN, ClientContact.Kind.ADMINISTRATOR, ClientContact.Kind.RELATIVE)


def refuse_if_read_only(client: Client) -> None:
    if is_closed(client):
        raise PermissionDenied(READ_ONLY_MESSAGE)


# Contacts. They are not documentation, so they may be corrected and removed.


def add_contact(client: Client, contact: ClientContact) -> ClientContact:
    refuse_if_read_only(client)
    contact.client = client
    contact.save()
    return contact


def update_contact(contact: ClientContact) -> ClientContact:
    refuse_if_read_only(contact.client)
    contact.save()
    return contact


def contact_can_be_removed(contact: ClientContact) -> bool:
    """A contact who gave a consent stays: the consent must keep saying who gave it."""
    return not contact.consents_given.exists()


def remove_contact(contact: ClientContact) -> None:
    refuse_if_read_only(contact.client)
    if not contact_can_be_removed(contact):
        raise PermissionDenied(_("This contact gave a consent and cannot be removed."))
    contact.delete()


# Consents. Recorded once; afterwards only reviewed or withdrawn, never rewritten.


def consent_errors(*, given_on, representative, power, today=None) -> dict:
    today = today or timezone.localdate()
    errors = {}
    if given_on and given_on > today:
        errors["given_on"] = _("A consent cannot be given in the future.")
    if representative is not None and not power.strip():
        errors["representative_power"] = _(
            "Write which power of attorney, or which part of the guardianship, lets the representative "
            "consent for the client."
        )
    return errors


def review_errors(consent: Consent, reviewed_on, today=None) -> dict:
    today = today or timezone.localdate()
    if not consent.is_active:
        return {"reviewed_on": _("A withdrawn consent is not reviewed.")}
    if reviewed_on and reviewed_on > today:
        return {"reviewed_on": _("A review cannot be dated in the future.")}
    if reviewed_on and reviewed_on < consent.given_on:
        return {"reviewed_on": _("A review cannot be before the consent was given.")}
    return {}


def withdrawal_errors(consent: Consent, withdrawn_on, today=None) -> dict:
    today = today or timezone.localdate()
    if not consent.is_active:
        return {"withdrawn_on": _("The consent has already been withdrawn.")}
    if withdrawn_on and withdrawn_on > today:
        return {"withdrawn_on": _("A withdrawal cannot be dated in the future.")}
    if withdrawn_on and withdrawn_on < consent.given_on:
        return {"withdrawn_on": _("A consent cannot be withdrawn before it was given.")}
    return {}


def _raise(errors: dict) -> None:
    if errors:
        raise ValidationError(errors)


def record_consent(client: Client, consent: Consent, *, recorded_by: User) -> Consent:
    refuse_if_read_only(client)
    representative = consent.given_by_representative
    if representative is not None and (
        representative.client_id != client.pk or representative.kind not in CAN_REPRESENT
    ):
        raise ValidationError(
            {"given_by_representative": _("Choose one of the client's relatives or representatives.")}
        )
    if representative is None:
        consent.representative_power = ""
    _raise(consent_errors(given_on=consent.given_on, representative=representative, power=consent.representative_power))
    consent.client = client
    consent.recorded_by = recorded_by
    consent_review.set_seen(consent, consent.given_on)
    consent.save()
    return consent


def consents_to_review_with_plan(client: Client, period_start):
    """Consents due with a plan period that starts on `period_start` (due/consent_review.py)."""
    return client.consents.filter(consent_review.not_seen_since(period_start))


def review_consent(consent: Consent, *, reviewed_on, reviewed_by: User, note: str = "") -> ConsentReview:
    refuse_if_read_only(consent.client)
    _raise(review_errors(consent, reviewed_on))
    review = ConsentReview.objects.create(consent=consent, reviewed_on=reviewed_on, reviewed_by=reviewed_by, note=note)
    consent_review.reviewed(consent, reviewed_on)
    return review


def withdraw_consent(consent: Consent, *, withdrawn_on, note: str) -> Consent:
    refuse_if_read_only(consent.client)
    _raise(withdrawal_errors(consent, withdrawn_on))
    consent.withdrawn_on = withdrawn_on
    consent.withdrawal_note = note
    consent.save(update_fields=["withdrawn_on", "withdrawal_note"])
    return consent


# Protected personal details (skyddade personuppgifter): shown to users granted them one by one.


@dataclass(frozen=True)
class ContactDetails:
    address: str
    postal_code: str
    city: str
    phone: str
    email: str

    def __bool__(self):
        return any((self.address, self.postal_code, self.city, self.phone, self.email))


def contact_details_for(client: Client, user) -> ContactDetails | None:
    """The client's address and contact details as `user` may see them: None when they are
    protected and the user holds no grant. Lists, exports and PDFs read them through here."""
    if not user.is_authenticated or not client.shows_protected_details_to(user):
        return None
    return ContactDetails(client.address, client.postal_code, client.city, client.phone, client.email)


def grantable_users(client: Client):
    """Members of the units the client has orders at, the only people the right may go to."""
    return User.objects.filter(memberships__unit__orders__client=client, is_active=True).distinct()


@transaction.atomic
def grant_protected_details(client: Client, user: User, *, granted_by: User) -> ProtectedDetailsGrant:
    refuse_if_read_only(client)
    if not client.has_protected_details:
        raise ValidationError({"user": NOT_PROTECTED_MESSAGE})
    if not grantable_users(client).filter(pk=user.pk).exists():
        raise ValidationError({"user": _("Choose a member of one of the client's units.")})
    grant, _created = ProtectedDetailsGrant.objects.get_or_create(
        client=client, user=user, defaults={"granted_by": granted_by}
    )
    return grant


def revoke_protected_details(grant: ProtectedDetailsGrant) -> None:
    """Allowed even on a closed case: taking a right away never needs an open order."""
    grant.delete()
