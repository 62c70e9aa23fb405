"""The actors and places of the timeline: organisations, parks, people and their positions.

Every name is kept with a normalised ``name_key`` (see ``people.names``) so that the same name
typed with full-width brackets or a stray space is still one record; aliases (简称, old names,
Traditional spellings) live in ``Alias`` so the extractor's gazetteer can load them in one query.
"""

from __future__ import annotations

import hashlib

from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from people.names import name_key


class Precision(models.TextChoices):
    """How much of a stored date is known: the rest of the date is the first day of the period."""

    DAY = "day", _("day")
    MONTH = "month", _("month")
    YEAR = "year", _("year")


def precision_check(field: str, name: str) -> models.CheckConstraint:
    return models.CheckConstraint(condition=Q(**{f"{field}__in": Precision.values}), name=name)


def unique_slug(model: type[models.Model], text: str, *, exclude_pk: int | None = None) -> str:
    """A unicode slug from ``text``, suffixed -2, -3 … until no other row of ``model`` has it."""
    base = slugify(text, allow_unicode=True)[:80] or "item"
    slug, n = base, 1
    others = model._default_manager.all()
    if exclude_pk is not None:
        others = others.exclude(pk=exclude_pk)
    while others.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def slug_with_suffix(slug: str, key: str) -> str:
    """``slug`` made unique to one name: a suffix from the name's key, the same in every process,
    for a slug already taken by another name (two spellings that slugify alike)."""
    return f"{slug[:72]}-{hashlib.sha1(key.encode()).hexdigest()[:7]}"


class PublicByEventsQuerySet(models.QuerySet):
    """Records the public may see: reviewed by an editor, or named by a public event. What a
    public event is, the events' own queryset says (``Event.objects.public()``); it is reached
    through the reverse relation ``events``, so this app imports nothing of the timeline."""

    def reviewed(self):
        return self.filter(is_reviewed=True)

    def public(self):
        relation = self.model._meta.get_field("events")
        public_events = relation.related_model.objects.public()
        named = public_events.filter(**{relation.field.name: OuterRef("pk")})
        return self.filter(Q(is_reviewed=True) | Exists(named))


class NamedQuerySet(PublicByEventsQuerySet):
    def named(self, text: str):
        """The records called ``text``, by their name or one of their aliases (an old name, a
        full name, a 简称): where a URL with a name instead of a slug should lead."""
        key = name_key(text)
        relation = self.model._meta.get_field("aliases").field.name  # the Alias field naming us
        return self.filter(Q(name_key=key) | Q(pk__in=Alias.objects.filter(name_key=key).values(relation)))


