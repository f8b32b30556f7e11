from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from rodtrad.accounts.models import Membership, Unit
from rodtrad.db.collation import swedish


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
    """A brukare/kund. Their identity number is stored as 12 digits without separator."""

    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    personal_number = models.CharField(
        _("personal identity number"),
        max_length=12,
        blank=True,
        db_index=True,
        help_text=_("Personnummer or samordningsnummer, twelve digits."),
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
        return f"{number[:8]}-{number[8:]}" if len(number) == 12 else number


class Service(models.Model):
    """An entry in the catalogue of services an authority can order (insatskatalog)."""

    class Law(models.TextChoices):
        LSS = "LSS", "LSS"
        SOL = "SoL", "SoL"

    law = models.CharField(_("law"), max_length=3, choices=Law.choices)
    name = models.CharField(_("name"), max_length=200)
    legal_reference = models.CharField(_("legal reference"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("service")
        verbose_name_plural = _("services")
        ordering = ["law", "name"]
        constraints = [models.UniqueConstraint(fields=["law", "name"], name="service_unique_per_law")]

    def __str__(self):
        reference = f" ({self.legal_reference})" if self.legal_reference else ""
        return f"{self.law} {self.name}{reference}"


class Order(models.Model):
    """The authority's order (beställning) that a unit carries out for a client."""

    client = models.ForeignKey(Client, on_delete=models.PROTECT, related_name="orders", verbose_name=_("client"))
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="orders", verbose_name=_("performing unit"))
    service = models.ForeignKey(Service, on_delete=models.PROTECT, related_name="orders", verbose_name=_("service"))
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid to"), null=True, blank=True)

    class Meta:
        verbose_name = _("order")
        verbose_name_plural = _("orders")
        ordering = ["-valid_from"]
        indexes = [models.Index(fields=["unit", "client"], name="order_unit_client")]

    def __str__(self):
        return f"{self.service} – {self.client}"


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
