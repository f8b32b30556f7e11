"""The social journal: entries about a client, written as drafts and then signed for good.

A signed entry is part of the record and is never changed or removed: the model and its
queryset refuse it here, and on PostgreSQL a trigger (migration 0002) refuses it whatever the
code path. A mistake is put right by a correction, a new signed entry tied to the original.
The client's objection to an entry is added beside it, equally unchangeable."""

import functools

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rodtrad.clients.models import Client, ClientContact
from rodtrad.plans.models import Goal, PlanItem, SectionTemplate


class SignedEntryError(Exception):
    """Raised by any attempt to change or remove a signed entry or an objection through the ORM."""


class Category(models.TextChoices):
    DEVIATION = "deviation", _("Deviation from the plan")
    EVENT = "event", _("Event of importance")
    CHANGE = "change", _("Change")
    CONTACT = "contact", _("Contact")
    HEALTH = "health", _("Health and care, as it affects the support")
    MONTHLY = "monthly", _("Monthly note")
    FOLLOW_UP = "follow_up", _("Follow-up")
    PLAN_ITEM_CHANGE = "plan_item_change", _("Change in plan item")


class EntryQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise SignedEntryError("Journal entries are changed one by one, never in bulk.")

    def delete(self):
        raise SignedEntryError("Journal entries are removed one by one, and only as drafts.")

    def signed(self):
        return self.filter(signed_at__isnull=False)

    def drafts(self):
        return self.filter(signed_at__isnull=True)

    def readable_by(self, user):
        """Signed entries, and the user's own drafts: a draft is nobody else's business."""
        return self.filter(Q(signed_at__isnull=False) | Q(author=user))

    def newest_first(self):
        return self.order_by("-occurred_at", "-pk")


