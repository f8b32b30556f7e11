"""Invented demo data: one organisation, three units, fourteen clients and four users.

Every person is made up. Personal identity numbers are generated with a correct check digit
and birth numbers in the 98x–99x range that Skatteverket uses for its test series; one client
has a samordningsnummer (day of birth + 60) and one a reserve number."""

import datetime

from django.db import transaction
from django.utils import timezone
from stdnum import luhn

from rodtrad.accounts.models import Membership, Organisation, Unit, User
from rodtrad.clients import services as client_services
from rodtrad.clients import services_register
from rodtrad.clients.models import (
    OVERALL_GOALS,
    Client,
    ClientContact,
    Consent,
    ContactPerson,
    Order,
    ProtectedDetailsGrant,
    Service,
)
from rodtrad.followup import services as followup
from rodtrad.followup.models import Answer
from rodtrad.front import services as front
from rodtrad.journal import services as journal
from rodtrad.journal.models import Category, Entry
from rodtrad.lib import dates
from rodtrad.oversight.models import LogReview
from rodtrad.plans import services as plans
from rodtrad.plans.models import PlanPeriod, SectionTemplate

from . import demo_followup

ORGANISATION = "Demokommunen vård och omsorg"
PASSWORD = "rodtrad-demo"

UNITS = {
    "larkan": ("Gruppbostaden Lärkan", Unit.Kind.LSS_GROUP_HOME, "Bostad med särskild service för vuxna"),
    "verkstan": ("Daglig verksamhet Verkstan", Unit.Kind.LSS_DAILY_ACTIVITY, "Daglig verksamhet"),
    "soder": ("Hemtjänst och boendestöd Söder", Unit.Kind.SOL_HOME_CARE, "Boendestöd"),
}

# (username, first name, last name, title, {unit: role}, is_admin)
USERS = [
    ("personal", "Pia", "Lund", "Stödassistent", {"larkan": Membership.Role.SUPPORT_STAFF}, False),
    ("kontaktman", "Karim", "Haddad", "Stödpedagog", {"larkan": Membership.Role.SUPPORT_STAFF}, False),
    (
        "chef",
        "Cecilia",
        "Ekström",
        "Enhetschef",
        {"larkan": Membership.Role.MANAGER, "verkstan": Membership.Role.MANAGER},
        False,
    ),
    ("admin", "Adam", "Nord", "Systemadministratör", {}, True),
]

# (first name, last name, birth date, units, contact person username). Leo, a child, gets his
# short-term-stay order in _details; Farah's number is a samordningsnummer and Tomas has a
# reserve number (set in _details).
CLIENTS = [
    ("Elsa", "Lindqvist", "19850314", ["larkan", "verkstan"], "kontaktman"),
    ("Omar", "Åberg", "19920722", ["larkan", "verkstan"], "kontaktman"),
    ("Jonas", "Öhman", "19780105", ["larkan"], None),
    ("Maja", "Berg", "20010918", ["larkan", "verkstan"], None),
    ("Sven", "Ängström", "19690430", ["larkan"], None),
    ("Linnea", "Zetterlund", "19990211", ["verkstan"], None),
    ("Amir", "Eklund", "19951127", ["verkstan"], None),
    ("Greta", "Nyström", "19410603", ["soder"], None),
    ("Bertil", "Andersson", "19380812", ["soder"], None),
    ("Aino", "Virtanen", "19521009", ["soder"], None),
    ("Leo", "Nyberg", "20110402", [], None),
    ("Farah", "Yusuf", "19900512", ["larkan"], None),
    ("Tomas", "Kallio", "19870923", ["verkstan"], None),
    ("Gösta", "Lind", "19600117", ["verkstan"], None),
]

DEMO_LOGINS = [(username, f"{first} {last}, {title}") for username, first, last, title, _, _ in USERS]

CASE_OFFICERS = {
    "LSS": ("Lena Handläggare", "LSS-handläggare", "08-123 456 01", "lena.handlaggare@demo.invalid"),
    "SoL": ("Sara Biståndshandläggare", "Biståndshandläggare", "08-123 456 02", "sara.bistand@demo.invalid"),
}
PERSONAL_GOALS = {
    "larkan": "Att bo tryggt i egen lägenhet med stöd, och själv bestämma över sin vardag.",
    "verkstan": "Att ha en meningsfull sysselsättning och utvecklas i sitt arbete.",
    "soder": "Att klara vardagen i det egna hemmet så självständigt som möjligt.",
}


