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
from ..structure import COLUMN_GAP, segment_ranges
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


def _line_bounds(text: str, position: int) -> Tuple[int, int]:
    end = text.find("\n", position)
    return text.rfind("\n", 0, position) + 1, len(text) if end < 0 else end


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


def _cells(text: str, start: int, end: int) -> List[Tuple[int, int]]:
    """The columns of the line text[start:end], each (start, end) without its padding."""
    cells, cell_start = [], start
    for gap in COLUMN_GAP.finditer(text, start, end):
        cells.append((cell_start, gap.start()))
        cell_start = gap.end()
    cells.append((cell_start, end))
    return [(a + len(text[a:b]) - len(text[a:b].lstrip()), b - len(text[a:b]) + len(text[a:b].rstrip()))
            for a, b in cells if text[a:b].strip()]


def _in_same_column(text: str, item: Tuple[int, int], row: Sequence[Tuple[int, int]],
                    other_row: Sequence[Tuple[int, int]]) -> Tuple[int, int]:
    """The item of `other_row` (another line's columns) in the column of `item`, one of `row`: the
    one in the same place when both rows hold as many, else the nearest by character column
    (tabs make character columns unreliable)."""
    row = sorted(row)
    other_row = sorted(other_row)
    if len(row) == len(other_row):
        return other_row[row.index(item)]
    column = item[0] - _line_bounds(text, item[0])[0]
    return min(other_row, key=lambda x: abs(x[0] - _line_bounds(text, x[0])[0] - column))


def column_title_spans(text: str, entities: Entities) -> List[Tuple[int, int]]:
    """Character offsets of the title cells under printed OFFICER names set side by side: on the
    line after a line of two names or more, the cell in each name's column that is shaped like a
    title ("Ada Quill" + tab + "Tom Fry" over "Chief Executive Officer" + tab + "Chief Financial
    Officer")."""
    found = []
    # the normalizer splits a guess across columns later: its columns are the names
    officers = [cell for a, b, label in entities if label == "OFFICER" for cell in _cells(text, a, b)]
    for a, b in officers:
        line_start, line_end = _line_bounds(text, a)
        if sum(line_start <= o[0] < line_end for o in officers) < 2:
            continue
        match = _NEXT_LINE.match(text, line_end)
        if match is None:
            continue
        cells = _cells(text, *match.span(1))
        if len(cells) < 2:
            continue
        cell = _in_same_column(text, (a, b), [o for o in officers if line_start <= o[0] < line_end], cells)
        if _is_title_line(text[cell[0]:cell[1]]) and not any(x < cell[1] and cell[0] < y for x, y, _ in entities):
            found.append(cell)
    return sorted(set(found))


def signature_and_column_title_spans(text: str, entities: Entities) -> List[Tuple[int, int]]:
    return signature_title_spans(text, entities) + column_title_spans(text, entities)


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
    return TitlesNearOfficers(name, officer_label, label, signature_and_column_title_spans)


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


_LINES_ABOVE = 3  # non-blank lines searched above a title for the names printed over it


def column_title_pairs(text: str, officers: Sequence[Offsets], titles: Sequence[Offsets]) -> List[Tuple[Offsets, Offsets]]:
    """HAS_TITLE pairs of signature blocks that print two signers side by side: a title on a line
    of columns belongs to the name printed in its column on the nearest line above that holds two
    names or more ("Ada Quill" + gap + "Tom Fry" over "Chief Executive Officer" + gap + "Chief
    Financial Officer"). A "/s/" signature is no printed name."""
    pairs = []
    for title in titles:
        line_start, line_end = _line_bounds(text, title[0])
        if not COLUMN_GAP.search(text[line_start:line_end].strip()):
            continue
        row = [t for t in titles if line_start <= t[0] < line_end]
        above = line_start - 1
        for _ in range(_LINES_ABOVE):
            if above <= 0:
                break
            start, end = _line_bounds(text, above)
            names = [o for o in officers if start <= o[0] < end and not _SIGNED.search(text, max(0, o[0] - 30), o[0])]
            if len(names) >= 2:
                pairs.append((_in_same_column(text, title, row, names), title))
                break
            if text[start:end].strip() and not names and not any(start <= t[0] < end for t in titles):
                break  # a line of other text ends the block above
            above = start - 1
    return pairs


class BlockTitles(RelationRule):
    """The block_titles step: decides HAS_TITLE for the titles of such signature blocks, stacked
    or side by side (the model pairs every name of a block with every title), and leaves the
    model's other pairs alone."""

    def __init__(self, name: str, label: str, officer_label: str, title_label: str, confidence: float):
        super().__init__(name, label, confidence)
        self.officer_label = officer_label
        self.title_label = title_label

    def find_pairs(self, doc: Doc) -> List[Tuple[Offsets, Offsets]]:
        text, officers, titles = doc.text, self.offsets(doc, self.officer_label), self.offsets(doc, self.title_label)
        return block_title_pairs(text, officers, titles) + column_title_pairs(text, officers, titles)

    def overrules(self, head: Offsets, child: Offsets, found: Sequence[Tuple[Offsets, Offsets]]) -> bool:
        return any(child == title for _, title in found)


def make_block_titles(nlp: Language, name: str, label: str = "HAS_TITLE", officer_label: str = "OFFICER",
                      title_label: str = "TITLE", confidence: float = 1.0) -> BlockTitles:
    return BlockTitles(name, label, officer_label, title_label, confidence)
