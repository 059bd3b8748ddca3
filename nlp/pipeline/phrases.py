"""Entities from fixed phrases: the shared part of the phrase-rule components.

A phrase rule finds spans in the raw text ("I, NAME, certify"; "X and Y are acting as joint
book-running managers"). Its span replaces the recognizer's overlapping guesses of the same
label (often cut short) and never an entity of another label. A component whose label is absent
from the training data switches itself off, so corpora in other schemas get no invented labels.
"""
from __future__ import annotations

from typing import Callable, Iterable, List, Optional, Tuple

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .switch import ActiveSwitch
from .text_cache import doc_text


class PhraseLabeler(ActiveSwitch):
    """Labels the spans `find_spans(text)` returns; shared by the phrase-rule components."""

    def __init__(
        self,
        name: str,
        label: str,
        find_spans: Callable[[str], List[Tuple[int, int]]],
        overrides: Iterable[str] = (),
    ):
        self.name = name
        self.label = label
        self.find_spans = find_spans
        self.overrides = {label, *overrides}  # labels whose guesses a phrase span may replace
        self.active = True

    def initialize(self, get_examples: Optional[Callable[[], Iterable]] = None, nlp=None) -> None:
        """Stay off for training data in another schema: it would invent a label the data lacks."""
        self.stay_on_for(get_examples, self.label)

    def __call__(self, doc: Doc) -> Doc:
        if not self.active:
            return doc
        found: List[Span] = []
        for start, end in self.find_spans(doc_text(doc)):
            span = doc.char_span(start, end, label=self.label, alignment_mode="contract")
            if span is None or len(span) == 0:
                continue
            overlapping = [e for e in doc.ents if e.start < span.end and span.start < e.end]
            if all(e.label_ in self.overrides for e in overlapping):
                found.append(span)
        if found:
            kept = [e for e in doc.ents if not any(e.start < s.end and s.start < e.end for s in found)]
            doc.ents = filter_spans(kept + found)
        return doc


def phrase_rule(label: str, find_spans: Callable[[str], List[Tuple[int, int]]],
                overrides: Iterable[str] = ()) -> Callable:
    """The builder of a PhraseLabeler step of exhibit_entity_rules (see stages.py)."""
    overrides = tuple(overrides)

    def make(nlp: Language, name: str, label: str = label) -> PhraseLabeler:
        return PhraseLabeler(name, label, find_spans, overrides)

    return make
