"""What each curated record looks like as a spreadsheet row (import-export resources): parks,
organisations, people, positions, policies, sources, news items, events and their evidence.

Natural keys, never ids: a record is its name (under ``name_key``), a source its content SHA-256,
a news item "sha256#position", an event "date title" (the full ISO date of its first day), and an
event's organisations are written "name:role|name:role" so the role survives the round trip.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import F, Q
from import_export import fields, widgets

from people.dates import parse_precise_date
from people.models import Organisation, Park, Person, Position
from people.names import name_key
from policies.models import Policy
from timeline import curation
from timeline.derived import events_naming
from timeline.models import Event, EventOrganisation, Evidence, NewsItem, Source
from timeline.spreadsheet import (
    SEPARATOR,
    AliasesField,
    NamedResource,
    NamesWidget,
    NameWidget,
    ParklineResource,
    PersonWidget,
    PreciseDateField,
    RelatedRowsField,
    order_by_references,
    row_name_key,
    row_name_keys,
)

# --- the records events name ---------------------------------------------------------------------


class OrganisationResource(NamedResource):
    parent = fields.Field(attribute="parent", column_name="parent", widget=NameWidget(Organisation))
    predecessor = fields.Field(
        attribute="predecessor", column_name="predecessor", widget=NameWidget(Organisation)
    )
    aliases = AliasesField()

    class Meta:
        model = Organisation
        fields = (
            "name",
            "slug",
            "kind",
            "parent",
            "predecessor",
            "renamed_on",
            "country",
            "description",
            "is_reviewed",
            "aliases",
        )
        import_id_fields = ("name",)

    def get_queryset(self):
        return Organisation.objects.select_related("parent", "predecessor").prefetch_related("aliases")

    def before_import(self, dataset, **kwargs):
        order_by_references(
            dataset, key=row_name_key("name"), references=row_name_keys("parent", "predecessor")
        )


class ParkResource(NamedResource):
    parent = fields.Field(attribute="parent", column_name="parent", widget=NameWidget(Park))
    approved_on = PreciseDateField(attribute="approved_on", precision_attribute="approved_precision")
    managing_organisation = fields.Field(
        attribute="managing_organisation",
        column_name="managing_organisation",
        widget=NameWidget(Organisation),
    )
    aliases = AliasesField()

    class Meta:
        model = Park
        fields = (
            "name",
            "slug",
            "level",
            "province",
            "city",
            "parent",
            "approved_on",
            "managing_organisation",
            "description",
            "is_reviewed",
            "aliases",
        )
        import_id_fields = ("name",)

    def get_queryset(self):
        return Park.objects.select_related("parent", "managing_organisation").prefetch_related("aliases")

    def before_import(self, dataset, **kwargs):
        order_by_references(dataset, key=row_name_key("name"), references=row_name_keys("parent"))


class PersonResource(NamedResource):
    key_columns = ("name", "disambiguation")
    aliases = AliasesField()

    class Meta:
        model = Person
        fields = ("name", "disambiguation", "slug", "description", "is_reviewed", "aliases")
        import_id_fields = ("name", "disambiguation")

    def get_queryset(self):
        return Person.objects.prefetch_related("aliases")

    def key_lookup(self, row: dict) -> Q:
        return Q(name_key=name_key(str(row["name"] or "")), disambiguation=str(row["disambiguation"] or ""))


class SourceKeyWidget(widgets.ForeignKeyWidget):
    """A source by the SHA-256 of its content: the one key that names a document everywhere."""

    def __init__(self) -> None:
        super().__init__(Source, field="content_sha256")


class PositionResource(ParklineResource):
    person = fields.Field(attribute="person", column_name="person", widget=PersonWidget())
    organisation = fields.Field(
        attribute="organisation", column_name="organisation", widget=NameWidget(Organisation)
    )
    source = fields.Field(attribute="source", column_name="source", widget=SourceKeyWidget())

    class Meta:
        model = Position
        fields = (
            "person",
            "organisation",
            "title",
            "first_seen",
            "last_seen",
            "start_on",
            "end_on",
            "source",
            "quote",
        )
        import_id_fields = ("person", "organisation", "title")

    def get_queryset(self):
        return Position.objects.select_related("person", "organisation", "source")


def policy_widget() -> NameWidget:
    """A policy written by its title, matched under ``title_key`` (brackets and dashes of any width)."""
    return NameWidget(Policy, field="title", key_field="title_key")


class PolicyResource(ParklineResource):
    issuers = fields.Field(
        attribute="issuers", column_name="issuers", widget=NamesWidget(NameWidget(Organisation))
    )
    written_on = PreciseDateField(attribute="written_on", precision_attribute="written_precision")
    published_on = PreciseDateField(attribute="published_on", precision_attribute="published_precision")
    effective_on = PreciseDateField(attribute="effective_on", precision_attribute="effective_precision")

    class Meta:
        model = Policy
        fields = (
            "title",
            "slug",
            "short_title",
            "document_number",
            "kind",
            "issuers",
            "written_on",
            "published_on",
            "effective_on",
            "period_start",
            "period_end",
            "status",
            "url",
            "summary",
            "is_reviewed",
        )
        import_id_fields = ("title",)

    def get_queryset(self):
        return Policy.objects.prefetch_related("issuers")

    def events_touched(self, pks: list[int]) -> list[int]:
        return events_naming(Policy, pks)

    def get_instance(self, instance_loader, row):
        if "title" not in row:
            return None
        return Policy.objects.filter(title_key=name_key(str(row["title"] or ""))).first()


# --- documents and events ----------------------------------------------------------------------


def event_label(event: Event) -> str:
    return f"{event.date.isoformat()} {event.title}"


def split_event_label(text: str) -> tuple[dt.date, str]:
    """'2024-04-27 Title' -> (date, 'Title')."""
    day, _, title = text.strip().partition(" ")
    try:
        return dt.date.fromisoformat(day), title.strip()
    except ValueError:
        raise ValueError(f"not an event like '2024-04-27 title': {text!r}") from None


class EventKeyWidget(widgets.ForeignKeyWidget):
    def __init__(self) -> None:
        super().__init__(Event, field="title")

    def clean(self, value, row=None, **kwargs):
        if value in (None, ""):
            return None
        date, title = split_event_label(str(value))
        try:
            return Event.objects.get(date=date, title=title)
        except Event.DoesNotExist:
            raise ValueError(f"no event {value!r}") from None

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else event_label(value)


class NewsItemKeyWidget(widgets.ForeignKeyWidget):
    """A news item as 'source sha256#position'."""

    def __init__(self) -> None:
        super().__init__(NewsItem)

    def clean(self, value, row=None, **kwargs):
        if value in (None, ""):
            return None
        sha, _, position = str(value).partition("#")
        try:
            return NewsItem.objects.get(source__content_sha256=sha, position=int(position))
        except (NewsItem.DoesNotExist, ValueError):
            raise ValueError(f"no news item {value!r}") from None

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else f"{value.source.content_sha256}#{value.position}"


class OrganisationRolesField(RelatedRowsField):
    """An event's organisations with their roles, 'name:role|name:role'; importing replaces them."""

    def __init__(self) -> None:
        super().__init__(column_name="organisations")

    def render(self, instance: Event) -> str:
        roles = instance.organisation_roles.all()
        return SEPARATOR.join(sorted(f"{role.organisation.name}:{role.role}" for role in roles))

    def replace(self, instance: Event, values: list[str]) -> None:
        wanted: set[tuple[int, str]] = set()
        for value in values:
            name, _, role = value.rpartition(":")
            if not name:
                name, role = value, EventOrganisation.Role.PARTICIPANT
            if role not in EventOrganisation.Role.values:
                raise ValueError(f"unknown role {role!r} in {value!r}")
            organisation = Organisation.objects.filter(name_key=name_key(name)).first()
            if organisation is None:
                raise ValueError(f"no organisation named {name!r}")
            wanted.add((organisation.pk, role))
        for row in instance.organisation_roles.all():
            if (row.organisation_id, row.role) not in wanted:
                row.delete()
        have = set(instance.organisation_roles.values_list("organisation_id", "role"))
        EventOrganisation.objects.bulk_create(
            EventOrganisation(event=instance, organisation_id=pk, role=role) for pk, role in wanted - have
        )


