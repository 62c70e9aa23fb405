"""``manage.py load_registry``: load the parks and organisations of ``seeds/registry`` (safe to re-run)."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from timeline.ingest.registry import DEFAULT_FOLDER, RegistryError
from timeline.registry import load_registry


class Command(BaseCommand):
    help = (
        "Create or update the parks, organisations and aliases listed in the registry CSV files "
        "(parks.csv, organisations.csv). Re-running changes nothing."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--folder",
            type=Path,
            default=DEFAULT_FOLDER,
            help="folder holding parks.csv and organisations.csv (default: seeds/registry)",
        )
        parser.add_argument("--dry-run", action="store_true", help="count what would change, save nothing")

    def handle(self, *args, folder: Path, dry_run: bool, verbosity: int, **options) -> None:
        try:
            report = load_registry(folder=folder, dry_run=dry_run)
        except RegistryError as error:
            raise CommandError(str(error)) from error
        if verbosity >= 1:
            suffix = " (dry run: nothing saved)" if dry_run else ""
            self.stdout.write(self.style.SUCCESS(f"{report.summary()}{suffix}"))
        if verbosity >= 2:
            self.stdout.write(f"aliases added: {report.aliases_created}")
