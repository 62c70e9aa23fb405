"""The columns every spreadsheet shares: dates with a precision, relations by name, rows that
refer to other rows of the same file, and the base resource whose imports end in the one door
to the events' derived data.

Rows name things, never ids: a spreadsheet made on one database must import into another. Names
are matched under ``name_key`` (so full-width and half-width brackets are one name), relations are
written as names joined with ``|``, aliases as one ``|``-joined column, and a date with a
precision as a string as long as what is known ("2024", "2024-04", "2024-04-27").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from functools import reduce
from operator import or_
from typing import TypeVar

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.db.models import Q
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from import_export import fields, resources, widgets
from import_export.formats.base_formats import CSV, XLSX
from import_export.resources import Diff
from import_export.results import RowResult

from people.dates import format_precise_date, parse_precise_date
from people.models import Alias, Person
from people.names import name_key
from timeline.derived import events_changed, events_naming

SEPARATOR = "|"
T = TypeVar("T")

# what a spreadsheet program reads as the start of a formula (OWASP "CSV Injection"), after any
# apostrophes: a cell is escaped with one more, so an import can take exactly one off again
_FORMULA = re.compile(r"'*[=+\-@\t\r]")


def neutralised(value: T) -> T:
    """``value`` safe to put in a CSV or XLSX cell: a text a spreadsheet would run as a formula
    (``=HYPERLINK(…)``, ``+cmd|…``, ``@SUM(…)``) gets a leading apostrophe, so the program shows it
    as text. Every CSV and XLSX Parkline writes goes through here: the public export and every
    admin export (``ParklineResource``). Numbers and other values are left as they are."""
    if isinstance(value, str) and _FORMULA.match(value):
        return "'" + value
    return value


def restored(value: T) -> T:
    """The text :func:`neutralised` was given: what an imported cell meant before export."""
    if isinstance(value, str) and value.startswith("'") and _FORMULA.match(value):
        return value[1:]
    return value


BOM = "\ufeff"


class CSVWithBOM(CSV):
    """CSV that Excel on a Chinese Windows opens as UTF-8: it starts with a byte order mark (the
    admin reads uploads as ``utf-8-sig``, so the mark is dropped again on import)."""

    def export_data(self, dataset, **kwargs):
        return BOM + super().export_data(dataset, **kwargs)


SPREADSHEET_FORMATS = (CSVWithBOM, XLSX)


class PreciseDateWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        parsed = parse_precise_date(value)
        return parsed[0] if parsed else None


class PreciseDateField(fields.Field):
    """One column for a date and its precision field: '2024-04' is April 2024, month precision."""

    def __init__(self, *, attribute: str, precision_attribute: str, column_name: str | None = None) -> None:
        super().__init__(
            attribute=attribute, column_name=column_name or attribute, widget=PreciseDateWidget()
        )
        self.precision_attribute = precision_attribute

    def save(self, instance, row, is_m2m=False, **kwargs):
        parsed = parse_precise_date(row[self.column_name])
        setattr(instance, self.attribute, parsed[0] if parsed else None)
        if parsed:
            setattr(instance, self.precision_attribute, parsed[1])

    def export(self, instance, **kwargs):
        return format_precise_date(
            getattr(instance, self.attribute), getattr(instance, self.precision_attribute)
        )


# --- relations by name ------------------------------------------------------------------------


class NameWidget(widgets.ForeignKeyWidget):
    """A foreign key written as the related record's name, matched under ``name_key``."""

    def __init__(
        self, model: type[models.Model], *, field: str = "name", key_field: str = "name_key"
    ) -> None:
        super().__init__(model, field=field)
        self.key_field = key_field

    def label(self, obj: models.Model) -> str:
        return getattr(obj, self.field)

    def lookup(self, text: str) -> Q:
        return Q(**{self.key_field: name_key(text)})

    def clean(self, value, row=None, **kwargs):
        text = str(value).strip() if value is not None else ""
        if not text:
            return None
        try:
            return self.model.objects.get(self.lookup(text))
        except self.model.DoesNotExist:
            raise ValueError(f"no {self.model._meta.verbose_name} named {text!r}") from None

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else self.label(value)


class PersonWidget(NameWidget):
    """A person as written by ``Person.__str__``: '张三' or '张三（中国工程院院士）'."""

    def __init__(self) -> None:
        super().__init__(Person)

    def label(self, obj: models.Model) -> str:
        return str(obj)

    def lookup(self, text: str) -> Q:
        name, disambiguation = split_person_label(text)
        return Q(name_key=name_key(name), disambiguation=disambiguation)