def demo_personal_number(birth_date: str, index: int) -> str:
    """A 12-digit number for an invented person: birth number 980–999 and a valid check digit."""
    serial = f"{980 + index % 20:03d}"
    body = birth_date[2:] + serial
    return birth_date[:2] + body + luhn.calc_check_digit(body)


def demo_coordination_number(birth_date: str, index: int) -> str:
    """A samordningsnummer: the day of birth plus 60, then a number with a valid check digit."""
    day = int(birth_date[6:]) + 60
    body = f"{birth_date[2:6]}{day:02d}{980 + index % 20:03d}"
    return birth_date[:2] + body + luhn.calc_check_digit(body)


def _at(day, hour=14):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def is_loaded() -> bool:
    return Organisation.objects.filter(name=ORGANISATION).exists()


def _order(client, unit, service, valid_from, **extra):
    name, title, phone, email = CASE_OFFICERS[service.law]
    order = Order(
        client=client,
        unit=unit,
        service=service,
        decision_date=valid_from - datetime.timedelta(days=14),
        valid_from=valid_from,
        overall_goal=str(OVERALL_GOALS[service.law]),
        case_officer_name=name,
        case_officer_title=title,
        case_officer_phone=phone,
        case_officer_email=email,
        **extra,
    )
    return client_services.add_order(client, order)


@transaction.atomic
def load():
    organisation = Organisation.objects.create(name=ORGANISATION)
    units = {
        key: Unit.objects.create(organisation=organisation, name=name, kind=kind)
        for key, (name, kind, _service) in UNITS.items()
    }
    users = {}
    for username, first, last, title, roles, is_admin in USERS:
        user = User(
            username=username,
            first_name=first,
            last_name=last,
            title=title,
            email=f"{username}@demo.invalid",
            is_staff=is_admin,
            is_superuser=is_admin,
        )
        user.set_password(PASSWORD)
        user.save()
        for unit_key, role in roles.items():
            Membership.objects.create(user=user, unit=units[unit_key], role=role)
        users[username] = user

    services = {key: Service.objects.get(name=service) for key, (_n, _k, service) in UNITS.items()}
    start = datetime.date(2025, 3, 1)
    clients = {}
    for index, (first, last, birth, unit_keys, contact) in enumerate(CLIENTS):
        client = Client.objects.create(
            first_name=first,
            last_name=last,
            personal_number=demo_personal_number(birth, index),
            date_of_birth=datetime.datetime.strptime(birth, "%Y%m%d").date(),
            address=f"Demogatan {index + 1}",
            postal_code="123 45",
            city="Demostad",
            language="svenska",
        )
        for unit_key in unit_keys:
            _order(
                client,
                units[unit_key],
                services[unit_key],
                start + datetime.timedelta(days=7 * index),
                personal_goals=PERSONAL_GOALS[unit_key],
            )
        if contact:
            ContactPerson.objects.create(client=client, user=users[contact], since=start)
        clients[last] = client
    _details(clients, units, users)
    _plans(clients, units, users)
    _closed_case(clients["Lind"], units["verkstan"], users)
    demo_followup.load(clients, units, users)
    _oversight(clients, units, users)


