"""The timeline: imported documents (Source), the articles in them (NewsItem), the dated
Events they report and the Evidence that ties each event to the sentence that states it."""

from __future__ import annotations

import calendar
import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from people.links import web_link, web_url_validator
from people.models import Organisation, Park, Person, Precision, precision_check
from people.names import name_key
from policies.models import Policy


class Source(models.Model):
    """One imported document. ``content_sha256`` of the normalised text makes re-import a no-op."""

    title = models.CharField(_("title"), max_length=300, blank=True)
    publisher = models.CharField(_("publisher"), max_length=200, blank=True)
    issue_label = models.CharField(
        _("issue"), max_length=100, blank=True, help_text=_("e.g. 第3期(总第2365期)")
    )
    published_on = models.DateField(_("published on"), null=True, blank=True)
    published_precision = models.CharField(
        _("publication date precision"), max_length=5, choices=Precision.choices, default=Precision.DAY
    )
    url = models.URLField(_("URL"), max_length=500, blank=True, validators=[web_url_validator])
    url_as_found = models.CharField(
        _("URL as found"),
        max_length=500,
        blank=True,
        help_text=_("An address the document gave that is not a web (http/https) address: kept as text."),
    )
    file_name = models.CharField(_("file name"), max_length=255, blank=True)
    media_type = models.CharField(_("media type"), max_length=100, blank=True)
    encoding = models.CharField(_("detected encoding"), max_length=40, blank=True)
    raw_text = models.TextField(_("raw text"))
    clean_text = models.TextField(_("cleaned text"))
    content_sha256 = models.CharField(_("content SHA-256"), max_length=64, unique=True)
    imported_at = models.DateTimeField(_("imported at"), auto_now_add=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("imported by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )

    class Meta:
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        ordering = ("-published_on", "-imported_at")
        constraints = [precision_check("published_precision", "source_valid_published_precision")]

    def __str__(self) -> str:
        return self.title or self.file_name or f"source {self.pk}"

    @property
    def link(self) -> str:
        """The original's address when a browser may follow it, else "": what every page and
        the API show, never ``url`` itself (rows stored before validation may hold anything)."""
        return web_link(self.url)


class NewsItem(models.Model):
    """One article inside a source, as offsets into the source's cleaned text."""

    source = models.ForeignKey(
        Source, verbose_name=_("source"), on_delete=models.CASCADE, related_name="items"
    )
    position = models.PositiveIntegerField(_("position in source"), default=0)
    headline = models.CharField(_("headline"), max_length=300, blank=True)
    dateline = models.CharField(_("dateline"), max_length=200, blank=True)
    byline = models.CharField(_("byline"), max_length=200, blank=True)
    start = models.PositiveIntegerField(_("start offset"))
    end = models.PositiveIntegerField(_("end offset"))

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")
        ordering = ("source", "position")
        constraints = [
            models.CheckConstraint(condition=Q(end__gte=F("start")), name="newsitem_end_after_start"),
            models.UniqueConstraint(fields=["source", "position"], name="newsitem_unique_position"),
        ]

    def __str__(self) -> str:
        return self.headline or f"{self.source} #{self.position}"

    @property
    def text(self) -> str:
        return self.source.clean_text[self.start : self.end]


class EventKind(models.TextChoices):
    FORUM = "forum", _("forum")
    PRESS_CONFERENCE = "press_conference", _("press conference")
    MEETING = "meeting", _("meeting")
    CONTEST = "contest", _("contest")
    POLICY_RELEASE = "policy_release", _("policy release")
    PARK_SIGNUP = "park_signup", _("park sign-up")
    VISIT = "visit", _("visit")
    LAUNCH = "launch", _("launch")
    STATISTIC = "statistic", _("statistic")
    OTHER = "other", _("other")


class EventStatus(models.TextChoices):
    CANDIDATE = "candidate", _("candidate")
    REVIEWED = "reviewed", _("reviewed")
    PUBLISHED = "published", _("published")
    REJECTED = "rejected", _("rejected")


class EventQuerySet(models.QuerySet):
    def published(self) -> EventQuerySet:
        """What the public sees: published, and not merged into another event."""
        return self.filter(status=EventStatus.PUBLISHED, merged_into__isnull=True)

    def live(self) -> EventQuerySet:
        """Everything not merged away, rejected events too: what the importer matches duplicates
        against, so that another copy of a rejected report is not proposed again."""
        return self.filter(merged_into__isnull=True)


class Event(models.Model):
    Kind = EventKind
    Status = EventStatus

    date = models.DateField(
        _("date"),
        null=True,
        blank=True,
        help_text=_(
            "First day of the period the precision names. Empty when the text dates the event only "
            "relative to a publication date nobody knows (4月27日, 近日): an editor must date it."
        ),
    )
    precision = models.CharField(
        _("precision"), max_length=5, choices=Precision.choices, default=Precision.DAY
    )
    end_date = models.DateField(
        _("end date"), null=True, blank=True, help_text=_("Last day of a multi-day event.")
    )
    window_start = models.DateField(
        _("earliest"), null=True, blank=True, help_text=_("For vague dates (近日).")
    )
    window_end = models.DateField(_("latest"), null=True, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    title = models.CharField(_("title"), max_length=300)
    summary = models.TextField(_("summary"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.CANDIDATE)
    confidence = models.FloatField(_("confidence"), default=0.5)
    rules = models.JSONField(
        _("rules"),
        default=list,
        blank=True,
        help_text=_("The names of the extraction rules (or models) that proposed the event."),
    )
    parks = models.ManyToManyField(Park, verbose_name=_("parks"), blank=True, related_name="events")
    organisations = models.ManyToManyField(
        Organisation,
        verbose_name=_("organisations"),
        through="EventOrganisation",
        blank=True,
        related_name="events",
    )
    people = models.ManyToManyField(Person, verbose_name=_("people"), blank=True, related_name="events")
    policies = models.ManyToManyField(Policy, verbose_name=_("policies"), blank=True, related_name="events")
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("merged into"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="merged_events",
    )
    search_text = models.TextField(
        _("search text"), blank=True, editable=False, help_text=_("Segmented, simplified words for search.")
    )
    published_at = models.DateTimeField(
        _("public since"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("When it last became public; empty while it is not. Kept by timeline.derived."),
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords(excluded_fields=["search_text", "published_at"])

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ("-date", "-id")
        permissions = [
            ("publish_event", _("Can publish and reject events")),
            ("merge_event", _("Can merge events and entities")),
        ]
        indexes = [
            # the public timeline: published events newest first, keyset-paginated on (date, id)
            models.Index(fields=["status", "-date", "-id"], name="event_status_date_idx"),
            models.Index(fields=["kind", "-date"], name="event_kind_date_idx"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=EventKind.values), name="event_valid_kind"),
            models.CheckConstraint(condition=Q(status__in=EventStatus.values), name="event_valid_status"),
            precision_check("precision", "event_valid_precision"),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("date")), name="event_end_after_start"
            ),
            models.CheckConstraint(
                condition=Q(window_start__isnull=True, window_end__isnull=True)
                | Q(window_start__isnull=False, window_end__isnull=False, window_end__gte=F("window_start")),
                name="event_window_in_order",
            ),
            models.CheckConstraint(
                condition=Q(confidence__gte=0) & Q(confidence__lte=1), name="event_confidence_0_1"
            ),
            models.CheckConstraint(condition=~Q(merged_into=F("id")), name="event_not_merged_into_itself"),
            models.CheckConstraint(
                condition=Q(date__isnull=False) | ~Q(status=EventStatus.PUBLISHED),
                name="event_published_is_dated",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.title}" if self.date else self.title

    def get_absolute_url(self) -> str:
        return reverse("timeline:event", kwargs={"pk": self.pk})

    def span(self) -> tuple[dt.date, dt.date] | None:
        """The days the event may have happened on: its 近日 window, else its date to its end
        date, else the whole day, month or year its precision names; None while it is undated."""
        if self.window_start and self.window_end:
            return self.window_start, self.window_end
        if self.date is None:
            return None
        if self.end_date:
            return self.date, max(self.date, self.end_date)
        if self.precision == Precision.YEAR:
            return self.date, dt.date(self.date.year, 12, 31)
        if self.precision == Precision.MONTH:
            last = calendar.monthrange(self.date.year, self.date.month)[1]
            return self.date, dt.date(self.date.year, self.date.month, last)
        return self.date, self.date


class WithdrawalReason(models.TextChoices):
    REJECTED = "rejected", _("rejected")
    MERGED = "merged", _("merged into another event")
    UNPUBLISHED = "unpublished", _("unpublished")
    DELETED = "deleted", _("deleted")


class Withdrawal(models.Model):
    """A published event that stopped being public, and when: what a client syncing a copy of the
    timeline must remove (``/api/events?updated_since=…``). Written only by ``timeline.derived``."""

    Reason = WithdrawalReason

    # not a foreign key: a deleted event's withdrawal must outlive it
    event_id = models.BigIntegerField(_("event id"))
    withdrawn_at = models.DateTimeField(_("withdrawn at"))
    reason = models.CharField(_("reason"), max_length=12, choices=Reason.choices)
    merged_into_id = models.BigIntegerField(_("merged into"), null=True, blank=True)

    class Meta:
        verbose_name = _("withdrawal")
        verbose_name_plural = _("withdrawals")
        ordering = ("withdrawn_at", "id")
        constraints = [
            models.CheckConstraint(
                condition=Q(reason__in=WithdrawalReason.values), name="withdrawal_valid_reason"
            ),
        ]
        indexes = [
            # the changes feed: withdrawals since a moment, in order
            models.Index(fields=["withdrawn_at", "id"], name="withdrawal_since_idx"),
        ]

    def __str__(self) -> str:
        return f"event {self.event_id} {self.get_reason_display()} {self.withdrawn_at:%Y-%m-%d %H:%M}"


class OrganisationRole(models.TextChoices):
    ORGANISER = "organiser", _("organiser")
    ISSUER = "issuer", _("issuer")
    PARTICIPANT = "participant", _("participant")
    HOST = "host", _("host")


class EventOrganisation(models.Model):
    Role = OrganisationRole

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="organisation_roles"
    )
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="event_roles"
    )
    role = models.CharField(_("role"), max_length=12, choices=Role.choices, default=Role.PARTICIPANT)

    class Meta:
        verbose_name = _("organisation role")
        verbose_name_plural = _("organisation roles")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "organisation", "role"], name="eventorganisation_unique_role"
            ),
            models.CheckConstraint(
                condition=Q(role__in=OrganisationRole.values), name="eventorganisation_valid_role"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.get_role_display()})"


