import datetime

import factory
from django.utils import timezone
from stdnum import luhn

from rodtrad.accounts.models import Membership, Organisation, Unit, User
from rodtrad.clients import services as client_services
from rodtrad.clients.due import consent_review, file_to_authority, first_plan
from rodtrad.clients.models import Client, ClientContact, Consent, ContactPerson, Order, Service
from rodtrad.followup.models import Answer, GoalFollowUp
from rodtrad.journal.models import Category, Entry
from rodtrad.plans.due import goal_follow_up


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
    """An order with its due dates set by their rules, as the services set them."""

    class Meta:
        model = Order

    client = factory.SubFactory(ClientFactory)
    unit = factory.SubFactory(UnitFactory)
    service = factory.SubFactory(ServiceFactory)
    valid_from = datetime.date(2025, 1, 1)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        order = model_class(*args, **kwargs)
        first_plan.set_due(order)
        file_to_authority.set_due(order)
        order.save()
        return order


class ContactPersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContactPerson

    client = factory.SubFactory(ClientFactory)
    user = factory.SubFactory(UserFactory)


def start_order_on(order, day) -> Order:
    """The order begins on `day` instead, its first plan due from then (as a registered one)."""
    order.valid_from = day
    first_plan.set_due(order)
    order.save(update_fields=["valid_from", "first_plan_due_on"])
    return order


def end_orders(client, day, reason="Flyttat") -> None:
    """Every open order of the client ends on `day`, as clients.services.end_order ends one."""
    for order in client.orders.filter(ended_on__isnull=True):
        client_services.end_order(order, ended_on=day, reason=reason)


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

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        consent = model_class(*args, **kwargs)
        consent_review.set_seen(consent, consent.given_on)
        consent.save()
        return consent


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
    """A follow-up of `goal` (required); its plan item is the goal's. The goal is next due when
    its newest follow-up says, as followup.services records it."""

    class Meta:
        model = GoalFollowUp

    item = factory.LazyAttribute(lambda follow_up: follow_up.goal.item)
    answer = Answer.PARTLY
    comment = "Elsa har lagat middag ungefär varannan vecka. Hon vill fortsätta med samma mål."
    with_client = True
    next_follow_up_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=90))
    recorded_by = factory.SubFactory(UserFactory)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        follow_up = super()._create(model_class, *args, **kwargs)
        if follow_up.goal_id is not None:
            newest = GoalFollowUp.objects.filter(goal=follow_up.goal).newest_first().first()
            goal_follow_up.followed_up(follow_up.goal, newest)
        return follow_up
