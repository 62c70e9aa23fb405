"""The one error type of the extractor: its message is a single line saying what is wrong."""


class IngestError(Exception):
    """A document that cannot be read (unreadable bytes, empty, nothing but noise)."""