def _details(clients, units, users):
    """The parts of the register that only some clients have."""
    # A child on a short-term stay at the group home: the child perspective will be required.
    short_stay = Service.objects.get(law="LSS", name="Korttidsvistelse utanför det egna hemmet")
    _order(clients["Nyberg"], units["larkan"], short_stay, datetime.date(2026, 9, 1))

    # Protected personal details, granted only to the contact person who visits.
    jonas = clients["Öhman"]
    jonas.has_protected_details = True
    jonas.save(update_fields=["has_protected_details"])
    ProtectedDetailsGrant.objects.create(client=jonas, user=users["kontaktman"], granted_by=users["chef"])

    elsa = clients["Lindqvist"]
    elsa.aac = "Använder bildstöd för dagens schema och tecken som stöd (TSS)."
    elsa.save(update_fields=["aac"])
    omar = clients["Åberg"]
    omar.language, omar.needs_interpreter = "arabiska", True
    omar.save(update_fields=["language", "needs_interpreter"])

    ClientContact.objects.create(
        client=elsa,
        kind=ClientContact.Kind.RELATIVE,
        name="Birgitta Lindqvist",
        relation="mamma",
        phone="070-000 00 01",
        takes_part_in_planning=True,
    )
    guardian = ClientContact.objects.create(
        client=omar,
        kind=ClientContact.Kind.GOOD_MAN,
        name="Göran Godman",
        phone="070-000 00 02",
        email="goran.godman@demo.invalid",
        takes_part_in_planning=True,
    )
    consent = Consent(
        scope="Att personal på daglig verksamhet och gruppbostad får utbyta information om Elsas schema och mående.",
        share_with="Daglig verksamhet Verkstan och Gruppbostaden Lärkan",
        kind=Consent.Kind.EXPLICIT,
        method=Consent.Method.AAC,
        how_obtained="Gick igenom med bildstöd; Elsa pekade på ja-bilden och upprepade sitt ja dagen efter.",
        given_on=datetime.date(2025, 3, 20),
    )
    services_register.record_consent(elsa, consent, recorded_by=users["kontaktman"])
    services_register.review_consent(
        consent,
        reviewed_on=datetime.date(2025, 10, 2),
        reviewed_by=users["kontaktman"],
        note="Elsa vill fortfarande att informationen delas.",
    )
    omars = Consent(
        scope="Att kontaktmannen får prata med Omars god man om ekonomi inför resor.",
        share_with="God man Göran Godman",
        kind=Consent.Kind.EXPLICIT,
        method=Consent.Method.ORAL,
        given_on=datetime.date(2025, 4, 2),
        given_by_representative=guardian,
        representative_power="Godmanskap: bevaka rätt och förvalta egendom",
    )
    services_register.record_consent(omar, omars, recorded_by=users["kontaktman"])

    # A samordningsnummer and a reserve number (kept as given, with the date of birth by hand).
    farah = clients["Yusuf"]
    farah.identity_kind = Client.IdentityKind.COORDINATION_NUMBER
    farah.personal_number = demo_coordination_number("19900512", 11)
    farah.language, farah.needs_interpreter = "somaliska", True
    farah.save(update_fields=["identity_kind", "personal_number", "language", "needs_interpreter"])
    tomas = clients["Kallio"]
    tomas.identity_kind = Client.IdentityKind.RESERVE_NUMBER
    tomas.personal_number = "RES-2026-0042"
    tomas.save(update_fields=["identity_kind", "personal_number"])
    ClientContact.objects.create(
        client=tomas,
        kind=ClientContact.Kind.ADMINISTRATOR,
        name="Fredrik Förvaltare",
        relation="förvaltare",
        phone="070-000 00 03",
        takes_part_in_planning=True,
    )
    ClientContact.objects.create(
        client=clients["Nyberg"],
        kind=ClientContact.Kind.RELATIVE,
        name="Sanna Nyberg",
        relation="mamma, vårdnadshavare",
        phone="070-000 00 04",
        takes_part_in_planning=True,
    )

    # Two closed cases at the daily activity. Amir's file is not yet sent to the authority;
    # Gösta's has been (his record is filled in _closed_case).
    chef = users["chef"]
    amir = clients["Eklund"]
    journal.record_event_entry(
        amir,
        category=Category.EVENT,
        text="Amir berättade att han har fått ett arbete med lönebidrag och vill sluta på Verkstan i oktober.",
        author=chef,
        occurred_at=_at(datetime.date(2026, 9, 28)),
    )
    front.end_order(
        amir.orders.get(),
        ended_on=datetime.date(2026, 10, 15),
        reason="Amir har fått arbete med lönebidrag och avslutar daglig verksamhet.",
        user=chef,
    )

    # A safety alarm alongside home care: no implementation plan is needed for it.
    alarm = Service.objects.get(law="SoL", name="Trygghetslarm")
    _order(clients["Andersson"], units["soder"], alarm, datetime.date(2025, 6, 1))


def _default_sections():
    return {section.title: section for section in SectionTemplate.objects.filter(template__unit=None)}