class SourceResource(ParklineResource):
    published_on = PreciseDateField(attribute="published_on", precision_attribute="published_precision")

    class Meta:
        model = Source
        fields = (
            "content_sha256",
            "title",
            "publisher",
            "issue_label",
            "published_on",
            "url",
            "file_name",
            "media_type",
            "encoding",
            "raw_text",
            "clean_text",
        )
        import_id_fields = ("content_sha256",)


class NewsItemResource(ParklineResource):
    source = fields.Field(attribute="source", column_name="source", widget=SourceKeyWidget())

    class Meta:
        model = NewsItem
        fields = ("source", "position", "headline", "dateline", "byline", "start", "end")
        import_id_fields = ("source", "position")

    def get_queryset(self):
        return NewsItem.objects.select_related("source")


class EventResource(ParklineResource):
    date = PreciseDateField(attribute="date", precision_attribute="precision")
    parks = fields.Field(attribute="parks", column_name="parks", widget=NamesWidget(NameWidget(Park)))
    organisations = OrganisationRolesField()
    people = fields.Field(attribute="people", column_name="people", widget=NamesWidget(PersonWidget()))
    policies = fields.Field(attribute="policies", column_name="policies", widget=NamesWidget(policy_widget()))
    # exported for reading, never imported: only the review services change them
    status = fields.Field(attribute="status", column_name="status", readonly=True)
    merged_into = fields.Field(
        attribute="merged_into", column_name="merged_into", widget=EventKeyWidget(), readonly=True
    )

    class Meta:
        model = Event
        fields = (
            "date",
            "title",
            "end_date",
            "window_start",
            "window_end",
            "kind",
            "status",
            "confidence",
            "summary",
            "parks",
            "organisations",
            "people",
            "policies",
            "merged_into",
        )
        import_id_fields = ("date", "title")

    def get_queryset(self):
        return (
            Event.objects.select_related("merged_into")
            .prefetch_related("parks", "people", "policies", "organisation_roles__organisation")
            .order_by(F("merged_into").asc(nulls_first=True), "date", "id")
        )

    def init_instance(self, row=None):
        # the import preview prints new events before their fields are set; Event.__str__ needs a date
        parsed = parse_precise_date((row or {}).get("date"))
        return Event(date=parsed[0] if parsed else dt.date.min)

    def before_save_instance(self, instance, row, **kwargs):
        """A row that would change a status or a merge is refused, not silently ignored: the
        reviewer who typed it must use the review actions."""
        for name in curation.SERVICE_FIELDS:
            field = self.fields[name]
            wanted = str(row.get(name) or "")  # an empty or missing cell asks for nothing
            if wanted and wanted != str(field.export(instance) or ""):
                raise ValueError(
                    f"{name} cannot be changed by a spreadsheet: use the review actions "
                    f"({field.export(instance) or '—'} → {row[name]})"
                )
        super().before_save_instance(instance, row, **kwargs)

    def events_touched(self, pks: list[int]) -> list[int]:
        return pks


class EvidenceResource(ParklineResource):
    event = fields.Field(attribute="event", column_name="event", widget=EventKeyWidget())
    news_item = fields.Field(attribute="news_item", column_name="news_item", widget=NewsItemKeyWidget())

    class Meta:
        model = Evidence
        fields = ("event", "news_item", "start", "end", "raw_start", "raw_end", "date_phrase", "quote")
        import_id_fields = ("event", "news_item", "start")

    def get_queryset(self):
        return Evidence.objects.select_related("event", "news_item__source")

    def events_touched(self, pks: list[int]) -> list[int]:
        return list(Evidence.objects.filter(pk__in=pks).values_list("event_id", flat=True).distinct())
