"""The exception tree. Messages are one line: the input, what is wrong, what happens next.

EventwatchError
 ├── InputError    one input is bad; the batch goes on (exit code 3 at the end)
 ├── ConfigError   a setting or command-line value is invalid
 └── StoreError    the store cannot be opened, migrated or written
      └── QueryTimeoutError  a read ran past its time limit and was interrupted
"""


class EventwatchError(Exception):
    """Base of every error eventwatch raises on purpose."""


class InputError(EventwatchError):
    """One input (file, JSONL line, WARC record, URL) is unusable; callers log it and continue."""

    def __init__(self, origin: str, reason: str) -> None:
        self.origin = origin
        self.reason = reason
        super().__init__(f"ingest: {origin}: {reason}; skipped")


class ConfigError(EventwatchError):
    """A setting or option value is invalid."""


class StoreError(EventwatchError):
    """The store cannot be opened, migrated or written."""


class QueryTimeoutError(StoreError):
    """A read query ran past the store's time limit and was interrupted; nothing was changed."""