def _plans(clients, units, users):
    """Elsa has an established plan at the group home; Omar's is a draft being written."""
    sections = _default_sections()
    elsa = clients["Lindqvist"]
    order = elsa.orders.get(unit=units["larkan"])
    period = plans.start_plan(elsa, units["larkan"], starts_on=datetime.date(2026, 3, 15))
    plans.save_period(
        period,
        {
            "planning_date": datetime.date(2026, 3, 15),
            "participation": "Elsa var med på mötet och visade med bildstöd vad hon vill. Hon valde själv målet om matlagning.",
            "participants": "Elsa Lindqvist, Birgitta Lindqvist (mamma), Karim Haddad (kontaktman)",
            "follow_up_planned_on": datetime.date(2026, 9, 15),
            "signature_method": "oral",
            "signed_on": datetime.date(2026, 3, 15),
            "signed_by": "Elsa Lindqvist",
        },
        expected_version=period.version,
    )
    cooking = plans.add_item(
        period,
        section=sections["Måltidssituation"],
        order=order,
        title="Laga middag",
        does_alone="Elsa skalar och skär grönsaker själv.",
        support_wanted="Stöd vid spisen och med att läsa receptet.",
        how_wanted="Elsa vill ha bildrecept och att personalen står bredvid utan att ta över.",
    )
    plans.add_item(
        period,
        section=sections["Vanor och rutiner"],
        order=order,
        title="Morgonrutin",
        does_alone="Elsa klär på sig själv.",
        support_wanted="Påminnelse om tiden.",
        how_wanted="Bildschema på kylskåpet; personalen knackar på kl. 7.30.",
    )
    plans.add_goal(
        cooking,
        goal_type="develop",
        what="laga middag själv",
        how_often="en gång i veckan",
        support="bildrecept och personal i köket",
        by_when=datetime.date(2027, 3, 15),
        why="Elsa vill kunna bjuda sin mamma på middag",
        order_goal=order.personal_goals,
    )
    assessment = plans.save_risk_assessment(
        period,
        assessed_on=datetime.date(2026, 3, 15),
        team="Karim Haddad (kontaktman), Cecilia Ekström (enhetschef)",
        responsible="Karim Haddad",
    )
    plans.add_risk(
        assessment,
        item=cooking,
        description="Elsa kan bränna sig på spisplattan när hon lagar mat.",
        consequence=2,
        likelihood=2,
        causes="Svårt att se om plattan är varm.",
        tried_before="Inga åtgärder prövade tidigare.",
        actions="Personal står bredvid vid spisen; markering på plattorna.",
        responsible="Karim Haddad (kontaktman)",
        follow_up_on=datetime.date(2026, 9, 15),
    )
    plans.establish(period, user=users["kontaktman"])

    omar = clients["Åberg"]
    draft = plans.start_plan(omar, units["larkan"], starts_on=datetime.date(2026, 11, 1))
    plans.save_period(
        draft,
        {"participants": "Omar Åberg, Göran Godman (god man), Karim Haddad (kontaktman)"},
        expected_version=draft.version,
    )
    plans.add_item(
        draft,
        section=sections["Sociala aktiviteter"],
        order=omar.orders.get(unit=units["larkan"]),
        title="Gym två kvällar i veckan",
        does_alone="Omar packar sin träningsväska själv.",
        support_wanted="Sällskap på bussen till gymmet.",
        how_wanted="Samma personal varje gång, om det går.",
    )


def _closed_case(client, unit, users):
    """A whole record that has ended: an established plan with a goal followed up, journal
    entries, the ended order with its journal note, and the file sent to the authority."""
    sections = _default_sections()
    chef = users["chef"]
    order = client.orders.get()
    period = plans.start_plan(client, unit, starts_on=datetime.date(2025, 4, 20))
    plans.save_period(
        period,
        {
            "planning_date": datetime.date(2025, 4, 20),
            "participation": "Gösta berättade själv vilka arbetsuppgifter han tycker om.",
            "participants": "Gösta Lind, Cecilia Ekström (enhetschef)",
            "follow_up_planned_on": datetime.date(2025, 10, 20),
            "signature_method": "paper",
            "signed_on": datetime.date(2025, 4, 20),
            "signed_by": "Gösta Lind",
        },
        expected_version=period.version,
    )
    woodwork = plans.add_item(
        period,
        section=sections["Mål och insatser"],
        order=order,
        title="Snickeri",
        does_alone="Gösta slipar och målar själv.",
        support_wanted="Hjälp med maskinerna.",
        how_wanted="En handledare i närheten, som visar en gång och sedan låter honom prova.",
    )
    goal = plans.add_goal(
        woodwork,
        goal_type="maintain",
        what="göra färdigt en fågelholk själv",
        how_often="varje månad",
        support="en handledare som visar stegen",
        by_when=datetime.date(2026, 4, 20),
        why="Gösta vill ge holkarna till sina barnbarn",
        order_goal=order.personal_goals,
    )
    plans.save_risk_assessment(
        period,
        assessed_on=datetime.date(2025, 4, 20),
        team="Cecilia Ekström (enhetschef)",
        responsible="Cecilia Ekström",
        no_risks_identified=True,
        no_risks_grounds="Gösta använder bara handverktyg; maskinerna sköts av handledaren.",
    )
    plans.establish(period, user=chef)
    followup.record_follow_up(
        woodwork,
        goal=goal,
        user=chef,
        today=datetime.date(2025, 10, 20),
        answer=Answer.FULLY,
        comment="Gösta har gjort fem holkar och vill fortsätta med samma mål.",
        next_follow_up_on=datetime.date(2026, 4, 20),
        with_client=True,
    )
    for day, text in (
        (datetime.date(2025, 5, 6), "Gösta visade sin första holk för gruppen och var stolt."),
        (datetime.date(2025, 11, 3), "Månadsanteckning: stödet har fungerat enligt planen. Gösta trivs i snickeriet."),
        (datetime.date(2026, 5, 29), "Gösta berättade att han ska flytta till sin dotter i Umeå i juni."),
    ):
        journal.record_event_entry(client, category=Category.EVENT, text=text, author=chef, occurred_at=_at(day))
    front.end_order(
        order, ended_on=datetime.date(2026, 6, 30), reason="Gösta har flyttat till en annan kommun.", user=chef
    )
    client_services.mark_file_sent(order, user=chef, sent_on=datetime.date(2026, 8, 12))


