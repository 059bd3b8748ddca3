"""The `title_alternatives` step of exhibit_relation_rules: a parenthesised alternative title is the officer's too.

By the guide each parenthesised alternative of a title is a TITLE of its own and the officer
holds both: "Chief Financial Officer (Principal Financial Officer)". The relation model often
pairs the officer with the first title only; this step adds HAS_TITLE from the officer to the
title in parentheses right after a title the model (or an earlier step) gave the officer.
"""
from __future__ import annotations

import re
from typing import List, Tuple

from spacy.language import Language
from spacy.tokens import Doc

from .relation_rules import Offsets, RelationRule
from .text_cache import doc_text

_OPENING = re.compile(r"\s*\(\s*")
_CLOSING = re.compile(r"\s*\)")


class TitleAlternatives(RelationRule):
    def __init__(self, name: str, label: str, title_label: str, confidence: float):
        super().__init__(name, label, confidence)
        self.title_label = title_label

    def find_pairs(self, doc: Doc) -> List[Tuple[Offsets, Offsets]]:
        text = doc_text(doc)
        titles = {start: (start, end) for start, end in self.offsets(doc, self.title_label)}
        held = [(tuple(head), tuple(child)) for (head, child), labels in (doc._.relations or {}).items()
                if self.label in labels]
        pairs = []
        while held:
            officer, title = held.pop()
            opening = _OPENING.match(text, title[1])
            alternative = titles.get(opening.end()) if opening else None
            if alternative and _CLOSING.match(text, alternative[1]) and (officer, alternative) not in pairs:
                pairs.append((officer, alternative))
                held.append((officer, alternative))  # "(Principal Executive Officer) (Chair)"
        return pairs


def make_title_alternatives(nlp: Language, name: str, label: str = "HAS_TITLE", title_label: str = "TITLE",
                            confidence: float = 1.0) -> TitleAlternatives:
    return TitleAlternatives(name, label, title_label, confidence)
