"""The label schema: which entity labels exist and which head/child types each relation joins.

The default is schema v1 of the annotation guide. A schema can also be read from a JSON
file or derived from the data itself, so corpora with other label sets work unchanged.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Iterable, Mapping, Optional, Tuple

from .errors import InputError

CATEGORIES = ("offering", "certification", "other")

GUIDE_ENTITY_LABELS = (
    "ISSUER", "SECURITY", "QUANTITY", "PRICE", "AMOUNT", "AGENT", "OFFICER", "TITLE", "REPORT",
)
GUIDE_RELATIONS: Dict[str, Tuple[str, str]] = {
    "OFFERS": ("ISSUER", "SECURITY"),
    "QUANTITY_OF": ("QUANTITY", "SECURITY"),
    "PRICE_OF": ("PRICE", "SECURITY"),
    "RAISES": ("ISSUER", "AMOUNT"),
    "AGENT_OF": ("AGENT", "ISSUER"),
    "HAS_TITLE": ("OFFICER", "TITLE"),
    "OFFICER_OF": ("OFFICER", "ISSUER"),
    "CERTIFIES": ("OFFICER", "REPORT"),
}


@dataclass(frozen=True)
class Schema:
    """Entity labels and, per relation label, the allowed (head label, child label) pairs.

    `relations` maps a label to a set of type pairs; an empty set means "any types".
    `strict_labels=False` accepts labels outside the schema (a schema taken from the data).
    """

    entity_labels: frozenset
    relations: Mapping[str, frozenset] = field(default_factory=dict)
    name: str = "guide-v1"
    strict_labels: bool = True

    @classmethod
    def guide(cls) -> "Schema":
        return cls(
            entity_labels=frozenset(GUIDE_ENTITY_LABELS),
            relations={k: frozenset([v]) for k, v in GUIDE_RELATIONS.items()},
        )

    @classmethod
    def from_data(cls, records: Iterable) -> "Schema":
        """Every label and relation type pair that occurs in the records."""
        labels: set = set()
        relations: Dict[str, set] = {}
        for record in records:
            by_span = {(e.start, e.end): e.label for e in record.entities}
            labels.update(by_span.values())
            for rel in record.relations:
                pair = (by_span.get(tuple(rel.head)), by_span.get(tuple(rel.child)))
                if None not in pair:
                    relations.setdefault(rel.label, set()).add(pair)
                else:
                    relations.setdefault(rel.label, set())
        return cls(
            entity_labels=frozenset(labels),
            relations={k: frozenset(v) for k, v in relations.items()},
            name="from-data",
            strict_labels=False,
        )

    @classmethod
    def from_file(cls, path: Path) -> "Schema":
        """Read {"entity_labels": [...], "relations": {"LABEL": [["HEAD", "CHILD"], ...]}}."""
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
            relations = {
                label: frozenset(tuple(pair) for pair in pairs)
                for label, pairs in data.get("relations", {}).items()
            }
            return cls(frozenset(data["entity_labels"]), relations, name=str(path))
        except FileNotFoundError:
            raise InputError("E101", f"{path}: schema file not found") from None
        except (ValueError, KeyError, TypeError) as err:
            raise InputError("E102", f"{path}: not a schema file ({err})") from None

    def allowed_pairs(self) -> Dict[Tuple[str, str], Tuple[str, ...]]:
        """(head label, child label) -> relation labels that may join them."""
        pairs: Dict[Tuple[str, str], list] = {}
        for label, type_pairs in self.relations.items():
            for pair in type_pairs:
                pairs.setdefault(pair, []).append(label)
        return {k: tuple(sorted(v)) for k, v in pairs.items()}

    def check_relation(self, label: str, head_label: str, child_label: str) -> Optional[str]:
        """A problem description, or None when the relation fits the schema."""
        if label not in self.relations:
            return None if not self.strict_labels else f"unknown relation label {label!r}"
        allowed = self.relations[label]
        if allowed and (head_label, child_label) not in allowed:
            want = " or ".join(f"{h}->{c}" for h, c in sorted(allowed))
            return f"relation {label} joins {head_label}->{child_label}, the schema allows {want}"
        return None

    def to_json(self) -> dict:
        return {
            "entity_labels": sorted(self.entity_labels),
            "relations": {k: sorted(list(p) for p in v) for k, v in sorted(self.relations.items())},
        }