def split_person_label(text: str) -> tuple[str, str]:
    """'张三（院士）' -> ('张三', '院士'); the bracket is the disambiguation ``Person.__str__`` adds."""
    text = text.strip()
    if text.endswith(("）", ")")) and ("（" in text or "(" in text):
        cut = max(text.rfind("（"), text.rfind("("))
        return text[:cut].strip(), text[cut + 1 : -1].strip()
    return text, ""


class NamesWidget(widgets.ManyToManyWidget):
    """A many-to-many relation as '|'-joined names; an unknown name is an error, not a silent drop."""

    def __init__(self, single: NameWidget) -> None:
        super().__init__(single.model, separator=SEPARATOR, field=single.field)
        self.single = single

    def clean(self, value, row=None, **kwargs):
        texts = split_names(value)
        if not texts:
            return self.model.objects.none()
        found = list(self.model.objects.filter(reduce(or_, (self.single.lookup(text) for text in texts))))
        labels = {name_key(self.single.label(obj)) for obj in found}
        missing = [text for text in texts if name_key(text) not in labels]
        if missing:
            raise ValueError(f"unknown {self.model._meta.verbose_name_plural}: {', '.join(missing)}")
        return found

    def render(self, value, obj=None, **kwargs):
        if value is None:
            return ""
        return SEPARATOR.join(sorted(self.single.label(item) for item in value.all()))


def split_names(value: object) -> list[str]:
    if value in (None, ""):
        return []
    return [part.strip() for part in str(value).split(SEPARATOR) if part.strip()]


class RelatedRowsField(fields.Field):
    """A column whose value is stored in other rows (aliases, roles): saved after the instance,
    like a many-to-many, which is why its widget is a ManyToManyWidget."""

    class Widget(widgets.ManyToManyWidget):
        # the model is never queried: the field's save() writes the rows itself
        def __init__(self) -> None:
            super().__init__(Alias, separator=SEPARATOR)

        def clean(self, value, row=None, **kwargs):
            return split_names(value)

    def __init__(self, *, column_name: str) -> None:
        super().__init__(attribute=column_name, column_name=column_name, widget=self.Widget())

    def render(self, instance: models.Model) -> str:
        raise NotImplementedError

    def export(self, instance, **kwargs):
        return self.render(instance) if instance.pk else ""

    def save(self, instance, row, is_m2m=False, **kwargs):
        if is_m2m:
            self.replace(instance, split_names(row[self.column_name]))

    def replace(self, instance: models.Model, values: list[str]) -> None:
        raise NotImplementedError


class AliasesField(RelatedRowsField):
    """The '|'-joined aliases of a park, organisation or person; importing replaces them."""

    def __init__(self) -> None:
        super().__init__(column_name="aliases")

    def render(self, instance: models.Model) -> str:
        return SEPARATOR.join(sorted(alias.name for alias in instance.aliases.all()))

    def replace(self, instance: models.Model, values: list[str]) -> None:
        owner = {instance._meta.model_name: instance}
        wanted = {name_key(value): value for value in values if name_key(value) != instance.name_key}
        instance.aliases.exclude(name_key__in=wanted).delete()
        have = set(instance.aliases.values_list("name_key", flat=True))
        for key, value in wanted.items():
            if key not in have:
                Alias.objects.create(name=value, **owner)


# --- rows that refer to other rows of the same file -------------------------------------------


def order_by_references(
    dataset, *, key: Callable[[dict], str], references: Callable[[dict], Iterable[str]]
) -> None:
    """Reorders ``dataset`` in place so a row comes after the rows it refers to (a parent before
    its children), so a file imports whatever order it was written in. Cycles keep file order."""
    rows = [dict(zip(dataset.headers, values, strict=False)) for values in dataset]
    keys = [key(row) for row in rows]
    in_file = set(keys)
    placed: set[str] = set()
    ordered: list[int] = []
    pending = list(range(len(rows)))
    while pending:
        ready = [
            i
            for i in pending
            if all(ref in placed or ref not in in_file or ref == keys[i] for ref in references(rows[i]))
        ]
        if not ready:
            ready = pending[:1]  # a cycle: let the import report the row it cannot resolve
        placed.update(keys[i] for i in ready)
        ordered += ready
        pending = [i for i in pending if i not in ready]
    if ordered != list(range(len(rows))):
        originals = [tuple(dataset[i]) for i in ordered]
        headers = list(dataset.headers)
        dataset.wipe()
        dataset.headers = headers
        for values in originals:
            dataset.append(values)


def row_name_key(column: str) -> Callable[[dict], str]:
    return lambda row: name_key(str(row.get(column) or ""))


def row_name_keys(*columns: str) -> Callable[[dict], list[str]]:
    return lambda row: [name_key(str(row[column])) for column in columns if row.get(column)]


