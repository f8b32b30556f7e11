"""Choices of a model, read once."""

from django.forms.models import ModelChoiceIterator


class ReadOnceChoiceIterator(ModelChoiceIterator):
    """Iterates the field's queryset itself, so that its rows are fetched by one ordinary query
    and kept for the rest of the request.

    Django's own iterator calls .iterator(), which on PostgreSQL opens a server-side cursor:
    three round trips for every select on every page, and again for every render."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for obj in self.queryset:
            yield self.choice(obj)
