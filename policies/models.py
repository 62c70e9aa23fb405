"""Policies: the plans, opinions and notices that events release or mention.

A policy is one record however many documents mention it: its title is unique under the same
``name_key`` normal form as other names, so 《…（2024—2027年）》 and 《…(2024-2027年)》 are one.
"""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from people.citations import electronic_resource
from people.dates import format_precise_date
from people.links import web_link, web_url_validator
from people.models import Organisation, Precision, PublicByEventsQuerySet, precision_check, unique_slug
from people.names import name_key


class PolicyKind(models.TextChoices):
    PLAN = "plan", _("plan (方案/规划/计划)")
    OPINION = "opinion", _("opinion (意见)")
    NOTICE = "notice", _("notice (通知)")
    APPROVAL = "approval", _("approval (批复)")
    MEASURES = "measures", _("measures (办法/措施/政策)")
    REPORT = "report", _("report (报告)")
    INITIATIVE = "initiative", _("initiative (倡议)")
    LAW = "law", _("law or regulation (法/条例)")
    OTHER = "other", _("other")


class PolicyStatus(models.TextChoices):
    IN_FORCE = "in_force", _("in force")
    DRAFT = "draft", _("draft")
    EXPIRED = "expired", _("expired")
    UNKNOWN = "unknown", _("unknown")


class PolicyQuerySet(PublicByEventsQuerySet):
    def named(self, text: str) -> PolicyQuerySet:
        """The policies called ``text``: by title (with or without 《》), short title or 文号."""
        key = name_key(text)
        return self.filter(Q(title_key=key) | Q(short_title=text.strip()) | Q(document_number=text.strip()))


class Policy(models.Model):
    Kind = PolicyKind
    Status = PolicyStatus

    title = models.CharField(_("title"), max_length=300)
    title_key = models.CharField(_("title key"), max_length=300, editable=False)
    slug = models.SlugField(_("slug"), max_length=100, allow_unicode=True, unique=True, blank=True)
    short_title = models.CharField(_("short title"), max_length=100, blank=True)
    document_number = models.CharField(_("document number (文号)"), max_length=100, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    issuers = models.ManyToManyField(
        Organisation, verbose_name=_("issuers"), blank=True, related_name="policies"
    )
    written_on = models.DateField(_("written on (成文)"), null=True, blank=True)
    written_precision = models.CharField(
        _("written on: precision"), max_length=5, choices=Precision.choices, default=Precision.DAY
    )
    published_on = models.DateField(_("published on (发布)"), null=True, blank=True)
    published_precision = models.CharField(
        _("published on: precision"), max_length=5, choices=Precision.choices, default=Precision.DAY
    )
    effective_on = models.DateField(_("in force from (施行)"), null=True, blank=True)
    effective_precision = models.CharField(
        _("in force from: precision"), max_length=5, choices=Precision.choices, default=Precision.DAY
    )
    period_start = models.PositiveSmallIntegerField(_("period from (year)"), null=True, blank=True)
    period_end = models.PositiveSmallIntegerField(_("period to (year)"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.UNKNOWN)
    url = models.URLField(_("URL"), max_length=500, blank=True, validators=[web_url_validator])
    url_as_found = models.CharField(
        _("URL as found"),
        max_length=500,
        blank=True,
        help_text=_("An address that was given for the text but is not a web (http/https) address."),
    )
    summary = models.TextField(_("summary"), blank=True)
    is_reviewed = models.BooleanField(_("reviewed"), default=False)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords()

    objects = PolicyQuerySet.as_manager()

    class Meta:
        verbose_name = _("policy")
        verbose_name_plural = _("policies")
        ordering = ("-published_on", "title")
        constraints = [
            models.UniqueConstraint(fields=["title_key"], name="policy_unique_title_key"),
            models.CheckConstraint(condition=Q(kind__in=PolicyKind.values), name="policy_valid_kind"),
            models.CheckConstraint(condition=Q(status__in=PolicyStatus.values), name="policy_valid_status"),
            precision_check("written_precision", "policy_valid_written_precision"),
            precision_check("published_precision", "policy_valid_published_precision"),
            precision_check("effective_precision", "policy_valid_effective_precision"),
            models.CheckConstraint(
                condition=Q(period_end__isnull=True)
                | Q(period_start__isnull=True)
                | Q(period_end__gte=F("period_start")),
                name="policy_period_in_order",
            ),
        ]

    def __str__(self) -> str:
        return f"《{self.title}》"

    @property
    def link(self) -> str:
        """The text's address when a browser may follow it, else "": what the pages show."""
        return web_link(self.url)

    def get_absolute_url(self) -> str:
        return reverse("timeline:policy", kwargs={"slug": self.slug})

    def citation(self, *, issuers: list[str], accessed: dt.date, page_url: str) -> str:
        """GB/T 7714-2015 for an official document: the issuers as authors, the 文号 as the
        title's other information, the original when it has a URL, else this page."""
        title = f"{self.title}: {self.document_number}" if self.document_number else self.title
        when = self.published_on or self.written_on
        precision = self.published_precision if self.published_on else self.written_precision
        return electronic_resource(
            author=", ".join(issuers),
            title=title,
            kind="A/OL",
            published=format_precise_date(when, precision),
            accessed=accessed,
            url=self.link or page_url,
        )

    def save(self, *args, **kwargs) -> None:
        self.title = self.title.strip().strip("《》")
        self.title_key = name_key(self.title)
        if not self.slug:
            self.slug = unique_slug(type(self), self.title, exclude_pk=self.pk)
        super().save(*args, **kwargs)


class PolicyAlias(models.Model):
    """Another title of one policy (a short form, an earlier draft's title, a misspelling an editor
    merged away): the importer resolves it to the policy, as ``people.Alias`` does for names."""

    policy = models.ForeignKey(
        Policy, verbose_name=_("policy"), on_delete=models.CASCADE, related_name="aliases"
    )
    title = models.CharField(_("alias"), max_length=300)
    title_key = models.CharField(_("title key"), max_length=300, editable=False, db_index=True)

    class Meta:
        verbose_name = _("policy alias")
        verbose_name_plural = _("policy aliases")
        ordering = ("title",)
        constraints = [
            models.UniqueConstraint(fields=["title_key", "policy"], name="policyalias_unique_per_policy"),
        ]

    def __str__(self) -> str:
        return f"《{self.title}》"

    def save(self, *args, **kwargs) -> None:
        self.title = self.title.strip().strip("《》")
        self.title_key = name_key(self.title)
        super().save(*args, **kwargs)
