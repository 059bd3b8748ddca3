"""A read-only view of one output record: its mentions with values, relations and text windows.

The facts are built only from what a guide record holds (text, entities, relations), so the
same code reads `exhibit predict` output and gold JSONL. Values missing from a record (gold
records have none) are computed with nlp/values.py.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Set, Tuple

from .. import structure
from ..values import SCALES, normalize_value

Offsets = Tuple[int, int]

_SCALED_LABELS = ("QUANTITY", "AMOUNT", "PRICE")
_SCALE_AFTER = re.compile(r"[^\S\n]*\n?[^\S\n]*([A-Za-z]+)\b")


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    label: str
    name: str      # the span with whitespace folded
    value: Any = field(compare=False)  # the normalized value (nlp/values.py)

    @property
    def offsets(self) -> Offsets:
        return (self.start, self.end)


class RecordView:
    """Mentions by label and relations by either end, for one record dict."""

    def __init__(self, output: Dict[str, Any]):
        self.text: str = output.get("text") or ""
        self.category: Optional[str] = output.get("category")
        # the textcat's scores of the exhibit's kinds (predictions of a pipeline that has one)
        meta = output.get("meta") if isinstance(output.get("meta"), dict) else {}
        self.kind_scores: Dict[str, float] = dict(output.get("kind_scores") or meta.get("kind_scores") or {})
        self.mentions: List[Mention] = sorted(
            (self._mention(ent) for ent in output.get("entities") or []),
            key=lambda m: (m.start, m.end),
        )
        self._by_offsets = {m.offsets: m for m in self.mentions}
        self.relations: List[Tuple[Mention, Mention, str]] = []
        for rel in output.get("relations") or []:
            head = self._by_offsets.get(tuple(rel["head"]))
            child = self._by_offsets.get(tuple(rel["child"]))
            if head is not None and child is not None:  # a relation to an unlisted span says nothing
                self.relations.append((head, child, rel["label"]))

    def _mention(self, ent: Dict[str, Any]) -> Mention:
        span = self.text[ent["start"]:ent["end"]]
        label = ent["label"]
        own = normalize_value(label, span)
        value = ent.get("value")
        if label in _SCALED_LABELS and (value is None or value == own):
            # "2,996,667" with "million" on the next line reads like "2,996,667 million": the
            # same text gives the same value whether or not the span took the scale word
            value = normalize_value(label, span + self._scale_after(ent["end"]))
        elif value is None:
            value = own
        return Mention(ent["start"], ent["end"], label, " ".join(span.split()), value)

    def _scale_after(self, end: int) -> str:
        """' million' when a scale word follows the position across whitespace only."""
        match = _SCALE_AFTER.match(self.text, end)
        word = match.group(1).lower() if match else ""
        return " " + word if len(word) > 1 and word in SCALES else ""  # not "m" or "b" alone

    def of(self, *labels: str) -> List[Mention]:
        return [m for m in self.mentions if m.label in labels]

    def related(self, mention: Mention, label: str, as_head: bool = True) -> List[Mention]:
        """The mentions at the other end of `label` relations of this mention."""
        if as_head:
            return [c for h, c, lab in self.relations if lab == label and h == mention]
        return [h for h, c, lab in self.relations if lab == label and c == mention]

    def relation_ends(self, labels: Set[str], as_head: bool) -> List[Mention]:
        """Every mention standing at the head (or child) end of a relation of these labels."""
        return [h if as_head else c for h, c, lab in self.relations if lab in labels]

    # sentences are the segments of nlp/structure.py, as the pipeline's relation rules read them
    def sentence_start(self, position: int) -> int:
        return structure.sentence_start(self.text, position)

    def sentence_end(self, position: int) -> int:
        return structure.sentence_end(self.text, position)

    def before(self, mention: Mention, limit: int = 120) -> str:
        """Folded, lower-cased text before the mention, inside its sentence, at most `limit` chars."""
        start = max(self.sentence_start(mention.start), mention.start - limit)
        return " ".join(self.text[start:mention.start].split()).lower()

    def after(self, mention: Mention, limit: int = 60) -> str:
        """Folded, lower-cased text after the mention, inside its sentence."""
        end = min(self.sentence_end(mention.end), mention.end + limit)
        return " ".join(self.text[mention.end:end].split()).lower()

    def between(self, first: Mention, second: Mention) -> str:
        return " ".join(self.text[first.end:second.start].split()).lower()

    def sentence(self, mention: Mention) -> str:
        """The folded, lower-cased sentence around the mention."""
        start, end = self.sentence_start(mention.start), self.sentence_end(mention.end)
        return " ".join(self.text[start:end].split()).lower()

    def same_sentence(self, first: Mention, second: Mention) -> bool:
        return self.sentence_start(first.start) == self.sentence_start(second.start)
