"""Signature blocks: the title line under a printed name, and which name holds which title.

The signature_titles step labels the title line under a printed name in a signature block;
the block_titles step pairs the names and titles of a block.

Signature blocks print the signer's name alone on a line and the title on the next ("Harriet P.
Voss\n\nManaging Trustee"). The recognizer misses titles it has rarely seen ("Managing
Trustee"); a line that follows a printed OFFICER name, is shaped like a title (capitalized words,
ending in a title word such as Officer, President or Trustee) and is not continued on the next
line is that officer's TITLE. On the corpus, with the gold titles removed, the rule finds 36
titles and no wrong one. So is a whole line heading an area ("Director of Sales & Marketing"
under a contact's name), which ends in no title word.
"""
from __future__ import annotations

import re
from typing import Callable, List, Sequence, Tuple

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans

from .relation_rules import Offsets, RelationRule
from ..structure import segment_ranges
from .switch import ActiveSwitch
from .text_cache import doc_text
from .titles import LOWER_CASE_TITLE_WORDS, is_area_title_line
from ..pattern_files import alternation, load_patterns

Entities = Sequence[Tuple[int, int, str]]  # (start, end, label) in characters
TitleFinder = Callable[[str, Entities], List[Tuple[int, int]]]

_SIGNED = re.compile(r"/s/[ \t]*(?:\n[ \t]*)?$", re.IGNORECASE)
_ENDS_IN_TITLE_WORD = re.compile(rf"(?:{alternation(load_patterns('titles')['signature_title_endings'])})$")
_NEXT_LINE = re.compile(r"\n[ \t]*(?:\n[ \t]*)*([^\n]+?)[ \t]*(?=\n|$)")
# a title that goes on below ("Chief Executive Officer\nand Director") is left to the recognizer
_CONTINUED = re.compile(r"(?:and|&|of|Officer|\()")


def _is_title_line(line: str) -> bool:
    words = line.replace(",", " ").split()
    if not words or len(line) > 60 or re.search(r"\d|/s/|@|:", line):
        return False
    return all(w[0].isupper() or w in LOWER_CASE_TITLE_WORDS for w in words) and bool(_ENDS_IN_TITLE_WORD.search(line))


def _stands_alone(text: str, start: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return not text[line_start:start].strip() and not text[end:line_end if line_end >= 0 else len(text)].strip(" ,")


def signature_title_spans(text: str, entities: Entities) -> List[Tuple[int, int]]:
    """Character offsets of the title lines under printed OFFICER names."""
    found = []
    for start, end, label in entities:
        line_end = text.find("\n", end)
        if label != "OFFICER" or line_end < 0 or not _stands_alone(text, start, end):
            continue
        match = _NEXT_LINE.match(text, line_end)
        if match is None or not (_is_title_line(match.group(1)) or is_area_title_line(match.group(1))):
            continue
        a, b = match.span(1)
        if _CONTINUED.match(text[b:b + 40].lstrip(" \t\n")):
            continue
        if not any(x < b and a < y for x, y, _ in entities):
            found.append((a, b))
    return found


class TitlesNearOfficers(ActiveSwitch):
    """Labels TITLE the spans `find(text, entities)` places by the officers' names; shared by the
    signature_titles and officer_titles steps."""

    def __init__(self, name: str, officer_label: str, label: str, find: TitleFinder):
        self.name = name
        self.officer_label = officer_label
        self.label = label
        self.find = find
        self.active = True

    def initialize(self, get_examples=None, nlp=None) -> None:
        """Stay off for training data in another schema: it would invent a label the data lacks."""
        self.stay_on_for(get_examples, self.label)

    def __call__(self, doc: Doc) -> Doc:
        if not self.active:
            return doc
        entities = [(e.start_char, e.end_char, "OFFICER" if e.label_ == self.officer_label else e.label_)
                    for e in doc.ents]
        spans = [doc.char_span(a, b, label=self.label, alignment_mode="contract")
                 for a, b in self.find(doc_text(doc), entities)]
        spans = [s for s in spans if s is not None and len(s)]
        if spans:
            doc.ents = filter_spans(list(doc.ents) + spans)
        return doc


def make_signature_titles(nlp: Language, name: str, officer_label: str = "OFFICER", label: str = "TITLE") -> TitlesNearOfficers:
    return TitlesNearOfficers(name, officer_label, label, signature_title_spans)


def block_title_pairs(text: str, officers: Sequence[Offsets], titles: Sequence[Offsets]) -> List[Tuple[Offsets, Offsets]]:
    """HAS_TITLE pairs of signature blocks that print each name and each title on its own line,
    as many titles as names: the nth printed name holds the nth title, whether the block stacks
    them ("Name / Title / Name / Title") or sets them in columns ("Name / Name / Title / Title")."""
    pairs = []
    for start, end in segment_ranges(text):
        names = [o for o in officers if start <= o[0] < end and not _SIGNED.search(text, max(0, o[0] - 30), o[0])]
        held = [t for t in titles if start <= t[0] < end]
        if not names or len(names) != len(held):
            continue
        if all(_stands_alone(text, a, b) for a, b in names + held):
            pairs.extend(zip(sorted(names), sorted(held)))
    return pairs


class BlockTitles(RelationRule):
    """The block_titles step: decides HAS_TITLE for the titles of such signature blocks (the model
    pairs every name of a block with every title) and leaves the model's other pairs alone."""

    def __init__(self, name: str, label: str, officer_label: str, title_label: str, confidence: float):
        super().__init__(name, label, confidence)
        self.officer_label = officer_label
        self.title_label = title_label

    def find_pairs(self, doc: Doc) -> List[Tuple[Offsets, Offsets]]:
        return block_title_pairs(doc.text, self.offsets(doc, self.officer_label), self.offsets(doc, self.title_label))

    def overrules(self, head: Offsets, child: Offsets, found: Sequence[Tuple[Offsets, Offsets]]) -> bool:
        return any(child == title for _, title in found)


def make_block_titles(nlp: Language, name: str, label: str = "HAS_TITLE", officer_label: str = "OFFICER",
                      title_label: str = "TITLE", confidence: float = 1.0) -> BlockTitles:
    return BlockTitles(name, label, officer_label, title_label, confidence)
