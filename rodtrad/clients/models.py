from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rodtrad.accounts.models import Membership, Unit
from rodtrad.lib.collation import swedish

from .due import first_plan


class ClientQuerySet(models.QuerySet):
    def visible_to(self, user, *, role=None):
        """The one rule for which clients a user may see: those with an order, open or ended, at one
        of the user's units. With `role`, only units where the user holds that role."""
        if not user.is_authenticated:
            return self.none()
        memberships = Membership.objects.filter(user=user)
        if role is not None:
            memberships = memberships.filter(role=role)
        orders_at_users_units = Order.objects.filter(client=OuterRef("pk"), unit__in=memberships.values("unit"))
        return self.filter(Exists(orders_at_users_units))

    def in_swedish_order(self):
        return self.order_by(swedish("last_name"), swedish("first_name"), "pk")


class Client(models.Model):
    """A brukare/kund. Identity numbers are stored as 12 digits without separator; a reserve
    number (reservnummer) is stored as given."""

    class IdentityKind(models.TextChoices):
        PERSONAL_NUMBER = "personnummer", _("Personal identity number")
        COORDINATION_NUMBER = "samordningsnummer", _("Coordination number")
        RESERVE_NUMBER = "reservnummer", _("Reserve number")

    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    identity_kind = models.CharField(
        _("kind of identity number"), max_length=20, choices=IdentityKind.choices, default=IdentityKind.PERSONAL_NUMBER
    )
    personal_number = models.CharField(
        _("identity number"),
        max_length=20,
        blank=True,
        db_index=True,
        help_text=_("Personnummer or samordningsnummer (ÅÅÅÅMMDD-NNNN), or a reserve number when neither exists."),
    )
    date_of_birth = models.DateField(_("date of birth"), null=True, blank=True)

    # Skyddade personuppgifter: the address and contact details are shown only to users granted
    # them one by one (ProtectedDetailsGrant), never by role.
    has_protected_details = models.BooleanField(_("protected personal details"), default=False)
    address = models.CharField(_("address"), max_length=200, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=10, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)

    language = models.CharField(
        _("language"), max_length=100, blank=True, help_text=_("For example svenska, arabiska, teckenspråk.")
    )
    needs_interpreter = models.BooleanField(_("needs an interpreter"), default=False)
    aac = models.TextField(
        _("augmentative and alternative communication (AKK)"),
        blank=True,
        help_text=_("Pictures, signs, a communication board or other aids, and how to use them."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = ClientQuerySet.as_manager()

    class Meta:
        verbose_name = _("client")
        verbose_name_plural = _("clients")

    def __str__(self):
        return f"{self.first_name} {self.last_name}"

    @property
    def formatted_personal_number(self):
        number = self.personal_number
        if self.identity_kind != self.IdentityKind.RESERVE_NUMBER and len(number) == 12:
            return f"{number[:8]}-{number[8:]}"
        return number

    def age_on(self, day):
        if self.date_of_birth is None:
            return None
        birth = self.date_of_birth
        return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))

    @property
    def age(self):
        return self.age_on(timezone.localdate())

    @property
    def is_child(self):
        """Under 18: the plan must then describe the child's own views and best interest."""
        age = self.age
        return age is not None and age < 18

    def shows_protected_details_to(self, user) -> bool:
        if not self.has_protected_details:
            return True
        return self.protected_details_grants.filter(user=user).exists()


class ProtectedDetailsGrant(models.Model):
    """An explicit right for one user to see a protected client's address and contact details."""

    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="protected_details_grants")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="protected_details_grants"
    )
    granted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    granted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("right to protected details")
        verbose_name_plural = _("rights to protected details")
        constraints = [models.UniqueConstraint(fields=["client", "user"], name="protected_grant_once")]

    def __str__(self):
        return f"{self.user} – {self.client}"


class Service(models.Model):
    """An entry in the catalogue of services an authority can order (insatskatalog)."""

    class Law(models.TextChoices):
        LSS = "LSS", "LSS"
        SOL = "SoL", "SoL"

    PlanRule = first_plan.PlanRule

    law = models.CharField(_("law"), max_length=3, choices=Law.choices)
    name = models.CharField(_("name"), max_length=200)
    legal_reference = models.CharField(_("legal reference"), max_length=100, blank=True)
    plan_rule = models.CharField(
        _("implementation plan"), max_length=20, choices=PlanRule.choices, default=PlanRule.ALWAYS
    )

    class Meta:
        verbose_name = _("service")
        verbose_name_plural = _("services")
        ordering = ["law", "name"]
        constraints = [models.UniqueConstraint(fields=["law", "name"], name="service_unique_per_law")]

    def __str__(self):
        reference = f" ({self.legal_reference})" if self.legal_reference else ""
        return f"{self.law} {self.name}{reference}"