class Evidence(models.Model):
    """The passage of a news item that states an event: offsets into the source's cleaned text
    and into its raw text, so the passage can be shown in the original."""

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="evidence"
    )
    news_item = models.ForeignKey(
        NewsItem, verbose_name=_("news item"), on_delete=models.CASCADE, related_name="evidence"
    )
    quote = models.TextField(_("quote"))
    start = models.PositiveIntegerField(_("start offset (clean text)"))
    end = models.PositiveIntegerField(_("end offset (clean text)"))
    raw_start = models.PositiveIntegerField(_("start offset (raw text)"), null=True, blank=True)
    raw_end = models.PositiveIntegerField(_("end offset (raw text)"), null=True, blank=True)
    date_phrase = models.CharField(_("date phrase"), max_length=100, blank=True)
    created = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")
        ordering = ("event", "id")
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="evidence_end_after_start"),
            models.UniqueConstraint(fields=["event", "news_item", "start"], name="evidence_unique_passage"),
        ]

    def __str__(self) -> str:
        return self.quote[:60]

    def located_span(self, text: str) -> tuple[int, int] | None:
        """Where the quote stands in ``text`` (its source's cleaned text): its offsets when they
        still point at it, else where the quote is found nearest to them (a source cleaned again,
        a quote trimmed of white space), else None."""
        quote = self.quote.strip()
        if not quote:
            return None
        if text[self.start : self.end].strip() == quote:
            start = self.start + text[self.start : self.end].find(quote)
            return start, start + len(quote)
        found = [
            m for m in (text.rfind(quote, 0, self.start + len(quote)), text.find(quote, self.start)) if m >= 0
        ]
        if not found:
            return None
        start = min(found, key=lambda m: abs(m - self.start))
        return start, start + len(quote)


