"""Where relations may be stated: sentences, headlines, signature and contact blocks.

Exhibits are not prose: signature and contact blocks are runs of short lines (often with
blank lines between them in newswire copies), certifications run one statement over a
numbered colon list, and names are full of abbreviation periods ("Harriet P. Voss, Jr.").
A plain sentence splitter cuts all of these apart, so segments are found by rule here.
The one notion of structure: below both nlp.ml and nlp.pipeline, which import it.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
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
_PROSE_LINE_WORDS = 4  # lower-case words that make a short line one of wrapped prose
SENTENCE, BLOCK = "sentence", "block"  # the two kinds of segment
_BLANK = re.compile(r"\n[^\S\n]*\n\s*")
BLANK_LINE = re.compile(r"\n[ \t]*\n")  # by the guide no entity crosses one
# a gap between two columns of one line (signers printed side by side): a tab, or three spaces or
# more, with text on both sides (not a line's indentation)
COLUMN_GAP = re.compile(r"(?<=\S)(?:[ ]*\t[ \t]*|[ ]{3,})(?=\S)")
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


def _lower_case_words(line: str) -> int:
    # names and titles are capitalized; prose has lower-case words
    return sum(1 for word in line.split() if word[:1].islower())


def _is_block_line(line: str) -> bool:
    """A short line of a signature/contact block or a headline, not a sentence of prose."""
    line = line.strip()
    if len(line) > MAX_BLOCK_LINE:
        return False
    ends_sentence = line[-1:] in ".!?" and not _is_abbreviation_period(line, len(line) - 1)
    return not (ends_sentence and _lower_case_words(line) >= 3)


def _is_prose_line(line: str) -> bool:
    """A line of running words, as prose wrapped at a fixed width has ("the pricing of its public
    offering of shares at"); block lines hold names and titles, few lower-case words."""
    return _lower_case_words(line) >= _PROSE_LINE_WORDS


def _is_block(chunk: str) -> bool:
    """A paragraph made only of short block lines (a signature block, a contact block), not
    prose wrapped into short lines (plain-text filings are wrapped at 60 to 80 characters)."""
    lines = [line for line in chunk.splitlines() if line.strip()]
    if not lines or not all(_is_block_line(line) for line in lines):
        return False
    prose_lines = sum(1 for line in lines if _is_prose_line(line))
    return not (prose_lines >= 2 and 2 * prose_lines >= len(lines))


def _merged_paragraphs(text: str) -> List[List]:
    """Paragraphs as [start, end, kind] ("block" or "prose"), runs of blocks and colon lists joined."""
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
    return merged


MIN_WRAPPED_LINE = 45  # a line broken by wrapping at 60 to 80 columns is this long at least
# a line that opens a list item, a signature or a field ("Date:", "Name:") starts on its own line
_OWN_LINE_START = re.compile(r"[*•·▪◦‣–—-]\s|\(?[0-9ivxa-z]{1,4}[.)]\s|/s/|\S+:")


def _ends_sentence(text: str, line_start: int, line_end: int) -> bool:
    line = text[line_start:line_end].rstrip()
    if not line:
        return False
    if line[-1] in "!?:;":
        return True
    return line[-1] == "." and not _is_abbreviation_period(text, line_start + len(line) - 1)


def _is_soft_break(text: str, previous: Tuple[int, int], following: Tuple[int, int]) -> bool:
    """Whether the line break between two lines of one prose paragraph is wrapping's."""
    before, after = text[previous[0]:previous[1]], text[following[0]:following[1]]
    if len(before.strip()) < MIN_WRAPPED_LINE or not after[:1].strip() or "/s/" in before:
        return False
    if _OWN_LINE_START.match(after) or _ends_sentence(text, *previous):
        return False
    # columns and tables keep their rows; a heading in capitals keeps its own line
    lines = before + "\n" + after
    return not (COLUMN_GAP.search(lines) or "|" in lines) and all(
        re.search("[a-z]", line) for line in (before, after))


@lru_cache(maxsize=8)
def soft_line_breaks(text: str) -> Tuple[int, ...]:
    """Positions of the line breaks that wrapping put inside prose: plain-text filings break
    their paragraphs at 60 to 80 columns, so a name or a class may hold a break ("Quillon
    Holdings\nInc."). Blocks (signatures, contacts, tables) keep every break."""
    breaks: List[int] = []
    for start, end in _paragraphs(text):
        chunk = text[start:end]
        if "\n" not in chunk.strip() or _is_block(chunk):
            continue
        lines, cursor = [], start
        for match in re.finditer("\n", chunk):
            lines.append((cursor, start + match.start()))
            cursor = start + match.end()
        lines.append((cursor, end))
        breaks.extend(previous[1] for previous, following in zip(lines, lines[1:])
                      if _is_soft_break(text, previous, following))
    return tuple(breaks)


# the segmenter and four relation rules ask for the segments of the same text in turn
@lru_cache(maxsize=8)
def labelled_segments(text: str) -> Tuple[Tuple[int, int, str], ...]:
    """The segments of an exhibit as (start, end, kind), kind SENTENCE or BLOCK, in order."""
    segments: List[Tuple[int, int, str]] = []
    for start, end, kind in _merged_paragraphs(text):
        if kind == "block":
            segments.append((start, end, BLOCK))
        else:
            segments.extend((a, b, SENTENCE) for a, b in _sentence_ranges(text, start, end))
    return tuple(segments)


@lru_cache(maxsize=8)
def segment_ranges(text: str) -> Tuple[Tuple[int, int], ...]:
    """Character ranges of the segments of an exhibit, in order, covering its non-blank text."""
    return tuple((start, end) for start, end, _ in labelled_segments(text))


# --- text-level look-ups, for code that holds a text and character offsets, not a spaCy Doc ---

def _trimmed(text: str, ranges: Iterable[Tuple[int, int]]) -> Tuple[List[int], List[Tuple[int, int]]]:
    """The ranges without their surrounding whitespace, and their starts (for bisection)."""
    out = [_trim(text, start, end) for start, end in ranges]
    return [start for start, _ in out], out


@lru_cache(maxsize=8)
def _trimmed_segments(text: str) -> Tuple[List[int], List[Tuple[int, int]]]:
    return _trimmed(text, segment_ranges(text))


@lru_cache(maxsize=8)
def _trimmed_paragraph_sentences(text: str) -> Tuple[List[int], List[Tuple[int, int]]]:
    return _trimmed(text, [r for a, b in _paragraphs(text) for r in _sentence_ranges(text, a, b)])


def _holding(starts: List[int], ranges: List[Tuple[int, int]], position: int, size: int) -> Tuple[int, int]:
    # whitespace between two ranges belongs to the one before it, so that a span's (exclusive)
    # end falls in the range the span ends in; text before the first range, to the first
    if not ranges:
        return 0, size
    return ranges[max(bisect_right(starts, position) - 1, 0)]


def segment_at(text: str, position: int) -> Tuple[int, int]:
    """(start, end) of the segment of segment_ranges holding character `position`, without its
    surrounding whitespace. A position between segments belongs to the segment before it."""
    return _holding(*_trimmed_segments(text), position, len(text))


def sentence_start(text: str, position: int) -> int:
    """Where the sentence (or whole signature/contact block) holding `position` starts."""
    return segment_at(text, position)[0]


def sentence_end(text: str, position: int) -> int:
    """Where the sentence (or whole signature/contact block) holding `position` ends."""
    return segment_at(text, position)[1]


def paragraph_sentence_start(text: str, position: int) -> int:
    """Where the sentence holding `position` starts when each paragraph (text between blank
    lines) is split on its own. segment_ranges joins a colon list to its statement and keeps
    a block of short lines whole; this tells their parts apart (a numbered item of a
    certification, a sentence in text wrapped into short lines)."""
    return _holding(*_trimmed_paragraph_sentences(text), position, len(text))[0]


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
SEGMENTS_KEY = "exhibit_segments"  # doc.spans key of the segments (nlp.pipeline.structure_marker)
STRUCTURE_KEY = "exhibit_structure"  # doc.spans key of the labelled regions


def ids_from_segment_spans(spans: Iterable, n_tokens: int) -> List[int]:
    """Segment number per token from segment spans: the index of the span holding the token;
    a token outside every span gets the number of the segment before it (0 before the first)."""
    ids = [-1] * n_tokens
    for index, span in enumerate(spans):
        ids[span.start:span.end] = [index] * (span.end - span.start)
    last = 0
    for i, value in enumerate(ids):
        if value < 0:
            ids[i] = last
        else:
            last = value
    return ids


def doc_segment_ids(doc, protect: Iterable = ()) -> List[int]:
    """Segment number per token of a spaCy Doc; spans in `protect` (entities) are never cut.

    When the exhibit_structure component has marked the doc, the segments are read from
    doc.spans[SEGMENTS_KEY]; otherwise the text is scanned."""
    from spacy.attrs import IDX

    if SEGMENTS_KEY in doc.spans:
        return protect_spans(ids_from_segment_spans(doc.spans[SEGMENTS_KEY], len(doc)), protect)
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


# ---------------------------------------------------------------------------------------------
# Labelled regions: where the headline, dateline, quotes, sections and blocks of an exhibit are.
# The cue words live in nlp/patterns/structure.json; the layout rules are here.

HEADLINE, DATELINE, QUOTE = "HEADLINE", "DATELINE", "QUOTE"
CONTACT_BLOCK, SIGNATURE_BLOCK = "CONTACT_BLOCK", "SIGNATURE_BLOCK"
CERTIFYING_STATEMENT, ABOUT, FORWARD_LOOKING = "CERTIFYING_STATEMENT", "ABOUT", "FORWARD_LOOKING"
REGION_LABELS = (
    HEADLINE, DATELINE, QUOTE, CONTACT_BLOCK, SIGNATURE_BLOCK, CERTIFYING_STATEMENT, ABOUT,
    FORWARD_LOOKING,
)
PATTERN_FILE = "structure"
MAX_HEADING_WORDS = 12   # a section heading is a short line ...
MAX_HEADING_LOWER = 3    # ... in title case: few words start lower-case ("About the Company")
MAX_HEADLINE_CHARS = 400  # a longer paragraph is prose even without a final period
MIN_QUOTE_WORDS = 4      # shorter quoted text is a defined term ("the Company"), not speech
SIGNATURE_TAIL_LINES = 3  # lines after a "/s/" line inside prose that still belong to it

Region = Tuple[int, int, str]


class _Cues:
    """The compiled patterns of nlp/patterns/structure.json."""

    _KEYS = (
        "exhibit_label", "months", "dateline_place", "dateline_wire", "dateline_dash",
        "quotations", "speech_verbs", "contact_cues", "signature_cues", "signature_titles",
        "certifying_statement", "about_heading", "forward_looking_heading",
    )

    def __init__(self, data, where: str):
        from .errors import ConfigError

        is_object = isinstance(data, dict)
        missing = [key for key in self._KEYS if not is_object or key not in data]
        if missing:
            raise ConfigError("E370", f"{where}: missing key(s) {', '.join(missing)}")
        key = ""
        try:
            key = "exhibit_label"
            self.exhibit_label = re.compile(data[key], re.IGNORECASE)
            key = "dateline_place, months, dateline_wire or dateline_dash"
            date = r"(?:%s)\s+[0-9]{1,2}(?:st|nd|rd|th)?,?\s+[0-9]{4}" % "|".join(data["months"])
            wire, dash = data["dateline_wire"], data["dateline_dash"]
            sep = r"[\s,]*(?:%s[\s,]*)?" % dash
            self.dateline = re.compile(
                rf"(?:{data['dateline_place']}){sep}(?:{wire}{sep})?{date}(?:[\s,]*{wire})?[ \t]*(?:{dash}[ \t]*)?"
            )
            self.dateline_end = re.compile(rf"(?:{dash}|{wire})[ \t]*$")
            key = "quotations"
            self.quotations = re.compile(data[key])
            key = "speech_verbs"
            self.speech_verb = re.compile(r"\b(?:%s)\b" % "|".join(data[key]), re.IGNORECASE)
            key = "contact_cues"
            self.contact = re.compile("|".join(data[key]), re.IGNORECASE)
            key = "signature_cues"
            self.signature = re.compile("|".join(data[key]), re.IGNORECASE | re.MULTILINE)
            key = "signature_titles"
            self.title = re.compile("|".join(data[key]), re.IGNORECASE)
            key = "certifying_statement"
            self.certifying = re.compile("|".join(data[key]), re.IGNORECASE)
            key = "about_heading"
            self.about = re.compile(data[key])
            key = "forward_looking_heading"
            self.forward_looking = re.compile(data[key], re.IGNORECASE)
        except (re.error, TypeError) as err:
            raise ConfigError("E371", f"{where}: {key!r} is not a valid pattern ({err})") from None


@lru_cache(maxsize=1)
def structure_cues() -> _Cues:
    """The structure patterns, read once; ConfigError E380-E383 when the file is unreadable or
    malformed (pattern_files), E370/E371 when it lacks a key or its pieces make no pattern."""
    from .pattern_files import PATTERN_DIR, load_patterns

    return _Cues(load_patterns(PATTERN_FILE), str(PATTERN_DIR / f"{PATTERN_FILE}.json"))


def _trim(text: str, start: int, end: int) -> Tuple[int, int]:
    """(start, end) without the whitespace at either end."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _first_line(text: str, start: int, end: int) -> Tuple[int, int]:
    start, end = _trim(text, start, end)
    newline = text.find("\n", start, end)
    return start, (end if newline < 0 else newline)


def _is_heading_line(line: str) -> bool:
    """A short title-case line: a section heading, not a line of wrapped prose."""
    line = line.strip()
    words = line.split()
    if not words or len(words) > MAX_HEADING_WORDS or not _is_block_line(line) or line[-1] in ",;":
        return False
    return sum(1 for word in words if word[:1].islower()) <= MAX_HEADING_LOWER


def _heading_label(text: str, start: int, end: int, cues: _Cues):
    """ABOUT or FORWARD_LOOKING when the paragraph opens with such a heading line, else None."""
    a, b = _first_line(text, start, end)
    line = text[a:b]
    if not _is_heading_line(line):
        return None
    if cues.about.match(line):
        return ABOUT
    if cues.forward_looking.search(line):
        return FORWARD_LOOKING
    return None


def _is_headline_paragraph(chunk: str) -> bool:
    """Short lines, or a few lines of a title that does not end like a sentence."""
    chunk = chunk.strip()
    # a title may end with a company's "Inc." or "Corp.": that period ends no sentence
    ends_like_sentence = chunk[-1:] in ".!?:;" and not (
        chunk.endswith(".") and _is_abbreviation_period(chunk, len(chunk) - 1))
    return _is_block(chunk) or (
        len(chunk) <= MAX_HEADLINE_CHARS and not ends_like_sentence and chunk.count("\n") < 3
    )


def _headline_and_dateline(text: str, paragraphs, cues: _Cues) -> List[Region]:
    """HEADLINE: the title paragraphs before the first prose (or the dateline); DATELINE: the
    place, date and wire credit opening the first prose paragraph."""
    regions: List[Region] = []
    heads: List[Tuple[int, int]] = []
    for start, end in paragraphs:
        a, b = _trim(text, start, end)
        chunk = text[a:b]
        match = cues.dateline.match(text, a, b)
        dateline = match and (cues.dateline_end.search(match.group()) or match.end() == b)
        if dateline or not _is_headline_paragraph(chunk) or cues.certifying.search(chunk):
            if heads:
                regions.append((heads[0][0], heads[-1][1], HEADLINE))
            if dateline:
                regions.append((*_trim(text, a, match.end()), DATELINE))
            return regions
        if cues.signature.search(chunk) or cues.contact.search(chunk):
            return regions  # a block of a signature page or a contact list, not a headline
        # drop the exhibit number lines above a headline ("Exhibit 99.1")
        cursor = a
        for line in chunk.splitlines(keepends=True):
            if line.strip() and not cues.exhibit_label.match(line):
                break
            cursor += len(line)
        if cursor < b:
            heads.append(_trim(text, cursor, b))
    return regions  # no prose: no headline


def _quotes(text: str, paragraphs, segments, cues: _Cues) -> List[Region]:
    regions: List[Region] = []
    starts = [a for a, _, _ in segments]
    for start, end in paragraphs:
        for match in cues.quotations.finditer(text, start, end):
            if len(match.group().split()) < MIN_QUOTE_WORDS:
                continue
            first = max(bisect_right(starts, match.start()) - 1, 0)
            last = bisect_left(starts, match.end())
            over = [(a, b) for a, b, kind in segments[first:last]
                    if kind == SENTENCE and a < match.end() and b > match.start()]
            if not over:
                continue
            a, b = _trim(text, over[0][0], over[-1][1])
            attribution = text[a:match.start()] + " " + text[match.end():b]
            if cues.speech_verb.search(attribution):
                if regions and regions[-1][1] >= a:  # one quote running on over two matches
                    a = regions.pop()[0]
                regions.append((a, b, QUOTE))
    return regions


def _blocks(text: str, segments, headline_end: int, cues: _Cues) -> List[Region]:
    regions: List[Region] = []
    for start, end, kind in segments:
        if kind != BLOCK or end <= headline_end:
            continue
        chunk = text[start:end]
        lines = [line for line in chunk.splitlines() if line.strip()]
        if cues.signature.search(chunk):
            label = SIGNATURE_BLOCK
        elif cues.contact.search(chunk):
            label = CONTACT_BLOCK
        elif 2 <= len(lines) <= 8 and any(cues.title.search(line) for line in lines):
            label = SIGNATURE_BLOCK  # name over title: a signature without a /s/ line
        else:
            continue
        regions.append((*_trim(text, start, end), label))
    return regions


def _signatures_in_prose(text: str, found: List[Region], cues: _Cues) -> List[Region]:
    """Signature lines run into prose (no blank line around them): the cue line and the short
    lines under it."""
    regions: List[Region] = []
    lines = text.splitlines(keepends=True)
    offsets, cursor = [], 0
    for line in lines:
        offsets.append(cursor)
        cursor += len(line)
    i = 0
    while i < len(lines):
        start = offsets[i]
        inside = any(a <= start < b for a, b, _ in found + regions)
        if inside or not cues.signature.search(lines[i]):
            i += 1
            continue
        j = i + 1
        while (j < len(lines) and j - i <= SIGNATURE_TAIL_LINES and lines[j].strip()
               and _is_block_line(lines[j]) and not cues.signature.search(lines[j])):
            j += 1
        regions.append((*_trim(text, start, offsets[j - 1] + len(lines[j - 1])), SIGNATURE_BLOCK))
        i = j
    return regions


def _skip_title_lines(text: str, start: int, limit: int, cues: _Cues) -> int:
    """Where a segment's text starts after its title lines ("EXHIBIT 31.1", "CERTIFICATION OF")."""
    while start < limit:
        newline = text.find("\n", start, limit)
        if newline < 0:
            break
        line = text[start:newline]
        title = not any(ch.islower() for ch in line) and len(line.strip()) > 2  # not "I,"
        if line.strip() and not (title or cues.exhibit_label.match(line)):
            break
        start = newline + 1
    return start


def _certifying_statements(text: str, segments, signatures, cues: _Cues) -> List[Region]:
    regions: List[Region] = []
    for start, end, _ in segments:
        match = cues.certifying.search(text, start, end)
        if not match:
            continue
        a = _skip_title_lines(text, start, match.start(), cues)
        b = min([s for s, _, _ in signatures if a < s < end] + [end])  # stop at a signature
        regions.append((*_trim(text, a, b), CERTIFYING_STATEMENT))
    return regions


def _sections(text: str, paragraphs, cues: _Cues) -> List[Region]:
    """ABOUT and FORWARD_LOOKING: from the heading to the next block or section heading."""
    regions: List[Region] = []
    open_label, open_start, last_end = None, 0, 0
    for start, end in paragraphs:
        label = _heading_label(text, start, end, cues)
        first = text[slice(*_first_line(text, start, end))]
        ends_section = (label is not None or _is_block(text[start:end])
                        or (_is_heading_line(first) and cues.contact.search(first)))
        if open_label is not None and ends_section and start > open_start:
            regions.append((*_trim(text, open_start, last_end), open_label))
            open_label = None
        if label is not None:
            open_label, open_start = label, start
        last_end = end
    if open_label is not None:
        regions.append((*_trim(text, open_start, last_end), open_label))
    return regions


@lru_cache(maxsize=8)
def structure_regions(text: str) -> Tuple[Region, ...]:
    """The labelled regions of an exhibit as (start_char, end_char, label), sorted; labels are
    REGION_LABELS. Regions of different labels may overlap (a quote inside an About section)."""
    cues = structure_cues()
    paragraphs = _paragraphs(text)
    segments = labelled_segments(text)
    regions = _headline_and_dateline(text, paragraphs, cues)
    headline_end = max((b for _, b, label in regions if label == HEADLINE), default=-1)
    blocks = _blocks(text, segments, headline_end, cues)
    signatures = [r for r in blocks if r[2] == SIGNATURE_BLOCK]
    signatures += _signatures_in_prose(text, blocks, cues)
    regions += [r for r in blocks if r[2] == CONTACT_BLOCK] + signatures
    regions += _quotes(text, paragraphs, segments, cues)
    regions += _certifying_statements(text, segments, signatures, cues)
    regions += _sections(text, paragraphs, cues)
    return tuple(sorted((a, b, label) for a, b, label in regions if a < b))
