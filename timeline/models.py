"""The timeline: imported documents (Source), the articles in them (NewsItem), the dated
Events they report and the Evidence that ties each event to the sentence that states it."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable

from django.conf import settings
from django.db import models
from django.db.models import F, Prefetch, Q
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from people.citations import SITE_AUTHOR, electronic_resource
from people.dates import display_date, format_precise_date, month_heading, year_only_heading
from people.links import web_link, web_url_validator
from people.models import Organisation, Park, Person, Precision, precision_check
from people.names import name_key
from policies.models import Policy


class SourceQuerySet(models.QuerySet):
    def public(self) -> SourceQuerySet:
        """The documents that hold the evidence of a public event."""
        return self.filter(
            models.Exists(
                Evidence.objects.filter(
                    news_item__source_id=models.OuterRef("pk"), event__in=Event.objects.public()
                )
            )
        )


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

    objects = SourceQuerySet.as_manager()

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

    def get_absolute_url(self) -> str:
        return reverse("timeline:source", kwargs={"pk": self.pk})

    @property
    def headline(self) -> str:
        """What a reader calls the document: its title, else its first article's headline, else
        its publisher and date; never the file name it was imported from."""
        if self.title:
            return self.title
        first = next((item.headline for item in self.items.all() if item.headline), "")
        if first:
            return first
        when = format_precise_date(self.published_on, self.published_precision)
        return " ".join(part for part in (self.publisher, when) if part) or gettext("Untitled document")

    def citation(self, *, accessed: dt.date, page_url: str) -> str:
        """GB/T 7714-2015: the original when it has a URL (an electronic resource), else the
        newspaper or newsletter as published, with our copy's address."""
        when = format_precise_date(self.published_on, self.published_precision)
        if self.link:
            return electronic_resource(
                author=self.publisher, title=self.headline, published=when, accessed=accessed, url=self.link
            )
        return electronic_resource(
            author=self.publisher,
            title=self.headline,
            kind="N/OL",
            publisher=self.publisher,
            published=when,
            accessed=accessed,
            url=page_url,
        )

    def segments(self) -> list[tuple[str, Evidence | None]]:
        """The cleaned text cut into plain runs and the evidence passages of public events, in
        order; a passage overlapping an earlier one is left unmarked."""
        passages = (
            Evidence.objects.filter(news_item__source=self, event__in=Event.objects.public())
            .select_related("event")
            .only("id", "start", "end", "quote", "event__id", "event__title", "event__date", "event__kind")
            .order_by("start", "id")
        )
        text = self.clean_text
        segments: list[tuple[str, Evidence | None]] = []
        position = 0
        for passage in passages:
            start, end = passage.start, passage.end
            if text[start:end] != passage.quote:
                # offsets from an older cleaning: find the quote itself rather than mark the wrong words
                found = text.find(passage.quote, position)
                if found < 0:
                    continue
                start, end = found, found + len(passage.quote)
            if start < position or end > len(text):
                continue
            segments.append((text[position:start], None))
            segments.append((text[start:end], passage))
            position = end
        segments.append((text[position:], None))
        return [(chunk, passage) for chunk, passage in segments if chunk]


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


def public_condition(prefix: str = "") -> Q:
    """What the public sees, on every page, feed, export and API: published, not merged into
    another event, dated. The one place this is written; ``prefix`` reaches the event from
    another model (``"event__"``), for code that has only historical models (migrations)."""
    return Q(
        **{
            f"{prefix}status": EventStatus.PUBLISHED,
            f"{prefix}merged_into__isnull": True,
            f"{prefix}date__isnull": False,
        }
    )


