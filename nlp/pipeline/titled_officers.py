"""The `titled_officers` step of exhibit_relation_rules: OFFICER_OF where a title phrase ties a name to the issuer.

Releases state whose officer a person is in four fixed ways around a title: "Jane Roe, Chief
Executive Officer of Quillon", "Jane Roe, Quillon's chief executive officer", "Quillon's CEO, Jane
Roe" and "Quillon CEO Jane Roe". Every such phrase on the train+dev gold entities carries
OFFICER_OF (70 of 70); the relation model, reading pairs one by one, misses about one in six. The
step adds its pairs to the model's.
"""
from __future__ import annotations

import re
from typing import List, Sequence, Tuple

from spacy.language import Language
from spacy.tokens import Doc

from .relation_rules import Offsets, RelationRule
from .text_cache import doc_text

Entity = Tuple[int, int, str]
_POSSESSIVE = re.compile(r"[’']s[ \t]+")
# what stands between the three entities of each phrase, in text order
_PHRASES = (
    # "Jane Roe, Chief Executive Officer of Quillon", "... at the Quillon Bank"
    (("OFFICER", "TITLE", "ISSUER"), re.compile(r",[ \t]+"), re.compile(r"[ \t]+(?:of|at)[ \t]+(?:the[ \t]+)?")),
    # "Jane Roe, Quillon's chief executive officer"
    (("OFFICER", "ISSUER", "TITLE"), re.compile(r",[ \t]+(?:the[ \t]+)?"), _POSSESSIVE),
    # "Quillon's CEO, Jane Roe"
    (("ISSUER", "TITLE", "OFFICER"), _POSSESSIVE, re.compile(r",?[ \t]+")),
    # "Quillon CEO Jane Roe"
    (("ISSUER", "TITLE", "OFFICER"), re.compile(r"[ \t]+"), re.compile(r",?[ \t]+")),
)


def titled_officer_pairs(text: str, entities: Sequence[Entity]) -> List[Tuple[Offsets, Offsets]]:
    """(officer, issuer) pairs of the title phrases that tie a name to the issuer."""
    entities = sorted(entities)
    pairs = []
    for first, middle, last in zip(entities, entities[1:], entities[2:]):
        labels = (first[2], middle[2], last[2])
        for phrase_labels, first_gap, second_gap in _PHRASES:
            if (labels == phrase_labels and first_gap.fullmatch(text, first[1], middle[0])
                    and second_gap.fullmatch(text, middle[1], last[0])):
                officer, issuer = (first, middle if labels[1] == "ISSUER" else last) if labels[0] == "OFFICER" \
                    else (last, first)
                pairs.append(((officer[0], officer[1]), (issuer[0], issuer[1])))
                break
    return pairs


class TitledOfficers(RelationRule):
    """Adds the OFFICER_OF pairs of title phrases to the model's; its labels are settings, so data
    in another schema can name its own."""

    def __init__(self, name: str, label: str, officer_label: str, issuer_label: str, title_label: str,
                 confidence: float):
        super().__init__(name, label, confidence)
        self.roles = {officer_label: "OFFICER", issuer_label: "ISSUER", title_label: "TITLE"}

    def find_pairs(self, doc: Doc) -> List[Tuple[Offsets, Offsets]]:
        entities = [(e.start_char, e.end_char, self.roles[e.label_]) for e in doc.ents if e.label_ in self.roles]
        return titled_officer_pairs(doc_text(doc), entities)


def make_titled_officers(nlp: Language, name: str, label: str = "OFFICER_OF", officer_label: str = "OFFICER",
                         issuer_label: str = "ISSUER", title_label: str = "TITLE",
                         confidence: float = 1.0) -> TitledOfficers:
    return TitledOfficers(name, label, officer_label, issuer_label, title_label, confidence)