class Entry(models.Model):
    # Indexed by journal_by_client_author and journal_signed_by_client, which both begin with it.
    client = models.ForeignKey(
        Client, on_delete=models.PROTECT, related_name="journal_entries", verbose_name=_("client"), db_index=False
    )
    category = models.CharField(_("category"), max_length=20, choices=Category.choices, blank=True)
    occurred_at = models.DateTimeField(_("when it happened"), default=timezone.now)
    text = models.TextField(_("text"), blank=True)

    plan_item = models.ForeignKey(
        PlanItem,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="journal_entries",
        verbose_name=_("plan item"),
    )
    goal = models.ForeignKey(
        Goal, on_delete=models.PROTECT, null=True, blank=True, related_name="journal_entries", verbose_name=_("goal")
    )
    life_area = models.ForeignKey(
        SectionTemplate,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="journal_entries",
        verbose_name=_("life area"),
    )

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="journal_entries", verbose_name=_("author")
    )
    # The name and title as they were when the entry was written: people change titles and names.
    author_name = models.CharField(_("author's name"), max_length=200, blank=True)
    author_title = models.CharField(_("author's title"), max_length=100, blank=True)
    for_colleague = models.BooleanField(
        _("I am writing for a colleague"),
        default=False,
        help_text=_("Only as an exception: write what you saw or did yourself."),
    )
    colleague_name = models.CharField(_("colleague's first and last name"), max_length=200, blank=True)
    colleague_title = models.CharField(_("colleague's title"), max_length=100, blank=True)
    assessment_by = models.CharField(
        _("whose assessment"),
        max_length=200,
        blank=True,
        help_text=_(
            "When the entry passes on someone else's assessment: who made it, with title or relation, "
            "for example “sjuksköterskan Nora Ek”."
        ),
    )

    corrects = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="corrections",
        verbose_name=_("corrects the entry"),
    )
    correction_reason = models.TextField(_("what is corrected and why"), blank=True)

    created_at = models.DateTimeField(_("draft started"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last saved"), auto_now=True)
    signed_at = models.DateTimeField(_("signed"), null=True, blank=True)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("signed by"),
    )
    late = models.BooleanField(_("written late"), default=False)
    recorded_by_system = models.BooleanField(_("written by Rödtråd on the user's behalf"), default=False)
    other_client_confirmed = models.BooleanField(_("the writer confirmed that no other client is named"), default=False)
    findings_at_signing = models.JSONField(_("writing findings at signing"), default=list, blank=True)

    objects = EntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("journal entry")
        verbose_name_plural = _("journal entries")
        ordering = ["-occurred_at", "-pk"]
        indexes = [
            # The record is signed entries, newest first, one client at a time: the journal page,
            # its search and the monthly-note rule read a client's slice of millions in this order.
            models.Index(
                fields=["client", "-occurred_at", "-id"],
                condition=Q(signed_at__isnull=False),
                # The writers of a client's journal (its filter) read from the index alone.
                include=["author"],
                name="journal_signed_by_client",
            ),
            models.Index(fields=["client", "author"], name="journal_by_client_author"),
            # Drafts are few among millions of signed entries: the oversight rules find those left
            # unsigned for days, a writer's own or all of a unit's, through this partial index.
            models.Index(
                fields=["author", "created_at"], condition=Q(signed_at__isnull=True), name="journal_drafts_by_author"
            ),
            models.Index(
                fields=["client", "created_at"], condition=Q(signed_at__isnull=True), name="journal_drafts_by_client"
            ),
        ]

    def __str__(self):
        return f"{timezone.localtime(self.occurred_at):%Y-%m-%d %H:%M} {self.get_category_display()}"

    def save(self, *args, **kwargs):
        # Asked of the database, not of this instance: a stale or hand-made instance must not
        # overwrite a row that has been signed since.
        if self.pk is not None and Entry.objects.filter(pk=self.pk, signed_at__isnull=False).exists():
            raise SignedEntryError("A signed journal entry cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self.signed_at is not None or Entry.objects.filter(pk=self.pk, signed_at__isnull=False).exists():
            raise SignedEntryError("A signed journal entry cannot be deleted.")
        return super().delete(*args, **kwargs)

    @property
    def is_signed(self):
        return self.signed_at is not None

    @property
    def is_corrected(self):
        """A signed correction exists. journal.queries.with_details prefetches them for lists."""
        if hasattr(self, "signed_corrections"):
            return bool(self.signed_corrections)
        return self.corrections.signed().exists()

    @property
    def is_correction(self):
        return self.corrects_id is not None

    # journal.queries.with_details reads the next two as columns (shown_life_area,
    # shown_corrected_at) rather than by joining their tables: each join the journal list's
    # query had doubled its planning time.

    @property
    def life_area_name(self):
        if hasattr(self, "shown_life_area"):
            return self.shown_life_area
        return self.life_area.title if self.life_area_id else None

    @functools.cached_property
    def shown_objections(self) -> list:
        """The objections, oldest first; a list prefetched as listed_objections reads no manager
        (fifty related managers were a millisecond of the journal page)."""
        if hasattr(self, "listed_objections"):
            return self.listed_objections
        return list(self.objections.order_by("raised_on", "pk"))

    @property
    def corrected_entry_at(self):
        """When the entry this one corrects happened."""
        if hasattr(self, "shown_corrected_at"):
            return self.shown_corrected_at
        return self.corrects.occurred_at if self.corrects_id else None


class ObjectionQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise SignedEntryError("Objections are never changed.")

    def delete(self):
        raise SignedEntryError("Objections are never removed.")


class Objection(models.Model):
    """The client or their representative considers an entry wrong. Their view is added to the
    entry, dated, and the entry itself stays as it was written (SoL 11 kap. 17 §, LSS 21 b §)."""

    entry = models.ForeignKey(Entry, on_delete=models.PROTECT, related_name="objections", verbose_name=_("entry"))
    raised_on = models.DateField(_("raised on"))
    raised_by_contact = models.ForeignKey(
        ClientContact,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("raised by"),
        help_text=_("Leave empty when the client raised it."),
    )
    raised_by_name = models.CharField(_("raised by"), max_length=200)
    text = models.TextField(_("what the client or representative considers wrong"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("recorded by")
    )
    recorded_by_name = models.CharField(_("recorded by"), max_length=300)
    recorded_at = models.DateTimeField(_("recorded"), default=timezone.now)

    objects = ObjectionQuerySet.as_manager()

    class Meta:
        verbose_name = _("objection")
        verbose_name_plural = _("objections")
        ordering = ["raised_on", "pk"]

    def __str__(self):
        return f"{self.raised_on} {self.raised_by_name}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise SignedEntryError("An objection is never changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise SignedEntryError("An objection is never removed.")