# --- the base resources -----------------------------------------------------------------------


class ParklineResource(resources.ModelResource):
    """A spreadsheet's empty cell is an empty text, not NULL, in text fields too. An import ends in
    ``timeline.derived.events_changed`` for the events its rows touched before and after (in the
    import's transaction: a preview rolls it back with everything else). Exported cells are
    :func:`neutralised` against formulae, and an import :func:`restored` them."""

    WIDGETS_MAP = {**resources.ModelResource.WIDGETS_MAP, "TextField": widgets.CharWidget}

    def export_resource(self, instance, selected_fields=None, **kwargs):
        return [neutralised(value) for value in super().export_resource(instance, selected_fields, **kwargs)]

    def before_import_row(self, row, **kwargs):
        super().before_import_row(row, **kwargs)
        for column, value in row.items():
            row[column] = restored(value)

    def events_touched(self, pks: list[int]) -> list[int]:
        """The events whose search text or facet counts these records feed (none by default)."""
        return []

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        """A cell is held to its model field's rules as a value typed in the admin's form is (a
        URL must be a web address, a kind one of the kinds, a title fit its column). Only the
        imported columns' own fields: ``full_clean`` would also judge what ``save()`` derives
        (name keys, slugs), and a relation the widget already found by name."""
        errors = dict(import_validation_errors or {})
        columns = {field.attribute for field in self.get_import_fields()}
        checked = {f.name for f in instance._meta.concrete_fields if f.name in columns and not f.is_relation}
        try:
            instance.clean_fields(exclude={f.name for f in instance._meta.fields} - checked | set(errors))
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)

    def before_save_instance(self, instance, row, **kwargs):
        super().before_save_instance(instance, row, **kwargs)
        if instance.pk:
            self._touched = {*getattr(self, "_touched", ()), *self.events_touched([instance.pk])}

    def after_import(self, dataset, result, **kwargs):
        super().after_import(dataset, result, **kwargs)
        # rows skipped as unchanged wrote nothing, so nothing derived from them may change either
        written = {RowResult.IMPORT_TYPE_NEW, RowResult.IMPORT_TYPE_UPDATE, RowResult.IMPORT_TYPE_DELETE}
        saved = [row.object_id for row in result.rows if row.object_id and row.import_type in written]
        events_changed({*getattr(self, "_touched", ()), *self.events_touched(saved)})
        self._touched = set()

    # -- what the admin shows of a file: labels in the interface's language, what changes ----------

    @classmethod
    def column_label(cls, column: str) -> str:
        """A column's label in the interface's language, with its code (the file's header):
        '标题 (title)'. A column named after a model field takes the field's verbose name."""
        field = cls.fields.get(column)
        attribute = (field.attribute if field else None) or column
        try:
            model_field = cls._meta.model._meta.get_field(attribute)
        except FieldDoesNotExist:
            model_field = None
        if hasattr(model_field, "verbose_name"):
            name = model_field.verbose_name
        elif model_field is not None:  # a reverse relation (aliases): the related records' name
            name = model_field.related_model._meta.verbose_name_plural
        else:
            name = getattr(cls, "labels", {}).get(column, column)
        label = str(capfirst(name))
        return label if label == column else f"{label} ({column})"

    def get_diff_headers(self):
        return [
            str(_("changes")),
            *(self.column_label(field.column_name) for field in self.get_import_fields()),
        ]

    def get_diff_class(self):
        return ChangesDiff


class ChangesDiff(Diff):
    """The import preview's row: first the labels of the columns this row changes (nothing for a
    row skipped as unchanged, "new" for a new row), then every column, changed text marked."""

    def __init__(self, resource, instance, new):
        super().__init__(resource, instance, new)
        self.labels = [resource.column_label(field.column_name) for field in resource.get_import_fields()]

    def as_html(self):
        cells = super().as_html()
        if self.new:
            summary = str(_("new"))
        else:
            changed = [
                label
                for label, old, new in zip(self.labels, self.left, self.right, strict=False)
                if old != new
            ]
            summary = "、".join(changed)
        return [format_html("<strong>{}</strong>", summary) if summary else "", *cells]


class NamedResource(ParklineResource):
    """Rows keyed by name: an existing record is found under its ``name_key``, not its id."""

    key_columns: Sequence[str] = ("name",)

    def events_touched(self, pks: list[int]) -> list[int]:
        return events_naming(self._meta.model, pks)

    def get_instance(self, instance_loader, row):
        if any(column not in row for column in self.key_columns):
            return None
        return self._meta.model.objects.filter(self.key_lookup(row)).first()

    def key_lookup(self, row: dict) -> Q:
        return Q(name_key=name_key(str(row["name"] or "")))
