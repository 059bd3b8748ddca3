"""exhibit_officers: officer names in the places certifications always put them.

A Section 302/906 certification names its signer in fixed phrases: "I, NAME, certify",
"/s/ NAME" on a signature line and "Name: NAME" under it. The recognizer, trained on a few
hundred names, often misses one of them or cuts it short ("W. Thomas" for "W. Thomas Amick").
These phrases are unambiguous, so the name they hold replaces any shorter OFFICER guess there.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Callable, Iterable, Iterator, List, Optional, Tuple

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

# one word of a person's name: an initial ("W."), a capitalized word with a lower-case letter
# ("McMonigle", "Jean-Sébastien", "O'Brien"), or an all-capitals word ("NADELLA")
_WORD = r"(?:[A-Z][a-z]?\.|[A-Z][A-Za-zÀ-ÿ'’\-]*[a-zà-ÿ][A-Za-zÀ-ÿ'’\-]*|[A-Z]{2,}[A-Z'’\-]*)"
_SUFFIX = r"(?:,?[ \t]+(?:Jr\.|Sr\.|II|III|IV))?"
_BLANK = r"[ \t]+"
_WRAP = r"(?:[ \t]+|[ \t]*\n[ \t]*)"  # inside a sentence a name may wrap onto the next line
_NAME_IN_LINE = rf"{_WORD}(?:{_BLANK}{_WORD}){{1,4}}{_SUFFIX}"
_NAME_WRAPPED = rf"{_WORD}(?:{_WRAP}{_WORD}){{1,4}}{_SUFFIX}"

_PATTERNS = (
    # "I, Nogi A. Asp, certify" / "I, Tim Cook, the Chief Executive Officer"
    re.compile(rf"\bI,{_WRAP}?({_NAME_WRAPPED}),"),
    # "/s/ Nogi A. Asp" or "By: /s/ Nogi A. Asp, Chief Financial Officer" alone on its line
    re.compile(rf"(?m)^[ \t]*(?:By:?[ \t]*)?/[sS]/[ \t]*(?:s/[ \t]*)?({_NAME_IN_LINE})[ \t]*(?=,|$)"),
    # "Name: Andrew J. McMonigle" under a signature
    re.compile(rf"(?m)^[ \t]*Name:[ \t]*({_NAME_IN_LINE})[ \t]*$"),
)

# a signature name that wraps: "/s/ W. Thomas\nAmick"; the next line continues it only when it is
# one capitalized word that is not the start of a title or a date line
_CONTINUATION = re.compile(rf"[ \t]*\n[ \t]*({_WORD})[ \t]*(?=\n|$)")
_NOT_A_NAME = {
    "chief", "president", "chairman", "director", "treasurer", "secretary", "controller",
    "officer", "date", "dated", "title", "name", "executive", "vice", "senior", "principal",
    "general", "manager", "member", "trustee", "partner", "by", "its", "the",
}


def officer_name_spans(text: str) -> Iterator[Tuple[int, int]]:
    """Character offsets of the names that certification phrases mark as the signer's."""
    for index, pattern in enumerate(_PATTERNS):
        for match in pattern.finditer(text):
            start, end = match.span(1)
            if index == 1:
                more = _CONTINUATION.match(text, end)
                if more and (match.group(1).endswith(".") or more.group(1).lower() not in _NOT_A_NAME):
                    end = more.end(1)
            yield start, end


class OfficerNames:
    def __init__(self, name: str = "exhibit_officers", label: str = "OFFICER"):
        self.name = name
        self.label = label
        self.active = True

    def initialize(self, get_examples: Optional[Callable[[], Iterable]] = None, nlp=None) -> None:
        """Stay off for training data in another schema: it would invent a label the data lacks."""
        if get_examples is not None:
            self.active = any(
                ent.label_ == self.label for eg in get_examples() for ent in eg.reference.ents
            )

    def __call__(self, doc: Doc) -> Doc:
        if not self.active:
            return doc
        found: List[Span] = []
        for start, end in officer_name_spans(doc.text):
            span = doc.char_span(start, end, label=self.label, alignment_mode="contract")
            if span is None or len(span) == 0:
                continue
            overlapping = [e for e in doc.ents if e.start < span.end and span.start < e.end]
            # a name phrase overrides the recognizer's officer guesses, never another label
            if all(e.label_ == self.label for e in overlapping):
                found.append(span)
        if found:
            kept = [e for e in doc.ents if not any(e.start < s.end and s.start < e.end for s in found)]
            doc.ents = filter_spans(kept + found)
        return doc

    def to_disk(self, path, *, exclude=tuple()):
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / "cfg.json").write_text(json.dumps({"active": self.active}))

    def from_disk(self, path, *, exclude=tuple()):
        cfg = Path(path) / "cfg.json"
        if cfg.exists():
            self.active = bool(json.loads(cfg.read_text()).get("active", True))
        return self


@Language.factory(
    "exhibit_officers",
    default_config={"label": "OFFICER"},
    requires=["doc.ents"],
    assigns=["doc.ents"],
)
def make_officer_names(nlp: Language, name: str, label: str) -> OfficerNames:
    return OfficerNames(name, label)
