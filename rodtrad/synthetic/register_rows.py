"""Writes the planned register (register.py) to the database in bulk, and fills in the ids."""

import datetime
import random
from types import SimpleNamespace

from django.contrib.auth.hashers import make_password

from rodtrad.accounts.models import Membership, Organisation, Unit, User
from rodtrad.clients.due import consent_review, file_to_authority, first_plan
from rodtrad.clients.models import (
    OVERALL_GOALS,
    Client,
    ClientContact,
    Consent,
    ConsentReview,
    ContactPerson,
    Order,
    ProtectedDetailsGrant,
    Service,
)

from . import bulk, known, words
from .register import FICTION_PHONES, LANGUAGES, PERSONAL_GOALS, SERVICES

CASE_OFFICER = {"LSS": ("LSS-handläggare", "08-123 456 10"), "SoL": ("Biståndshandläggare", "08-123 456 20")}
CONSENT_SCOPES = (
    ("Att personalen får prata med {rel} om hur veckan har varit.", "{rel}"),
    ("Att daglig verksamhet och boendet får utbyta information om schemat.", "Daglig verksamhet och boendet"),
    ("Att sjuksköterskan får informera personalen om sådant som påverkar stödet.", "Kommunens sjuksköterska"),
)
AAC = (
    "Använder bildstöd för dagens schema och tecken som stöd (TSS).",
    "Pekar på en kommunikationskarta med bilder; svarar ja och nej med huvudet.",
    "Talar i korta meningar och behöver tid att svara.",
)
FILE_DUE_DAYS = 61
# The units are made with the model's defaults, the deadline for the first plan among them.
UNIT_DEFAULTS = SimpleNamespace(first_plan_days=Unit._meta.get_field("first_plan_days").default)


def write_units_and_staff(register, extra_memberships):
    organisation = Organisation.objects.create(name=known.ORGANISATION)
    units = bulk.insert(
        Unit, [bulk.row(Unit, organisation_id=organisation.pk, name=u.name, kind=u.kind) for u in register.units]
    )
    for synth, unit in zip(register.units, units, strict=True):
        synth.pk = unit.pk
    # One hash for everyone: hashing thousands of users one by one would take minutes.
    password = make_password(known.PASSWORD)
    people = register.managers + register.staff
    users = bulk.insert(
        User,
        [
            bulk.row(
                User,
                username=p.username,
                first_name=p.first_name,
                last_name=p.last_name,
                title=p.title,
                email=f"{p.username}@syntetstad.invalid",
                password=password,
            )
            for p in people
        ],
    )
    for person, user in zip(people, users, strict=True):
        person.pk = user.pk
    memberships = []
    for unit in register.units:
        memberships += [
            bulk.row(Membership, user_id=m.pk, unit_id=unit.pk, role=Membership.Role.MANAGER) for m in unit.managers
        ]
        members = {s.pk for s in unit.staff + extra_memberships.get(unit.number, [])}
        memberships += [bulk.row(Membership, user_id=pk, unit_id=unit.pk) for pk in sorted(members)]
    bulk.insert(Membership, memberships)


def write_clients(rng: random.Random, register, today):
    services = {(s.law, s.name): s for s in Service.objects.all()}
    clients = []
    for synth in register.clients:
        language = rng.choice(LANGUAGES) if rng.random() < 0.06 else "svenska"
        synth.protected = not synth.heavy and rng.random() < 0.01
        group_home = synth.home.kind == Unit.Kind.LSS_GROUP_HOME
        clients.append(
            bulk.row(
                Client,
                first_name=synth.first_name,
                last_name=synth.last_name,
                identity_kind=synth.identity_kind,
                personal_number=synth.personal_number,
                date_of_birth=synth.born,
                has_protected_details=synth.protected,
                address=f"{rng.choice(words.STREETS)} {rng.randint(1, 60)}",
                postal_code=f"{rng.randint(100, 199)} {rng.randint(10, 99)}",
                city=words.CITY,
                phone=rng.choice(FICTION_PHONES),
                language=language,
                needs_interpreter=language not in ("svenska", "teckenspråk") and rng.random() < 0.6,
                aac=rng.choice(AAC) if group_home and rng.random() < 0.2 else "",
            )
        )
    for synth, client in zip(register.clients, bulk.insert(Client, clients), strict=True):
        synth.pk = client.pk
    _write_orders(rng, register, services, today)
    _write_people_around(rng, register, today)


def _file_sent(rng, ended_on, today):
    """Most files reach the authority within two months of the end; some are late, which the dashboard shows."""
    if ended_on is None or (today - ended_on).days < 20 or rng.random() < 0.15:
        return None
    return ended_on + datetime.timedelta(days=rng.randint(5, min(FILE_DUE_DAYS - 2, (today - ended_on).days)))


