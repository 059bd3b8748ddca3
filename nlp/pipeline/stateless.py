"""Serialization of components that hold no state: spaCy still calls these when saving a pipeline."""
from __future__ import annotations


class Stateless:
    """Mixin: nothing to save or load."""

    def to_disk(self, path, *, exclude=tuple()):
        pass

    def from_disk(self, path, *, exclude=tuple()):
        return self

    def to_bytes(self, *, exclude=tuple()):
        return b""

    def from_bytes(self, data, *, exclude=tuple()):
        return self