class FacetDimension(models.TextChoices):
    EVENT = "event", _("event")
    PARK = "park", _("park")
    ORGANISATION = "organisation", _("organisation")
    PERSON = "person", _("person")
    POLICY = "policy", _("policy")
    PROVINCE = "province", _("province")


class FacetCount(models.Model):
    """How many published events fall in one cell of the public timeline's facets: the events of
    one kind and one year that name one park, organisation, person, policy or province (or, for
    the dimension "event", all of them). ``kind`` "" means every kind and ``year`` 0 every year,
    so that an unfiltered or a kind-only page sums a few thousand rows, not a million events.

    A rollup, written only by ``timeline.counts`` (``recount_events`` after each change,
    ``rebuild`` from scratch)."""

    Dimension = FacetDimension

    # the cell is the key, and its index serves every facet query: dimension, kinds, then years
    pk = models.CompositePrimaryKey("dimension", "kind", "year", "value")
    dimension = models.CharField(_("dimension"), max_length=12, choices=Dimension.choices)
    kind = models.CharField(_("kind"), max_length=20, blank=True)
    year = models.PositiveSmallIntegerField(_("year"))
    value = models.CharField(
        _("value"), max_length=100, blank=True, help_text=_("An entity's id, or a province's name.")
    )
    # no CHECK (count >= 0): an upsert's proposed row carries a negative change and would fail it;
    # timeline.counts refuses a negative result itself
    count = models.IntegerField(_("count"))

    class Meta:
        verbose_name = _("facet count")
        verbose_name_plural = _("facet counts")
        constraints = [
            models.CheckConstraint(
                condition=Q(dimension__in=FacetDimension.values), name="facetcount_valid_dimension"
            ),
        ]
        indexes = [
            # timeline.counts.kind_counts/year_counts of one park, organisation, … or province
            models.Index(fields=["dimension", "value"], name="facetcount_value_idx"),
            # timeline.counts.top_values over all kinds and years: the first page's facets
            models.Index(
                fields=["dimension", "-count"], condition=Q(kind="", year=0), name="facetcount_top_idx"
            ),
            # timeline.counts: the cells a recount emptied (deleted) or drove below zero (refused)
            models.Index(fields=["count"], condition=Q(count__lte=0), name="facetcount_empty_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.dimension} {self.value} {self.kind or '*'} {self.year or '*'}: {self.count}"


class FacetVersion(models.Model):
    """Changes whenever a published event that names this park, organisation, person, policy or
    province changes (or stops or starts being public): the facet counts of a page filtered by it
    are cached under its version, so an edit elsewhere leaves them cached. Written only by
    ``timeline.counts.recount_events``."""

    pk = models.CompositePrimaryKey("dimension", "value")
    dimension = models.CharField(_("dimension"), max_length=12, choices=FacetDimension.choices)
    value = models.CharField(_("value"), max_length=100, help_text=_("An entity's id, or a province's name."))
    version = models.BigIntegerField(_("version"))

    class Meta:
        verbose_name = _("facet version")
        verbose_name_plural = _("facet versions")

    def __str__(self) -> str:
        return f"{self.dimension} {self.value}: {self.version}"


class CountedEvent(models.Model):
    """What one published event adds to ``FacetCount``, as it was when it was last counted: a
    recount takes exactly this away and adds what the event adds now, so it is right whatever
    changed in between (status, merge, date, kind, links, a park's province, a deletion)."""

    # not a foreign key: the row must outlive a deleted event until a recount takes its counts away
    event_id = models.BigIntegerField(_("event id"), primary_key=True)
    kind = models.CharField(_("kind"), max_length=20)
    year = models.PositiveSmallIntegerField(_("year"))
    values = models.JSONField(
        _("values"),
        default=list,
        help_text=_("[dimension, value] pairs: the event's entities and provinces."),
    )

    class Meta:
        verbose_name = _("counted event")
        verbose_name_plural = _("counted events")

    def __str__(self) -> str:
        return f"event {self.event_id} ({self.kind}, {self.year})"


class EntityKind(models.TextChoices):
    """The kinds of record an event names."""

    PARK = "park", _("park")
    ORGANISATION = "organisation", _("organisation")
    PERSON = "person", _("person")
    POLICY = "policy", _("policy")


class RefusedName(models.Model):
    """A name an editor said is not a park, organisation, person or policy (a fragment, a phrase):
    imports never create or link a record of that kind under it again. Written by
    ``timeline.entities.refuse``; deleting the row lets imports propose the name again."""

    Kind = EntityKind

    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=300)
    name_key = models.CharField(_("name key"), max_length=300, editable=False)
    refused_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("refused by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    refused_at = models.DateTimeField(_("refused at"), auto_now_add=True)

    class Meta:
        verbose_name = _("refused name")
        verbose_name_plural = _("refused names")
        ordering = ("-refused_at", "-id")
        constraints = [
            models.UniqueConstraint(fields=["kind", "name_key"], name="refusedname_unique_key"),
            models.CheckConstraint(condition=Q(kind__in=EntityKind.values), name="refusedname_valid_kind"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_kind_display()})"

    def save(self, *args, **kwargs) -> None:
        self.name = self.name.strip().strip("《》").strip()
        self.name_key = name_key(self.name)
        super().save(*args, **kwargs)


class EventMerge(models.Model):
    """One merge of duplicate events, with what it moved, so that ``timeline.curation.unmerge``
    puts every row back: the evidence that moved to the survivor (and from which event), the
    links the survivor gained, the events of earlier merges it re-pointed, the survivor's
    confidence before. Written only by ``timeline.curation``."""

    survivor = models.ForeignKey(
        Event, verbose_name=_("survivor"), on_delete=models.CASCADE, related_name="merges"
    )
    merged = models.JSONField(_("merged events"), default=list, help_text=_("Ids of the events merged."))
    repointed = models.JSONField(
        _("re-pointed events"),
        default=dict,
        help_text=_("Event id → the event it was merged into before (a chain of merges)."),
    )
    evidence_moved = models.JSONField(
        _("evidence moved"), default=dict, help_text=_("Evidence id → the event it came from.")
    )
    links_added = models.JSONField(
        _("links added"),
        default=dict,
        help_text=_("The parks, people, policies and roles the survivor gained."),
    )
    survivor_confidence = models.FloatField(_("survivor's confidence before"))
    conflicts = models.JSONField(
        _("conflicts accepted"), default=list, help_text=_("What differed between the events.")
    )
    merged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("merged by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    merged_at = models.DateTimeField(_("merged at"), auto_now_add=True)
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("undone by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    undone_at = models.DateTimeField(_("undone at"), null=True, blank=True)

    class Meta:
        verbose_name = _("event merge")
        verbose_name_plural = _("event merges")
        ordering = ("-merged_at", "-id")

    def __str__(self) -> str:
        return f"{len(self.merged)} → {self.survivor}"

    @property
    def is_undone(self) -> bool:
        return self.undone_at is not None
