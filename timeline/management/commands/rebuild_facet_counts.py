"""``manage.py rebuild_facet_counts``: count the public timeline's facets again from the events."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction

from timeline.counts import rebuild


class Command(BaseCommand):
    help = (
        "Recompute the facet counts of the public timeline (the FacetTally rollup and each event's "
        "counted) from the published "
        "events. Publishing, merging, the admin and import_news keep them in step; run this after "
        "writing events by other means (SQL, a script), or with --dry-run to check them."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dry-run", action="store_true", help="count and compare with the stored counts, save nothing"
        )

    def handle(self, *args, dry_run: bool, verbosity: int, **options) -> None:
        with transaction.atomic():
            report = rebuild()
            if dry_run:
                transaction.set_rollback(True)
        if verbosity >= 1:
            style = self.style.WARNING if report.differed else self.style.SUCCESS
            suffix = " (dry run: nothing saved)" if dry_run else ""
            self.stdout.write(style(f"{report.summary()}{suffix}"))
