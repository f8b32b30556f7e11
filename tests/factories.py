import datetime

import factory
from django.utils import timezone
from stdnum import luhn

from rodtrad.accounts.models import Membership, Organisation, Unit, User
from rodtrad.clients.models import Client, ClientContact, Consent, ContactPerson, Order, Service
from rodtrad.followup.models import Answer, GoalFollowUp
from rodtrad.journal.models import Category, Entry


def valid_personal_number(sequence: int) -> str:
    """Invented 12-digit numbers with a correct check digit and test-series birth numbers, born
    1940–1999 however many clients a test session makes (a birth date in the future is invalid)."""
    day = datetime.date(1940, 1, 1) + datetime.timedelta(days=37 * sequence % 21900)
    body = f"{day:%y%m%d}{980 + sequence % 20:03d}"
    return f"{day:%Y}"[:2] + body + luhn.calc_check_digit(body)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ("name",)

    name = "Testkommunen"


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Enhet {n}")
    kind = Unit.Kind.LSS_GROUP_HOME


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"Användare{n}")
    title = "Stödassistent"
    password = factory.PostGenerationMethodCall("set_password", "ett-langt-losenord")

    @factory.post_generation
    def save_password(self, create, extracted, **kwargs):
        if create:
            self.save()


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    unit = factory.SubFactory(UnitFactory)
    role = Membership.Role.SUPPORT_STAFF


class ServiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Service
        django_get_or_create = ("law", "name")

    law = Service.Law.LSS
    name = "Bostad med särskild service för vuxna"
    legal_reference = "9 § 9 LSS"


class ClientFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Client

    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"Brukare{n}")
    personal_number = factory.Sequence(valid_personal_number)


class OrderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Order

    client = factory.SubFactory(ClientFactory)
    unit = factory.SubFactory(UnitFactory)
    service = factory.SubFactory(ServiceFactory)
    valid_from = datetime.date(2025, 1, 1)


class ContactPersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContactPerson

    client = factory.SubFactory(ClientFactory)
    user = factory.SubFactory(UserFactory)


def client_at(unit, **kwargs) -> Client:
    client = ClientFactory(**kwargs)
    OrderFactory(client=client, unit=unit)
    return client


class ContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ClientContact

    client = factory.SubFactory(ClientFactory)
    kind = ClientContact.Kind.RELATIVE
    name = factory.Sequence(lambda n: f"Anhörig {n}")
    relation = "syster"


class ConsentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Consent

    client = factory.SubFactory(ClientFactory)
    scope = "Att dela uppgifter om medicinering med dagliga verksamheten"
    share_with = "Dagliga verksamheten"
    kind = Consent.Kind.EXPLICIT
    method = Consent.Method.ORAL
    given_on = factory.LazyFunction(timezone.localdate)
    recorded_by = factory.SubFactory(UserFactory)


class EntryFactory(factory.django.DjangoModelFactory):
    """A journal draft; SignedEntryFactory for one that is signed."""

    class Meta:
        model = Entry

    client = factory.SubFactory(ClientFactory)
    author = factory.SubFactory(UserFactory)
    category = Category.EVENT
    occurred_at = factory.LazyFunction(timezone.now)
    text = "Elsa åkte själv till daglig verksamhet för första gången. Hon sa att det gick bra."
    author_name = factory.LazyAttribute(lambda entry: entry.author.get_full_name())
    author_title = factory.LazyAttribute(lambda entry: entry.author.title)


class SignedEntryFactory(EntryFactory):
    signed_at = factory.LazyAttribute(lambda entry: entry.occurred_at)
    signed_by = factory.SelfAttribute("author")


class GoalFollowUpFactory(factory.django.DjangoModelFactory):
    """A follow-up of `goal` (required); its plan item is the goal's."""

    class Meta:
        model = GoalFollowUp

    item = factory.LazyAttribute(lambda follow_up: follow_up.goal.item)
    answer = Answer.PARTLY
    comment = "Elsa har lagat middag ungefär varannan vecka. Hon vill fortsätta med samma mål."
    with_client = True
    next_follow_up_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=90))
    recorded_by = factory.SubFactory(UserFactory)