# (client's last name, author, months of the last twelve with entries (0 = twelve months ago)).
# Elsa's journal stays empty: the journal's browser tests write her first entry.
JOURNAL_MONTHS = [
    ("Åberg", "kontaktman", range(12)),
    ("Berg", "personal", [0, 1, 2, 4, 5, 6, 8, 9, 11]),
    ("Öhman", "personal", [9, 10, 11]),
]
MONTHLY_NOTE = "Stödet har fungerat enligt genomförandeplanen. {name} säger att veckorna har gått bra."
EVENT = "{name} åkte själv med bussen till affären och handlade det som stod på listan."


def _entry(client, author, category, occurred_at, text, *, signed=True):
    """An entry as its author wrote it: signed two hours after the event, or a draft."""
    return Entry(
        client=client,
        author=author,
        author_name=author.get_full_name(),
        author_title=author.title,
        category=category,
        occurred_at=occurred_at,
        text=text,
        signed_at=occurred_at + datetime.timedelta(hours=2) if signed else None,
        signed_by=author if signed else None,
    )


def _oversight(clients, units, users):
    """A year of journal entries for some clients (not all: the dashboard should have something
    to show), a draft left unsigned, a goal followed up and due again, and last month's review of
    the audit log. Dated from the day the demo is loaded, so that the dashboard is never empty."""
    today = timezone.localdate()
    months = dates.months_back(today, 12)
    entries = []
    for last_name, username, month_numbers in JOURNAL_MONTHS:
        client, author = clients[last_name], users[username]
        for number in month_numbers:
            for day, category, text in ((8, Category.EVENT, EVENT), (25, Category.MONTHLY, MONTHLY_NOTE)):
                occurred = _at(months[number].replace(day=day), 14)
                entries.append(_entry(client, author, category, occurred, text.format(name=client.first_name)))
    # For the quality spot check: an entry the writing help has something to say about.
    entries.append(
        _entry(
            clients["Berg"],
            users["personal"],
            Category.DEVIATION,
            _at(months[-1].replace(day=12), 9),
            "Maja var envis och vägrade duscha på morgonen. Vi försökte igen efter frukost.",
        )
    )
    Entry.objects.bulk_create(entries)

    # A draft the kontaktman started five days ago and has not signed since.
    contact = users["kontaktman"]
    five_days_ago = timezone.now() - datetime.timedelta(days=5)
    text = "Omar berättade om resan till Göteborg som han planerar med sin god man."
    draft = _entry(clients["Åberg"], contact, Category.EVENT, five_days_ago, text, signed=False)
    draft.save()
    draft.created_at = five_days_ago
    draft.save(update_fields=["created_at"])

    # Elsa's plan was established on its planning day (demo_followup follows up her goal).
    elsa_period = PlanPeriod.objects.get(plan__client=clients["Lindqvist"], status=PlanPeriod.Status.ESTABLISHED)
    PlanPeriod.objects.filter(pk=elsa_period.pk).update(established_at=_at(elsa_period.planning_date, 15))

    LogReview.objects.create(
        unit=units["larkan"],
        reviewed_by=users["chef"],
        reviewed_at=_at(months[-1].replace(day=3), 9),
        note="Gick igenom vem som läst journalerna förra månaden. Inget att anmärka på.",
    )
