from django import forms
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from rodtrad.accounts.models import User
from rodtrad.lib.choices import ReadOnceChoiceIterator
from rodtrad.lib.widgets import QuickSelect

from . import plan_links, services
from .models import Category, Entry

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATETIME_INPUT = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
DATETIME_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"]

TEXT_HELP = _(
    "What happened, what you did and how it went. Short sentences and everyday words; write what you saw "
    "and heard, and say so when something is an interpretation, and whose. Never name another client. "
    "Medicines and doses belong in the health record: write what changes the support."
)


MONTH_FORMAT = "%Y-%m"


def month_choices(months) -> list[tuple[str, str]]:
    """("2026-11", "november 2026") for each month: the value in the address and forms."""
    return [(month.strftime(MONTH_FORMAT), formats.date_format(month, "F Y")) for month in months]


def parse_month(value: str, months):
    """The month among `months` that `value` ("2026-11") names, or None."""
    return next((month for month in months if month.strftime(MONTH_FORMAT) == value), None)


def posted(request):
    """The data of a POST, even an empty one (a bound form); None otherwise (an unbound form)."""
    return request.POST if request.method == "POST" else None


class ItemField(forms.ModelChoiceField):
    iterator = ReadOnceChoiceIterator

    def label_from_instance(self, item):
        return plan_links.item_label(item)


class GoalField(forms.ModelChoiceField):
    iterator = ReadOnceChoiceIterator

    def label_from_instance(self, goal):
        return plan_links.goal_label(goal)


class AuthorField(forms.ModelChoiceField):
    iterator = ReadOnceChoiceIterator

    def label_from_instance(self, user):
        return user.name_with_title


class EntryForm(forms.ModelForm):
    """A draft: nothing is required until it is signed (services.sign_errors)."""

    occurred_at = forms.DateTimeField(
        label=_("When it happened"), input_formats=DATETIME_FORMATS, widget=DATETIME_INPUT, required=False
    )
    plan_item = ItemField(label=_("Plan item"), queryset=None, required=False, empty_label=_("None"))
    goal = GoalField(label=_("Goal"), queryset=None, required=False, empty_label=_("None"))

    class Meta:
        model = Entry
        fields = [
            "category",
            "occurred_at",
            "text",
            "plan_item",
            "goal",
            "life_area",
            "assessment_by",
            "for_colleague",
            "colleague_name",
            "colleague_title",
            "correction_reason",
        ]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 8, "spellcheck": "true", "lang": "sv"}),
            "correction_reason": forms.Textarea(attrs={"rows": 3}),
        }
        labels = {"category": _("Kind of entry"), "life_area": _("Life area")}
        help_texts = {"text": TEXT_HELP}

    def __init__(self, *args, client, **kwargs):
        super().__init__(*args, **kwargs)
        entry = self.instance
        self.fields["category"].choices = [("", _("Choose…")), *Category.choices]
        self.fields["plan_item"].queryset = plan_links.current_items(client, keep=entry.plan_item)
        self.fields["goal"].queryset = plan_links.current_goals(client, keep=entry.goal)
        self.fields["life_area"].queryset = plan_links.life_areas(client)
        self.fields["life_area"].empty_label = _("None")
        self.fields["text"].widget.attrs.update(
            {
                # The writing assistant's findings, live and debounced, into #findings only:
                # the text area itself is never swapped, so focus and caret stay.
                "hx-post": reverse("journal:findings", args=[client.pk]),
                "hx-trigger": "input changed delay:800ms, load",
                "hx-target": "#findings",
                "hx-swap": "innerHTML",
                "aria-describedby": "id_text_helptext findings",
            }
        )
        if entry.corrects_id is None:
            del self.fields["correction_reason"]
        if entry.category == Category.MONTHLY and entry.corrects_id is None and entry.occurred_at is not None:
            # A monthly note is for a month, shown and chosen as one; its time follows from it.
            self.months = services.monthly_note_months()
            self.opened_month = services.month_of(entry.occurred_at)
            if self.opened_month not in self.months:
                self.months.append(self.opened_month)
            self.fields["month"] = forms.ChoiceField(
                label=_("The month the note is for"),
                choices=month_choices(self.months),
                initial=self.opened_month.strftime(MONTH_FORMAT),
            )
            del self.fields["occurred_at"]
        for field in self.fields.values():
            field.required = False
        if not self.is_bound and entry.pk is None:
            self.initial.setdefault("occurred_at", timezone.localtime().replace(second=0, microsecond=0))

    def valid_part(self) -> dict:
        """The cleaned fields that passed validation: an autosave keeps what it can. A monthly
        note's month, when another was chosen, becomes its time (services.monthly_note_time)."""
        self.is_valid()
        valid = {name: value for name, value in self.cleaned_data.items() if name not in self.errors}
        if "month" in self.fields:
            month = parse_month(valid.pop("month", ""), self.months)
            if month is not None and month != self.opened_month:
                valid["occurred_at"] = services.monthly_note_time(month)
        if valid.get("occurred_at") is None:
            # An emptied time field keeps the time already saved: an entry always has one.
            valid.pop("occurred_at", None)
        return valid


