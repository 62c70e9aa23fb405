"""What each curated record looks like as a spreadsheet row (import-export resources): parks,
organisations, people, positions, policies, sources, news items, events and their evidence.

Natural keys where a record has one: a record is its name (under ``name_key``), a source its
content SHA-256, a news item "sha256#position", evidence's event "date title" (the full ISO date of
its first day, "undated" when it has none), and an event's organisations are written
"name:role|name:role" so the role survives the round trip. An event itself has no natural key (an
editor corrects its title and date in the file): its rows are matched by ``id``, a row without one
is a new event only when the reviewer asks for new events, and an unchanged row writes nothing.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import F, Prefetch, Q
from django.utils.translation import gettext_lazy as _
from import_export import fields, widgets

from people.dates import format_precise_date, parse_precise_date
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
    split_names,
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


UNDATED = "undated"


def event_label(event: Event) -> str:
    return f"{event.date.isoformat() if event.date else UNDATED} {event.title}"


def split_event_label(text: str) -> tuple[dt.date | None, str]:
    """'2024-04-27 Title' -> (date, 'Title'); 'undated Title' -> (None, 'Title')."""
    day, _, title = text.strip().partition(" ")
    if day == UNDATED:
        return None, title.strip()
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

    def wanted(self, values: list[str]) -> set[tuple[int, str]]:
        """'name:role' cells as (organisation id, role) pairs; an unknown name or role is an error."""
        wanted: set[tuple[int, str]] = set()
        for value in values:
            name, _sep, role = value.rpartition(":")
            if not name:
                name, role = value, EventOrganisation.Role.PARTICIPANT
            if role not in EventOrganisation.Role.values:
                raise ValueError(f"unknown role {role!r} in {value!r}")
            organisation = Organisation.objects.filter(name_key=name_key(name)).first()
            if organisation is None:
                raise ValueError(f"no organisation named {name!r}")
            wanted.add((organisation.pk, role))
        return wanted

    def current(self, instance: Event) -> set[tuple[int, str]]:
        return set(instance.organisation_roles.values_list("organisation_id", "role"))

    def replace(self, instance: Event, values: list[str]) -> None:
        wanted = self.wanted(values)
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
    """Events by id: export, correct titles, dates, kinds and links in a spreadsheet, import. A
    row with an unknown id is an error; a row without one is a new event only with ``create_new``
    (the import form's box); a row that changes nothing is skipped and writes nothing. The status
    and merge columns are for reading: a row that would change them is refused."""

    id = fields.Field(attribute="id", column_name="id", widget=widgets.IntegerWidget())
    date = PreciseDateField(attribute="date", precision_attribute="precision")
    parks = fields.Field(attribute="parks", column_name="parks", widget=NamesWidget(NameWidget(Park)))
    organisations = OrganisationRolesField()
    people = fields.Field(attribute="people", column_name="people", widget=NamesWidget(PersonWidget()))
    policies = fields.Field(attribute="policies", column_name="policies", widget=NamesWidget(policy_widget()))
    # exported for reading, never imported: only the review services change them
    status = fields.Field(attribute="status", column_name="status", readonly=True)
    merged_into = fields.Field(
        attribute="merged_into",
        column_name="merged_into",
        widget=widgets.ForeignKeyWidget(Event),
        readonly=True,
    )
    # what the event was read from, to check a correction against
    evidence = fields.Field(column_name="evidence", readonly=True, dehydrate_method="dehydrate_evidence")
    source = fields.Field(column_name="source", readonly=True, dehydrate_method="dehydrate_source")
    labels = {"evidence": _("evidence quote"), "source": _("source")}

    class Meta:
        model = Event
        fields = (
            "id",
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
            "evidence",
            "source",
        )
        import_id_fields = ("id",)
        skip_unchanged = True
        report_skipped = True

    def __init__(self, *, create_new: bool = False, **kwargs) -> None:
        super().__init__(**kwargs)
        self.create_new = create_new

    def get_queryset(self):
        return (
            Event.objects.select_related("merged_into")
            .prefetch_related(
                "parks",
                "people",
                "policies",
                "organisation_roles__organisation",
                Prefetch(
                    "evidence", queryset=Evidence.objects.select_related("news_item__source").order_by("id")
                ),
            )
            .order_by(F("merged_into").asc(nulls_first=True), F("date").asc(nulls_first=True), "id")
        )

    def dehydrate_evidence(self, event: Event) -> str:
        return "\n".join(evidence.quote for evidence in event.evidence.all())

    def dehydrate_source(self, event: Event) -> str:
        return "\n".join(source_line(evidence.news_item) for evidence in event.evidence.all())

    def get_instance(self, instance_loader, row):
        text = str(row.get("id") or "").strip()
        if not text:
            if self.create_new:
                return None
            raise ValueError(
                _("This row has no id: it would be a new event. Tick “create new events” to add it.")
            )
        try:
            return Event.objects.get(pk=int(float(text)))  # a spreadsheet may write 12 as 12.0
        except (ValueError, Event.DoesNotExist):
            raise ValueError(_("There is no event with the id %(id)s.") % {"id": text}) from None

    def init_instance(self, row=None):
        # the import preview prints new events before their fields are set
        parsed = parse_precise_date((row or {}).get("date"))
        return Event(date=parsed[0] if parsed else None)

    def import_instance(self, instance, row, **kwargs):
        if instance.pk is None:
            row = {**row, "id": ""}  # a new event gets a new id, never one typed in the file
        super().import_instance(instance, row, **kwargs)

    def before_import(self, dataset, **kwargs):
        super().before_import(dataset, **kwargs)
        if "id" not in (dataset.headers or []):  # a file of new events only
            dataset.append_col([""] * len(dataset), header="id")

    def skip_row(self, instance, original, row, import_validation_errors=None):
        """An existing event whose row says what the event says already: nothing to write. A row
        asking for another status or merge is not skipped: saving it refuses it, loudly."""
        if import_validation_errors or original is None or original.pk is None:
            return False
        if self.asks_for_review_changes(original, row):
            return False
        return not any(self.differs(field, instance, original, row) for field in self.get_import_fields())

    def asks_for_review_changes(self, event: Event, row: dict) -> list[str]:
        """The status and merge columns whose cells differ from the event (an empty cell asks for nothing)."""
        return [
            name
            for name in curation.SERVICE_FIELDS
            if str(row.get(name) or "")
            and str(row.get(name) or "") != str(self.fields[name].export(event) or "")
        ]

    def differs(self, field, instance: Event, original: Event, row: dict) -> bool:
        """Whether the row's cell of ``field`` says something else than the stored event."""
        if field.column_name not in row:
            return False
        if isinstance(field, OrganisationRolesField):
            return field.wanted(split_names(row[field.column_name])) != field.current(original)
        if isinstance(field.widget, widgets.ManyToManyWidget):
            chosen = {item.pk for item in field.clean(row)}
            return chosen != set(getattr(original, field.attribute).values_list("pk", flat=True))
        if isinstance(field, PreciseDateField):
            mine = (instance.date, instance.precision if instance.date else None)
            theirs = (original.date, original.precision if original.date else None)
            return mine != theirs
        return field.get_value(instance) != field.get_value(original)

    def before_save_instance(self, instance, row, **kwargs):
        """A row that would change a status or a merge is refused, not silently ignored: the
        reviewer who typed it must use the review actions."""
        for name in self.asks_for_review_changes(instance, row):
            raise ValueError(
                f"{name} cannot be changed by a spreadsheet: use the review actions "
                f"({self.fields[name].export(instance) or '—'} → {row[name]})"
            )
        super().before_save_instance(instance, row, **kwargs)

    def events_touched(self, pks: list[int]) -> list[int]:
        return pks


def source_line(item: NewsItem) -> str:
    """Where a passage was printed: headline · publisher · publication date, or the file."""
    source = item.source
    when = format_precise_date(source.published_on, source.published_precision)
    parts = [item.headline or source.title, source.publisher, when]
    return " · ".join(part for part in parts if part) or source.file_name


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
