"""The store's exceptions, in one place so callers can catch ``StoreError`` for all of them."""

from __future__ import annotations


class StoreError(RuntimeError):
    """The store cannot do what was asked; the message says what the operator can change."""


class StoreConfigError(StoreError):
    """Bad environment or directory: raised at start-up so a misconfiguration never runs."""


class DatasetTooLargeError(StoreError):
    """The upload is larger than the whole store may hold; storing it would evict everyone."""
