"""The shared part of rule components that decide one relation label after exhibit_relations.

A rule reads a statement the guide defines a relation by ("I, NAME, certify"; "NAME, Title of
ISSUER") from the entities' character offsets. It either replaces the model's pairs for its label
(the rule covers every case the guide allows) or adds the pairs it finds to the model's (it
covers one way of stating the relation and the model the rest). Rule pairs carry `confidence`
as their probability. A rule whose label is absent from the training data switches itself off.
"""
from __future__ import annotations

from typing import Callable, Dict, Iterable, List, Sequence, Tuple

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions  # noqa: F401  (registers Doc._.relations)
from .switch import ActiveSwitch
from .text_cache import doc_text

Offsets = Tuple[int, int]


class RelationRule(ActiveSwitch):
    replaces = False  # True: the rule's pairs are the only ones of its label

    def __init__(self, name: str, label: str, confidence: float):
        self.name = name
        self.label = label
        self.confidence = confidence
        self.active = True

    def find_pairs(self, doc: Doc) -> Iterable[Tuple[Offsets, Offsets]]:
        raise NotImplementedError

    @staticmethod
    def offsets(doc: Doc, label: str) -> List[Offsets]:
        return [(e.start_char, e.end_char) for e in doc.ents if e.label_ == label]

    def initialize(self, get_examples=None, nlp=None) -> None:
        if get_examples is not None:
            self.active = any(
                self.label in labels
                for eg in get_examples()
                for labels in (eg.reference._.relations or {}).values()
            )

    def overrules(self, head: Offsets, child: Offsets, found: Sequence[Tuple[Offsets, Offsets]]) -> bool:
        """Whether the model's pair (head, child) of this label gives way to the rule's."""
        return self.replaces

    def __call__(self, doc: Doc) -> Doc:
        if not self.active:
            return doc
        found = list(self.find_pairs(doc))
        relations: Dict = {}
        for (head, child), labels in (doc._.relations or {}).items():
            kept = {k: p for k, p in labels.items() if not (k == self.label and self.overrules(tuple(head), tuple(child), found))}
            if kept:
                relations[(head, child)] = kept
        for head, child in found:
            relations.setdefault((head, child), {})[self.label] = self.confidence
        doc._.relations = relations
        return doc


PairFinder = Callable[[str, Sequence[Offsets], Sequence[Offsets]], List[Tuple[Offsets, Offsets]]]


class PairRule(RelationRule):
    """A rule between two entity labels: `find(text, heads, children)` gives its pairs."""

    def __init__(self, name: str, label: str, head_label: str, child_label: str, confidence: float,
                 find: PairFinder, replaces: bool):
        super().__init__(name, label, confidence)
        self.head_label = head_label
        self.child_label = child_label
        self.find = find
        self.replaces = replaces

    def find_pairs(self, doc: Doc) -> List[Tuple[Offsets, Offsets]]:
        return self.find(doc_text(doc), self.offsets(doc, self.head_label), self.offsets(doc, self.child_label))


def pair_rule(label: str, head_label: str, child_label: str, find: PairFinder, replaces: bool) -> Callable:
    """The builder of a PairRule step of exhibit_relation_rules (see stages.py)."""

    def make(nlp: Language, name: str, label: str = label, head_label: str = head_label,
             child_label: str = child_label, confidence: float = 1.0) -> PairRule:
        return PairRule(name, label, head_label, child_label, confidence, find, replaces)

    return make
