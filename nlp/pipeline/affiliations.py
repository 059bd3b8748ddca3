"""exhibit_officer_of: OFFICER_OF from the guide's own pattern, "NAME, Title of ISSUER", and
its possessive form "NAME, ISSUER's Title".

Releases introduce an officer as "Milton Lamb, President and CEO of Automotive Properties REIT"
or "Andrew Kalra, CFO & Corporate Secretary, Automotive Properties REIT". The model, trained
on a few dozen OFFICER_OF pairs, scores many of these near zero. The pattern is nearly
unambiguous (every pair it finds on the gold entities of the corpus is gold), so its pairs are
added to the model's; other ways of stating the relation stay the model's.
"""
from __future__ import annotations

import re
from typing import List, Sequence, Set, Tuple

from spacy.language import Language
from spacy.tokens import Doc

from .relation_rules import Offsets, RelationRule

# what may stand between the name and its title, between two titles, and between the last
# title and the company
_NAME_TO_TITLE = re.compile(r",?[ \t]*(?:the[ \t]+)?")
_TITLE_TO_TITLE = re.compile(r"\s*(?:and|&|,|\()\s*")
_POSSESSIVE = re.compile(r"[’']s[ \t]+")
_TITLE_TO_COMPANY = re.compile(r",?[ \t]+(?:of|for|at)[ \t]+(?:the[ \t]+)?|,[ \t]*\n?[ \t]*")


def officer_of_pairs(text: str, entities: Sequence[Tuple[int, int, str]],
                     officer: str = "OFFICER", title: str = "TITLE", issuer: str = "ISSUER",
                     ) -> List[Tuple[Offsets, Offsets]]:
    """(officer, issuer) pairs stated as "NAME, Title[, Title] of ISSUER" or "NAME, ISSUER's Title"."""
    ents = sorted(entities)
    pairs: Set[Tuple[Offsets, Offsets]] = set()
    for k, (start, end, label) in enumerate(ents):
        if label != officer:
            continue
        j, titles = k + 1, 0
        while j < len(ents) and ents[j][2] == title:
            gap = text[ents[j - 1][1]:ents[j][0]]
            if not (_NAME_TO_TITLE.fullmatch(gap) if titles == 0 else _TITLE_TO_TITLE.fullmatch(gap)):
                break
            titles, j = titles + 1, j + 1
        if titles and j < len(ents) and ents[j][2] == issuer:
            if _TITLE_TO_COMPANY.fullmatch(text[ents[j - 1][1]:ents[j][0]]):
                pairs.add(((start, end), (ents[j][0], ents[j][1])))
        # "Michael Combs, CorVel’s President and CEO"
        if k + 2 < len(ents) and ents[k + 1][2] == issuer and ents[k + 2][2] == title:
            company = ents[k + 1]
            if (_NAME_TO_TITLE.fullmatch(text[end:company[0]])
                    and _POSSESSIVE.fullmatch(text[company[1]:ents[k + 2][0]])):
                pairs.add(((start, end), (company[0], company[1])))
    return sorted(pairs)


class OfficerAffiliations(RelationRule):
    def __init__(self, name: str, label: str, officer_label: str, title_label: str,
                 issuer_label: str, confidence: float):
        super().__init__(name, label, confidence)
        self.labels = (officer_label, title_label, issuer_label)

    def find_pairs(self, doc: Doc) -> List[Tuple[Offsets, Offsets]]:
        entities = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        return officer_of_pairs(doc.text, entities, *self.labels)


@Language.factory(
    "exhibit_officer_of",
    default_config={
        "label": "OFFICER_OF", "officer_label": "OFFICER", "title_label": "TITLE",
        "issuer_label": "ISSUER", "confidence": 1.0,
    },
    requires=["doc.ents"],
    assigns=["doc._.relations"],
)
def make_officer_affiliations(
    nlp: Language, name: str, label: str, officer_label: str, title_label: str,
    issuer_label: str, confidence: float,
) -> OfficerAffiliations:
    return OfficerAffiliations(name, label, officer_label, title_label, issuer_label, confidence)
