"""The workbench's forms: an event's edit panel, an entity chip's "same as", a merge. They only
parse input; the services of ``timeline.curation`` and ``timeline.entities`` decide."""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple
from django.utils.translation import gettext_lazy as _

from people.dates import format_precise_date
from people.models import Organisation, Park, Person
from policies.models import Policy
from timeline.models import Event, EventKind
from timeline.review import PreciseDateField

# the relation whose admin autocomplete lists each kind of record (the autocomplete view is
# asked "what may Event.<field> point to?")
AUTOCOMPLETE_FIELDS = {
    "park": ("parks", Park),
    "organisation": ("organisations", Organisation),
    "person": ("people", Person),
    "policy": ("policies", Policy),
}


def _many(kind: str, label) -> forms.ModelMultipleChoiceField:
    field, model = AUTOCOMPLETE_FIELDS[kind]
    return forms.ModelMultipleChoiceField(
        label=label,
        queryset=model.objects.all(),
        required=False,
        widget=AutocompleteSelectMultiple(Event._meta.get_field(field), admin.site),
    )


class CandidateForm(forms.Form):
    """The edit panel: what an editor corrects on a candidate without leaving the page."""

    title = forms.CharField(label=_("title"), max_length=300, widget=forms.TextInput(attrs={"size": 60}))
    date = PreciseDateField(label=_("date"), required=False)
    end_date = forms.DateField(
        label=_("end date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    window_start = forms.DateField(
        label=_("earliest"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    window_end = forms.DateField(
        label=_("latest"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    kind = forms.ChoiceField(label=_("kind"), choices=EventKind.choices)
    parks = _many("park", _("parks"))
    organisations = _many("organisation", _("organisations"))
    people = _many("person", _("people"))
    policies = _many("policy", _("policies"))

    @classmethod
    def for_event(cls, event: Event, **kwargs) -> CandidateForm:
        initial = {
            "title": event.title,
            "date": format_precise_date(event.date, event.precision),
            "end_date": event.end_date,
            "window_start": event.window_start,
            "window_end": event.window_end,
            "kind": event.kind,
            "parks": [p.pk for p in event.parks.all()],
            "organisations": sorted({r.organisation_id for r in event.organisation_roles.all()}),
            "people": [p.pk for p in event.people.all()],
            "policies": [p.pk for p in event.policies.all()],
        }
        return cls(initial=initial, **kwargs)

    def clean(self):
        data = super().clean()
        if bool(data.get("window_start")) != bool(data.get("window_end")):
            raise forms.ValidationError(_("Give both ends of the window, or neither."))
        return data

    def changes(self) -> dict:
        """The form as ``timeline.curation.update_event`` takes it."""
        data = self.cleaned_data
        date, precision = data["date"] or (None, None)
        changes = {
            name: data[name]
            for name in ("title", "end_date", "window_start", "window_end", "kind")
            + ("parks", "organisations", "people", "policies")
        }
        changes["date"] = date
        if precision:
            changes["precision"] = precision
        return changes


class SameAsForm(forms.Form):
    """An entity chip's "same as …": the record this one is."""

    def __init__(self, kind: str, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        field, model = AUTOCOMPLETE_FIELDS[kind]
        self.fields["target"] = forms.ModelChoiceField(
            label=_("same as"),
            queryset=model.objects.all(),
            widget=AutocompleteSelect(Event._meta.get_field(field), admin.site, attrs={"data-width": "16em"}),
        )


class MergeForm(forms.Form):
    """The comparison page: which event survives, and the confirmation a conflict needs."""

    survivor = forms.TypedChoiceField(label=_("keep"), coerce=int, widget=forms.RadioSelect)
    confirm = forms.BooleanField(
        label=_("I have compared them: merge despite the differences"), required=False
    )

    def __init__(self, events: list[Event], *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["survivor"].choices = [(event.pk, str(event)) for event in events]