class NamedModel(models.Model):
    """Shared fields of the named records (organisations, parks, people)."""

    name = models.CharField(_("name"), max_length=200)
    name_key = models.CharField(_("name key"), max_length=200, editable=False, db_index=True)
    slug = models.SlugField(_("slug"), max_length=100, allow_unicode=True, unique=True, blank=True)
    description = models.TextField(_("description"), blank=True)
    is_reviewed = models.BooleanField(
        _("reviewed"), default=False, help_text=_("Unticked for records the extractor created.")
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    objects = NamedQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ("name",)

    def __str__(self) -> str:
        return self.name

    url_name = ""  # the public page's URL name

    def get_absolute_url(self) -> str:
        return reverse(self.url_name, kwargs={"slug": self.slug})

    def save(self, *args, **kwargs) -> None:
        self.name = self.name.strip()
        self.name_key = name_key(self.name)
        if not self.slug:
            self.slug = unique_slug(type(self), self.name, exclude_pk=self.pk)
        super().save(*args, **kwargs)


class OrganisationKind(models.TextChoices):
    MINISTRY = "ministry", _("ministry")
    AGENCY = "agency", _("agency")
    LOCAL_GOVERNMENT = "local_government", _("local government")
    PARK_COMMITTEE = "park_committee", _("park management committee")
    COMPANY = "company", _("company")
    ASSOCIATION = "association", _("association")
    UNIVERSITY = "university", _("university or institute")
    MEDIA = "media", _("media")
    FOREIGN = "foreign", _("foreign or international")
    OTHER = "other", _("other")


class ParkLevel(models.TextChoices):
    NATIONAL_HTZ = "national_htz", _("national high-tech zone")
    NATIONAL_DEMO = "national_demo", _("national independent innovation demonstration zone")
    PROVINCIAL = "provincial", _("provincial high-tech zone")
    SUB_PARK = "sub_park", _("sub-park")
    SPECIALTY = "specialty", _("specialty industrial park")
    FOREIGN = "foreign", _("foreign science park")
    OTHER = "other", _("other park")


class Organisation(NamedModel):
    Kind = OrganisationKind
    url_name = "timeline:organisation"

    name_en = models.CharField(
        _("English name"), max_length=200, blank=True, help_text=_("The body's own English name, if any.")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
    )
    predecessor = models.ForeignKey(
        "self",
        verbose_name=_("predecessor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="successors",
        help_text=_("The body this one continues, e.g. after a ministry reorganisation."),
    )
    renamed_on = models.DateField(_("became this body on"), null=True, blank=True)
    country = models.CharField(_("country"), max_length=2, default="CN", help_text=_("ISO 3166 code"))
    history = HistoricalRecords()

    class Meta(NamedModel.Meta):
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            models.UniqueConstraint(fields=["name_key"], name="organisation_unique_name_key"),
            models.CheckConstraint(
                condition=Q(kind__in=OrganisationKind.values), name="organisation_valid_kind"
            ),
            models.CheckConstraint(condition=~Q(parent=models.F("id")), name="organisation_not_own_parent"),
            models.CheckConstraint(
                condition=~Q(predecessor=models.F("id")), name="organisation_not_own_predecessor"
            ),
        ]


class Park(NamedModel):
    Level = ParkLevel
    url_name = "timeline:park"

    name_en = models.CharField(
        _("English name"), max_length=200, blank=True, help_text=_("The zone's official English name.")
    )
    level = models.CharField(_("level"), max_length=20, choices=Level.choices, default=Level.OTHER)
    province = models.CharField(_("province"), max_length=40, blank=True, db_index=True)
    city = models.CharField(_("city"), max_length=40, blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent park"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
    )
    approved_on = models.DateField(_("approved on"), null=True, blank=True)
    approved_precision = models.CharField(
        _("approval date precision"), max_length=5, choices=Precision.choices, default=Precision.YEAR
    )
    managing_organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("managing organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="managed_parks",
    )
    history = HistoricalRecords()

    class Meta(NamedModel.Meta):
        verbose_name = _("park")
        verbose_name_plural = _("parks")
        constraints = [
            models.UniqueConstraint(fields=["name_key"], name="park_unique_name_key"),
            models.CheckConstraint(condition=Q(level__in=ParkLevel.values), name="park_valid_level"),
            precision_check("approved_precision", "park_valid_approved_precision"),
            models.CheckConstraint(condition=~Q(parent=models.F("id")), name="park_not_own_parent"),
        ]

    @property
    def location(self) -> str:
        """``湖北省 武汉``; the city left out when it only repeats the province (北京市, 北京)."""
        stem = self.province.removesuffix("市")
        city = "" if not self.city or self.city in (self.province, stem) else self.city
        return " ".join(part for part in (self.province, city) if part)


class Person(NamedModel):
    url_name = "timeline:person"

    disambiguation = models.CharField(
        _("disambiguation"),
        max_length=100,
        blank=True,
        help_text=_("Tells apart people of the same name, e.g. 中国工程院院士."),
    )
    history = HistoricalRecords()

    class Meta(NamedModel.Meta):
        verbose_name = _("person")
        verbose_name_plural = _("people")
        constraints = [
            models.UniqueConstraint(fields=["name_key", "disambiguation"], name="person_unique_name_key"),
        ]

    def __str__(self) -> str:
        return f"{self.name}（{self.disambiguation}）" if self.disambiguation else self.name


class PositionQuerySet(models.QuerySet):
    def public(self):
        """Positions an editor typed in, or that a public source states."""
        sources = self.model._meta.get_field("source").related_model.objects.public()
        return self.filter(Q(source__isnull=True) | Q(source__in=sources))


class Position(models.Model):
    """A title a person held at an organisation, as seen in the sources (first and last seen)."""

    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="positions"
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="positions",
    )
    title = models.CharField(_("title"), max_length=200)
    first_seen = models.DateField(_("first seen"), null=True, blank=True)
    last_seen = models.DateField(_("last seen"), null=True, blank=True)
    start_on = models.DateField(_("started on"), null=True, blank=True)
    end_on = models.DateField(_("ended on"), null=True, blank=True)
    source = models.ForeignKey(
        "timeline.Source",
        verbose_name=_("first source"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="positions",
    )
    quote = models.TextField(_("evidence"), blank=True)
    history = HistoricalRecords()

    objects = PositionQuerySet.as_manager()

    class Meta:
        verbose_name = _("position")
        verbose_name_plural = _("positions")
        ordering = ("person", "-last_seen", "title")
        constraints = [
            models.UniqueConstraint(fields=["person", "organisation", "title"], name="position_unique_title"),
            models.CheckConstraint(
                condition=Q(last_seen__isnull=True)
                | Q(first_seen__isnull=True)
                | Q(last_seen__gte=models.F("first_seen")),
                name="position_seen_in_order",
            ),
            models.CheckConstraint(
                condition=Q(end_on__isnull=True)
                | Q(start_on__isnull=True)
                | Q(end_on__gte=models.F("start_on")),
                name="position_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        where = f"{self.organisation} " if self.organisation_id else ""
        return f"{self.person} · {where}{self.title}"


class Alias(models.Model):
    """Another name of one park, organisation or person (简称, former name, Traditional form)."""

    name = models.CharField(_("alias"), max_length=200)
    name_key = models.CharField(_("name key"), max_length=200, editable=False, db_index=True)
    park = models.ForeignKey(
        Park, verbose_name=_("park"), null=True, blank=True, on_delete=models.CASCADE, related_name="aliases"
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="aliases",
    )
    person = models.ForeignKey(
        Person,
        verbose_name=_("person"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="aliases",
    )

    class Meta:
        verbose_name = _("alias")
        verbose_name_plural = _("aliases")
        ordering = ("name",)
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(park__isnull=False, organisation__isnull=True, person__isnull=True)
                    | Q(park__isnull=True, organisation__isnull=False, person__isnull=True)
                    | Q(park__isnull=True, organisation__isnull=True, person__isnull=False)
                ),
                name="alias_names_exactly_one",
            ),
            models.UniqueConstraint(fields=["name_key", "park"], name="alias_unique_per_park"),
            models.UniqueConstraint(
                fields=["name_key", "organisation"], name="alias_unique_per_organisation"
            ),
            models.UniqueConstraint(fields=["name_key", "person"], name="alias_unique_per_person"),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        self.name = self.name.strip()
        self.name_key = name_key(self.name)
        super().save(*args, **kwargs)

    @property
    def target(self) -> models.Model | None:
        return self.park or self.organisation or self.person
