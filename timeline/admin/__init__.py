"""The curation admin: events and their sources (``events``), the parks, organisations and
people they name (``entities``), policies (``policies``), on the shared base (``base``)."""

from timeline.admin import entities, events, policies  # noqa: F401  (each registers its models)