# The overall goals of the laws, in our own words (5 § LSS, 1 kap. 1 § SoL).
OVERALL_GOALS = {
    Service.Law.LSS: _(
        "To promote equality in living conditions and full participation in society, so that the "
        "person can live like others (5 § LSS)."
    ),
    Service.Law.SOL: _(
        "To promote social security, equality in living conditions and active participation in "
        "society, and to free and develop the person's own resources (1 kap. 1 § SoL)."
    ),
}


class OrderQuerySet(models.QuerySet):
    def current_on(self, day):
        """Not ended, and valid on `day` or later (an order may be registered before it starts)."""
        return self.filter(ended_on__isnull=True).filter(models.Q(valid_to__isnull=True) | models.Q(valid_to__gte=day))


class Order(models.Model):
    """The authority's order (beställning) that a unit carries out for a client."""

    client = models.ForeignKey(Client, on_delete=models.PROTECT, related_name="orders", verbose_name=_("client"))
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="orders", verbose_name=_("performing unit"))
    service = models.ForeignKey(Service, on_delete=models.PROTECT, related_name="orders", verbose_name=_("service"))
    decision_date = models.DateField(_("decision date"), null=True, blank=True)
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    plan_required_by_decision = models.BooleanField(
        _("the decision asks for an implementation plan"),
        default=False,
        help_text=_(
            "Only for a short-term stay under SoL: a plan is needed when the stay is longer than two weeks and the decision says so."
        ),
    )
    overall_goal = models.TextField(_("overall goal of the law"), blank=True)
    personal_goals = models.TextField(_("personal goals of the order"), blank=True)
    case_officer_name = models.CharField(_("case officer"), max_length=200, blank=True)
    case_officer_title = models.CharField(_("case officer's title"), max_length=100, blank=True)
    case_officer_phone = models.CharField(_("case officer's phone"), max_length=30, blank=True)
    case_officer_email = models.EmailField(_("case officer's e-mail"), blank=True)
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    end_reason = models.TextField(_("reason for ending"), blank=True)
    # When the first plan is due (due/first_plan.py), empty when the order needs none.
    first_plan_due_on = models.DateField(_("first plan due"), null=True, blank=True, editable=False)
    # The unit's file (genomförandeakt) goes to the authority within two months of the end
    # (due/file_to_authority.py).
    file_due_on = models.DateField(_("file due to the authority"), null=True, blank=True, editable=False)
    file_sent_on = models.DateField(_("file sent to the authority on"), null=True, blank=True)
    file_sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("file sent by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True, null=True)

    objects = OrderQuerySet.as_manager()

    class Meta:
        verbose_name = _("order")
        verbose_name_plural = _("orders")
        ordering = ["-valid_from"]
        indexes = [
            models.Index(fields=["unit", "client"], name="order_unit_client"),
            models.Index(fields=["first_plan_due_on"], name="order_first_plan_due"),
            models.Index(fields=["file_due_on"], name="order_file_due", condition=Q(file_sent_on__isnull=True)),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True, file_due_on__isnull=True)
                | Q(ended_on__isnull=False, file_due_on__isnull=False),
                name="order_file_due_once_ended",
            )
        ]

    def __str__(self):
        return f"{self.service} – {self.client}"

    @property
    def law(self):
        return self.service.law

    @property
    def is_open(self):
        return self.ended_on is None

    @property
    def needs_plan(self) -> bool:
        return first_plan.needs_plan(self)


class ContactPerson(models.Model):
    """A named staff member (kontaktman / stödperson / fast omsorgskontakt) for a client."""

    client = models.ForeignKey(
        Client, on_delete=models.CASCADE, related_name="contact_persons", verbose_name=_("client")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="contact_person_for",
        verbose_name=_("staff member"),
    )
    since = models.DateField(_("since"), null=True, blank=True)

    class Meta:
        verbose_name = _("contact person")
        verbose_name_plural = _("contact persons")
        constraints = [models.UniqueConstraint(fields=["client", "user"], name="contact_person_once_per_client")]

    def __str__(self):
        return f"{self.user} ({self.client})"