class EventQuerySet(models.QuerySet):
    def public(self) -> EventQuerySet:
        """The events the public sees (:func:`public_condition`)."""
        return self.filter(public_condition())

    published = public  # the name the curation code and its tests use

    def with_details(self) -> EventQuerySet:
        """Everything an event's card, page, JSON or feed entry shows, in a fixed number of
        queries whatever the number of events."""
        evidence = Evidence.objects.select_related("news_item__source").only(
            "id",
            "event_id",
            "quote",
            "start",
            "news_item__id",
            "news_item__headline",
            "news_item__source__id",
            "news_item__source__title",
            "news_item__source__publisher",
            "news_item__source__published_on",
            "news_item__source__published_precision",
            "news_item__source__url",
        )
        return self.prefetch_related(
            Prefetch("parks", queryset=Park.objects.only("id", "name", "slug", "province")),
            Prefetch(
                "organisation_roles",
                queryset=EventOrganisation.objects.select_related("organisation")
                .only(
                    "id", "event_id", "role", "organisation__id", "organisation__name", "organisation__slug"
                )
                .order_by("id"),
            ),
            Prefetch("people", queryset=Person.objects.only("id", "name", "slug", "disambiguation")),
            Prefetch("policies", queryset=Policy.objects.only("id", "title", "slug")),
            Prefetch("evidence", queryset=evidence.order_by("id")),
        )

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
    counted = models.CharField(
        _("counted as"),
        max_length=400,
        blank=True,
        editable=False,
        help_text=_("What the facet counts hold of it: kind, year and names. Kept by timeline.counts."),
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
    history = HistoricalRecords(excluded_fields=["search_text", "published_at", "counted"])

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

    # -- its date, as written ------------------------------------------------------------------

    @property
    def is_approximate(self) -> bool:
        """A vague date (近日, 日前): the event happened some day in its window, not on ``date``."""
        return self.window_start is not None

    @property
    def public_precision(self) -> str:
        """``day``, ``month`` or ``year``, or ``approximate`` for a vague date: never ``day`` for a
        date nobody knows to the day."""
        return "approximate" if self.is_approximate else self.precision

    def display_date(self) -> str:
        """``2024年4月27日``, ``2021年5月``, ``2021年``, ``2024年4月（约）``, a span of days."""
        return display_date(
            self.date,
            self.precision,
            end_date=self.end_date,
            window_start=self.window_start,
            window_end=self.window_end,
        )

    def iso_date(self) -> str:
        """The date cut to its precision: ``2024``, ``2024-04`` or ``2024-04-27``."""
        return format_precise_date(self.date, self.precision)

    def admin_date(self) -> str:
        """The admin's date column: ISO as far as known, a span, or a vague date's window."""
        if self.is_approximate:
            return gettext("≈ {start} – {end} (approximate)").format(
                start=self.window_start.isoformat(), end=self.window_end.isoformat()
            )
        text = self.iso_date()
        return f"{text} – {self.end_date.isoformat()}" if self.end_date else text

    @property
    def list_group(self) -> tuple[int, int]:
        """The (year, month) group of a list; month 0 for events known only to the year, so
        they are never shown under January."""
        return (self.date.year, 0 if self.precision == Precision.YEAR else self.date.month)

    def list_group_heading(self) -> str:
        if self.precision == Precision.YEAR:
            return year_only_heading(self.date)
        return month_heading(self.date)

    # -- what it names -------------------------------------------------------------------------

    def organisations_once(self) -> list[Organisation]:
        """Its organisations once each (one may hold several roles), in the order linked."""
        seen: dict[int, Organisation] = {}
        for role in self.organisation_roles.all():
            seen.setdefault(role.organisation_id, role.organisation)
        return list(seen.values())

    def names(self) -> list[str]:
        """The names of its parks, organisations, people and policies, for a plain-text line."""
        return [
            *(park.name for park in self.parks.all()),
            *(organisation.name for organisation in self.organisations_once()),
            *(person.name for person in self.people.all()),
            *(f"《{policy.title}》" for policy in self.policies.all()),
        ]

    def publishers(self) -> list[str]:
        """The publishers of its sources, once each: the authors of what it reports."""
        return list(
            dict.fromkeys(
                e.news_item.source.publisher for e in self.evidence.all() if e.news_item.source.publisher
            )
        )

    def citation(self, *, accessed: dt.date, page_url: str) -> str:
        """GB/T 7714-2015, as an electronic resource of this site."""
        return electronic_resource(
            author=gettext(SITE_AUTHOR),
            title=f"{self.display_date()}：{self.title}",
            published=self.updated.date().isoformat(),
            accessed=accessed,
            url=page_url,
        )

    def as_json(self, absolute: Callable[[str], str]) -> dict:
        """The one JSON form of an event, for the API, the changes feed and the exports (needs
        :meth:`EventQuerySet.with_details`). ``absolute`` makes a path a full URL."""
        roles: dict[int, list[str]] = {}
        for role in self.organisation_roles.all():
            roles.setdefault(role.organisation_id, []).append(role.role)

        def named(entity, **more) -> dict:
            return {
                "id": entity.pk,
                "name": entity.name,
                "slug": entity.slug,
                **more,
                "url": absolute(entity.get_absolute_url()),
            }

        return {
            "id": self.pk,
            "url": absolute(self.get_absolute_url()),
            "date": self.iso_date(),
            "date_display": self.display_date(),
            "precision": self.public_precision,
            "approximate": self.is_approximate,
            "end_date": _iso(self.end_date),
            "window": [_iso(self.window_start), _iso(self.window_end)] if self.is_approximate else None,
            "kind": self.kind,
            "kind_label": str(self.get_kind_display()),
            "title": self.title,
            "summary": self.summary,
            "updated": self.updated.isoformat(),
            "parks": [named(park) for park in self.parks.all()],
            "organisations": [
                named(organisation, roles=roles.get(organisation.pk, []))
                for organisation in self.organisations_once()
            ],
            "people": [named(person) for person in self.people.all()],
            "policies": [
                {"id": p.pk, "title": p.title, "slug": p.slug, "url": absolute(p.get_absolute_url())}
                for p in self.policies.all()
            ],
            "evidence": [
                {
                    "id": evidence.pk,
                    "quote": evidence.quote,
                    "source": {
                        "id": evidence.news_item.source.pk,
                        "title": evidence.source_title,
                        "publisher": evidence.news_item.source.publisher,
                        "published_on": _iso(evidence.news_item.source.published_on),
                        "url": absolute(evidence.news_item.source.get_absolute_url()),
                        "original_url": evidence.news_item.source.link or None,
                    },
                }
                for evidence in self.evidence.all()
            ],
        }


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


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

    @property
    def source_title(self) -> str:
        """The title of its document without another query when the news item is loaded: the
        source's title, else the article's headline."""
        return self.news_item.source.title or self.news_item.headline or self.news_item.source.headline


class FacetDimension(models.TextChoices):
    EVENT = "event", _("event")
    PARK = "park", _("park")
    ORGANISATION = "organisation", _("organisation")
    PERSON = "person", _("person")
    POLICY = "policy", _("policy")
    PROVINCE = "province", _("province")
    WORD = "word", _("search word")  # versions only: a search's cached counts and ranking


class FacetTally(models.Model):
    """How many public events of one kind name one park, organisation, person, policy or
    province (or, for the dimension "event", all of them), in all and per year: the rollup the
    public timeline's facet counts are sums over. ``kind`` "" sums every kind. One row per
    (dimension, value, kind), its years a small map, so the rollup stays a few percent of the
    events table; a year range is summed from the map.

    Written only by ``timeline.counts`` (``recount_events`` after each change, ``rebuild``
    from scratch)."""

    Dimension = FacetDimension

    pk = models.CompositePrimaryKey("dimension", "value", "kind")
    dimension = models.CharField(_("dimension"), max_length=12, choices=Dimension.choices)
    value = models.CharField(
        _("value"), max_length=100, blank=True, help_text=_("An entity's id, or a province's name.")
    )
    kind = models.CharField(_("kind"), max_length=20, blank=True)
    total = models.IntegerField(_("events"))
    years = models.JSONField(_("events per year"), default=dict, help_text=_("{year: events}"))

    class Meta:
        verbose_name = _("facet tally")
        verbose_name_plural = _("facet tallies")
        constraints = [
            models.CheckConstraint(
                condition=Q(dimension__in=FacetDimension.values), name="facettally_valid_dimension"
            ),
            models.CheckConstraint(condition=Q(total__gte=0), name="facettally_not_negative"),
        ]
        indexes = [
            # timeline.counts.top_values: the values of a dimension with the most events of some kinds
            models.Index(fields=["dimension", "kind", "-total"], name="facettally_top_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.dimension} {self.value} {self.kind or '*'}: {self.total}"


class FacetVersion(models.Model):
    """Changes whenever a public event that names this park, organisation, person, policy or
    province changes (or stops or starts being public), and, for the dimension "word", whenever
    an event holding that search word changes: the counts and the ranking of a page filtered by
    it are cached under its version, so an edit elsewhere leaves them cached. Written only by
    ``timeline.counts``."""

    pk = models.CompositePrimaryKey("dimension", "value")
    dimension = models.CharField(_("dimension"), max_length=12, choices=FacetDimension.choices)
    value = models.CharField(
        _("value"), max_length=100, help_text=_("An entity's id, a province's name or a search word.")
    )
    version = models.BigIntegerField(_("version"))

    class Meta:
        verbose_name = _("facet version")
        verbose_name_plural = _("facet versions")

    def __str__(self) -> str:
        return f"{self.dimension} {self.value}: {self.version}"


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