def _write_orders(rng, register, services, today):
    orders, synth_orders = [], []
    for client in register.clients:
        for order in client.orders:
            law, name = SERVICES[order.service]
            title, phone = CASE_OFFICER[law]
            first, last = rng.choice(words.FEMALE_NAMES + words.MALE_NAMES), rng.choice(words.LAST_NAMES)
            sent_on = _file_sent(rng, order.ended_on, today)
            row = bulk.row(
                Order,
                client_id=client.pk,
                unit_id=order.unit.pk,
                service_id=services[law, name].pk,
                decision_date=order.valid_from - datetime.timedelta(days=rng.randint(7, 30)),
                valid_from=order.valid_from,
                overall_goal=str(OVERALL_GOALS[law]),
                personal_goals=PERSONAL_GOALS[order.service],
                case_officer_name=f"{first} {last}",
                case_officer_title=title,
                case_officer_phone=phone,
                case_officer_email=f"{first.lower()}.{last.lower()}@syntetstad.invalid",
                ended_on=order.ended_on,
                end_reason="Brukaren har flyttat till en annan kommun." if order.ended_on else "",
                file_sent_on=sent_on,
                file_sent_by_id=order.unit.managers[0].pk if sent_on else None,
            )
            # The due dates from their rules, which read the order's service and unit.
            row.service, row.unit = services[law, name], UNIT_DEFAULTS
            first_plan.set_due(row)
            file_to_authority.set_due(row)
            orders.append(row)
            synth_orders.append(order)
    for synth, order in zip(synth_orders, bulk.insert(Order, orders), strict=True):
        synth.pk = order.pk


def _write_people_around(rng, register, today):
    """Contact persons, relatives and representatives, rights to protected details, consents."""
    contact_persons, contacts, grants, consents = [], [], [], []
    for client in register.clients:
        contact_persons.append(
            bulk.row(ContactPerson, client_id=client.pk, user_id=client.contact.pk, since=client.start)
        )
        if client.daily is not None and client.daily.staff and rng.random() < 0.3:
            daily_contact = rng.choice(client.daily.staff)
            contact_persons.append(
                bulk.row(ContactPerson, client_id=client.pk, user_id=daily_contact.pk, since=client.start)
            )
        if client.protected:
            grants.append(
                bulk.row(
                    ProtectedDetailsGrant,
                    client_id=client.pk,
                    user_id=client.contact.pk,
                    granted_by_id=client.home.managers[0].pk,
                )
            )
        contacts += _contacts(rng, client)
        if rng.random() < 0.25:
            consents.append(_consent(rng, client, today))
    bulk.insert(ContactPerson, contact_persons)
    bulk.insert(ProtectedDetailsGrant, grants)
    bulk.insert(ClientContact, contacts)
    for consent, (reviewed, _note) in consents:
        consent_review.set_seen(consent, reviewed or consent.given_on)
    saved = bulk.insert(Consent, [consent for consent, _reviewed in consents])
    reviews = [
        bulk.row(
            ConsentReview, consent_id=consent.pk, reviewed_on=reviewed, reviewed_by_id=consent.recorded_by_id, note=note
        )
        for consent, (_c, (reviewed, note)) in zip(saved, consents, strict=True)
        if reviewed is not None
    ]
    bulk.insert(ConsentReview, reviews)


def _contacts(rng, client):
    found = []
    if client.is_child or rng.random() < 0.6:
        relation = (
            "mamma, vårdnadshavare"
            if client.is_child
            else rng.choice(("mamma", "pappa", "syster", "bror", "dotter", "son"))
        )
        found.append(
            bulk.row(
                ClientContact,
                client_id=client.pk,
                kind=ClientContact.Kind.RELATIVE,
                name=f"{rng.choice(words.FEMALE_NAMES + words.MALE_NAMES)} {client.last_name}",
                relation=relation,
                phone=rng.choice(FICTION_PHONES),
                takes_part_in_planning=client.is_child or rng.random() < 0.5,
            )
        )
    if not client.is_child and rng.random() < 0.15:
        found.append(
            bulk.row(
                ClientContact,
                client_id=client.pk,
                kind=rng.choice(
                    (ClientContact.Kind.GOOD_MAN, ClientContact.Kind.GOOD_MAN, ClientContact.Kind.ADMINISTRATOR)
                ),
                name=f"{rng.choice(words.FEMALE_NAMES + words.MALE_NAMES)} {rng.choice(words.LAST_NAMES)}",
                phone=rng.choice(FICTION_PHONES),
                email="ombud@syntetstad.invalid",
                takes_part_in_planning=True,
            )
        )
    return found


def _consent(rng, client, today):
    scope, share_with = rng.choice(CONSENT_SCOPES)
    relative = rng.choice(words.RELATIVES)
    days = max(1, (today - client.start).days)
    given_on = client.start + datetime.timedelta(days=rng.randrange(days))
    consent = bulk.row(
        Consent,
        client_id=client.pk,
        scope=scope.format(rel=f"sin {relative}"),
        share_with=share_with.format(rel=relative.capitalize()),
        kind=Consent.Kind.EXPLICIT,
        method=rng.choice((Consent.Method.ORAL, Consent.Method.WRITTEN, Consent.Method.AAC)),
        how_obtained="Gick igenom vad samtycket gäller i lugn och ro; brukaren sa ja och upprepade det dagen efter.",
        given_on=given_on,
        recorded_by_id=client.contact.pk,
    )
    reviewed = None
    if (today - given_on).days > 200 and rng.random() < 0.6:
        reviewed = (
            given_on + datetime.timedelta(days=rng.randint(150, (today - given_on).days)),
            "Samtycket gäller fortfarande.",
        )
    return consent, (reviewed or (None, ""))