class ClientContact(models.Model):
    """A relative, representative or other person around the client (not staff)."""

    class Kind(models.TextChoices):
        RELATIVE = "relative", _("Relative")
        GOOD_MAN = "god_man", _("God man")
        ADMINISTRATOR = "forvaltare", _("Förvaltare")
        OTHER = "other", _("Other")

    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="contacts", verbose_name=_("client"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=200)
    relation = models.CharField(
        _("relation or role"), max_length=100, blank=True, help_text=_("For example mother, brother, neighbour.")
    )
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    takes_part_in_planning = models.BooleanField(_("takes part in planning"), default=False)

    class Meta:
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        ordering = ["kind", "name"]

    def __str__(self):
        role = self.relation or self.get_kind_display()
        return f"{self.name} ({role})"

    @property
    def is_representative(self):
        return self.kind in (self.Kind.GOOD_MAN, self.Kind.ADMINISTRATOR)


class Consent(models.Model):
    """A consent as the routine wants it recorded: exactly what it covers, with whom, how it was
    obtained, who gave it, and its reviews and withdrawal."""

    class Kind(models.TextChoices):
        EXPLICIT = "explicit", _("Explicit (oral or written)")
        IMPLIED = "implied", _("Implied (shown by action)")
        PRESUMED = "presumed", _("Presumed")
        HYPOTHETICAL = "hypothetical", _("Hypothetical")

    class Method(models.TextChoices):
        ORAL = "oral", _("Orally")
        WRITTEN = "written", _("In writing")
        AAC = "aac", _("Through alternative communication")
        CONDUCT = "conduct", _("By the client's actions")

    client = models.ForeignKey(Client, on_delete=models.PROTECT, related_name="consents", verbose_name=_("client"))
    scope = models.TextField(_("what the consent covers"), help_text=_("Exactly what the client agrees to."))
    share_with = models.TextField(_("with whom information may be shared"), blank=True)
    kind = models.CharField(_("kind of consent"), max_length=20, choices=Kind.choices)
    method = models.CharField(_("how it was obtained"), max_length=20, choices=Method.choices)
    how_obtained = models.TextField(
        _("how the client was informed and understood"),
        blank=True,
        help_text=_("Information given, ability to understand, support in deciding, and whether it was given freely."),
    )
    given_on = models.DateField(_("given on"))
    given_by_representative = models.ForeignKey(
        ClientContact,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="consents_given",
        verbose_name=_("given by representative"),
        help_text=_("Leave empty when the client gave the consent."),
    )
    representative_power = models.CharField(
        _("the representative's power"),
        max_length=200,
        blank=True,
        help_text=_("The power of attorney or the part of the guardianship that lets the representative consent."),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("recorded by")
    )
    recorded_at = models.DateTimeField(_("recorded"), auto_now_add=True)
    withdrawn_on = models.DateField(_("withdrawn on"), null=True, blank=True)
    withdrawal_note = models.TextField(_("withdrawal"), blank=True)
    # When it was last gone through (given or reviewed) and when it is next due (due/consent_review.py).
    last_seen_on = models.DateField(_("last gone through on"), editable=False)
    review_due_on = models.DateField(_("review due"), editable=False)

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        ordering = ["-given_on", "-pk"]
        indexes = [
            models.Index(fields=["review_due_on"], name="consent_review_due", condition=Q(withdrawn_on__isnull=True))
        ]

    def __str__(self):
        return self.scope[:60]

    @property
    def is_active(self):
        return self.withdrawn_on is None


class ConsentReview(models.Model):
    """A follow-up of a consent: date, who, and what was found."""

    consent = models.ForeignKey(Consent, on_delete=models.PROTECT, related_name="reviews", verbose_name=_("consent"))
    reviewed_on = models.DateField(_("reviewed on"))
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("reviewed by")
    )
    note = models.TextField(_("what was found"), blank=True)
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("consent review")
        verbose_name_plural = _("consent reviews")
        ordering = ["-reviewed_on", "-pk"]

    def __str__(self):
        return f"{self.reviewed_on} {self.consent}"


def closed_case(client_path="pk"):
    """In a query: whether the client at `client_path` has no open order, that is, whether the
    case is closed and the record read-only (services.is_closed). The access path reads it with
    the client, as `case_closed`."""
    return ~Exists(Order.objects.filter(client=OuterRef(client_path), ended_on__isnull=True))