class SignForm(forms.Form):
    confirm_other_client = forms.BooleanField(
        label=_("I have checked the names in the text: none of them is another client's."),
        required=False,
    )


class ObjectionForm(forms.Form):
    raised_by_contact = forms.ModelChoiceField(
        label=_("Who considers the entry wrong"),
        queryset=None,
        required=False,
        empty_label=_("The client"),
    )
    raised_on = forms.DateField(label=_("Raised on"), widget=DATE_INPUT)
    text = forms.CharField(
        label=_("What they consider wrong"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("In their own words as far as possible. The entry itself is not changed."),
    )

    def __init__(self, *args, client, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["raised_by_contact"].queryset = client.contacts.all()
        self.fields["raised_by_contact"].label_from_instance = lambda contact: str(contact)
        if not self.is_bound:
            self.initial.setdefault("raised_on", timezone.localdate())


class FilterForm(forms.Form):
    """Filters of the journal, in the address so that a filtered view can be bookmarked."""

    # Whether an unbound form is shown with its choices (the filters fetched when opened).
    shown_unbound = False

    q = forms.CharField(label=_("Search the text"), required=False, max_length=100)
    fran = forms.DateField(label=_("From"), required=False, widget=DATE_INPUT)
    till = forms.DateField(label=_("To"), required=False, widget=DATE_INPUT)
    kategori = forms.ChoiceField(label=_("Kind of entry"), required=False, widget=QuickSelect)
    insats = ItemField(label=_("Plan item"), queryset=None, required=False, empty_label=_("All"), widget=QuickSelect)
    mal = GoalField(label=_("Goal"), queryset=None, required=False, empty_label=_("All"), widget=QuickSelect)
    skribent = AuthorField(
        label=_("Written by"), queryset=None, required=False, empty_label=_("Everyone"), widget=QuickSelect
    )

    def __init__(self, *args, client, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kategori"].choices = [("", _("All")), *Category.choices]
        if not self.is_bound and not self.shown_unbound:
            # The list without filters shows only the search field: the choices' querysets
            # would be built for nothing (a millisecond of the journal page).
            return
        self.fields["insats"].queryset = plan_links.all_items(client)
        self.fields["mal"].queryset = plan_links.all_goals(client)
        self.fields["skribent"].queryset = User.objects.filter(
            pk__in=client.journal_entries.signed().values("author")
        ).order_by("first_name", "last_name", "pk")

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("fran"), cleaned.get("till")
        if start and end and start > end:
            self.add_error("till", _("The end of the period is before its start."))
        return cleaned


class OpenedFilterForm(FilterForm):
    """The filters as they are fetched when opened: with their choices, asked for or not."""

    shown_unbound = True


class PeriodForm(forms.Form):
    fran = forms.DateField(label=_("From"), widget=DATE_INPUT)
    till = forms.DateField(label=_("To"), widget=DATE_INPUT)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("fran"), cleaned.get("till")
        if start and end and start > end:
            self.add_error("till", _("The end of the period is before its start."))
        return cleaned
