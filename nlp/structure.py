"""Where relations may be stated: sentences, headlines, signature and contact blocks.

Exhibits are not prose: signature and contact blocks are runs of short lines (often with
blank lines between them in newswire copies), certifications run one statement over a
numbered colon list, and names are full of abbreviation periods ("Harriet P. Voss, Jr.").
A plain sentence splitter cuts all of these apart, so segments are found by rule here.
The one notion of structure: below both nlp.ml and nlp.pipeline, which import it.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, List, Sequence, Tuple

ABBREVIATIONS = {
    "inc", "corp", "co", "ltd", "jr", "sr", "mr", "mrs", "ms", "dr", "no", "nos", "st", "plc",
    "llc", "l.l.c", "u.s", "u.s.c", "ph.d", "m.d", "s.a", "n.v", "l.p", "p.c", "vs", "e.g",
    "i.e", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "approx", "sec", "ave", "blvd", "rd", "ste", "fl", "vol", "cf", "ltée", "bhd", "pty",
    "a.g", "s.p.a", "b.v", "gmbh", "esq", "hon", "prof", "rev", "gen", "sgt", "capt", "inc.,",
}
MAX_BLOCK_LINE = 80
_BLANK = re.compile(r"\n[^\S\n]*\n\s*")
_END = re.compile(r"[.!?][\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")


def _is_abbreviation_period(text: str, dot: int) -> bool:
    """True when the period at `dot` ends an abbreviation, an initial or an enumerator."""
    start = dot
    while start > 0 and not text[start - 1].isspace() and text[start - 1] not in "(\"“":
        start -= 1
    word = text[start:dot].lower()
    if not word:
        return False
    if word in ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
        return True
    if re.fullmatch(r"(?:[a-z]\.)+[a-z]", word):  # U.S, S.A
        return True
    # "1." or "(a)." enumerators opening a list item
    line_start = text.rfind("\n", 0, start) + 1
    return bool(re.fullmatch(r"\(?[0-9ivx]{1,4}\)?", word)) and not text[line_start:start].strip()


def _sentence_ranges(text: str, start: int, end: int) -> List[Tuple[int, int]]:
    ranges, cursor = [], start
    for match in _END.finditer(text, start, end):
        if text[match.start()] == "." and _is_abbreviation_period(text, match.start()):
            continue
        ranges.append((cursor, match.end()))
        cursor = match.end()
    ranges.append((cursor, end))
    return [(a, b) for a, b in ranges if text[a:b].strip()]


def _paragraphs(text: str) -> List[Tuple[int, int]]:
    out, cursor = [], 0
    for match in _BLANK.finditer(text):
        out.append((cursor, match.start()))
        cursor = match.end()
    out.append((cursor, len(text)))
    return [(a, b) for a, b in out if text[a:b].strip()]


def _is_block_line(line: str) -> bool:
    """A short line of a signature/contact block or a headline, not a sentence of prose."""
    line = line.strip()
    if len(line) > MAX_BLOCK_LINE:
        return False
    ends_sentence = line[-1:] in ".!?" and not _is_abbreviation_period(line, len(line) - 1)
    # names and titles are capitalized; prose has lower-case words
    lower_words = sum(1 for word in line.split() if word[:1].islower())
    return not (ends_sentence and lower_words >= 3)


def _is_block(chunk: str) -> bool:
    """A paragraph made only of short block lines (a signature block, a contact block)."""
    lines = [line for line in chunk.splitlines() if line.strip()]
    return bool(lines) and all(_is_block_line(line) for line in lines)


# the segmenter and four relation rules ask for the segments of the same text in turn
@lru_cache(maxsize=8)
def segment_ranges(text: str) -> Tuple[Tuple[int, int], ...]:
    """Character ranges of the segments of an exhibit, in order, covering its non-blank text."""
    merged: List[List] = []  # [start, end, kind]
    for start, end in _paragraphs(text):
        chunk = text[start:end]
        kind = "block" if _is_block(chunk) else "prose"
        if merged:
            prev = merged[-1]
            joins_list = text[prev[0]:prev[1]].rstrip().endswith(":")
            if joins_list or (kind == "block" and prev[2] == "block"):
                prev[1], prev[2] = end, "prose" if joins_list and kind == "prose" else prev[2]
                continue
        merged.append([start, end, kind])
    ranges: List[Tuple[int, int]] = []
    for start, end, kind in merged:
        if kind == "block":
            ranges.append((start, end))
        else:
            ranges.extend(_sentence_ranges(text, start, end))
    return tuple(ranges)


def token_segment_ids(
    token_starts: Sequence[int], ranges: Sequence[Tuple[int, int]]
) -> List[int]:
    """The segment number of each token (by its start character); tokens between segments
    (whitespace) get the number of the segment before them."""
    ids, k = [], 0
    for start in token_starts:
        while k + 1 < len(ranges) and start >= ranges[k + 1][0]:
            k += 1
        ids.append(k)
    return ids


_CACHE_KEY = "exhibit_segment_ids"


def doc_segment_ids(doc, protect: Iterable = ()) -> List[int]:
    """Segment number per token of a spaCy Doc; spans in `protect` (entities) are never cut."""
    from spacy.attrs import IDX

    # the segmenter and the relation component both need the segments of one doc: the text
    # scan is the costly part, so it is done once and kept with the doc
    raw = doc.user_data.get(_CACHE_KEY)
    if raw is None or len(raw) != len(doc):
        raw = token_segment_ids(doc.to_array(IDX).tolist(), segment_ranges(doc.text))
        doc.user_data[_CACHE_KEY] = raw
    return protect_spans(list(raw), protect)


def protect_spans(ids: List[int], protect: Iterable = ()) -> List[int]:
    """Segment ids with every token of a protected span in its first token's segment."""
    for span in protect:
        for i in range(span.start + 1, span.end):
            ids[i] = ids[span.start]
    # keep ids non-decreasing after protection, so they still read as segments
    for i in range(1, len(ids)):
        ids[i] = max(ids[i], ids[i - 1])
    return ids
