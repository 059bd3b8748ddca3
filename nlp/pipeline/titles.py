"""Title edges by the guide: what one TITLE span covers.

The recognizer finds titles well but cuts them loosely at the edges: a dangling "and" before a
line break, the company after "of" ("President of Quillon"), the signer's name before a comma,
or a comma list that the guide splits into one title per item ("Executive Vice President, Chief
Financial Officer"; only a list closed by "and" stays one title).
"""
from __future__ import annotations

import re
from typing import List, Set, Tuple

from ..names import LEGAL_SUFFIX
from ..pattern_files import alternation, load_patterns
from ..structure import BLANK_LINE

Offsets = Tuple[int, int]

_TITLES = load_patterns("titles")
TITLE_WORDS = set(_TITLES["title_words"])
# words a title (or a line of a signature block) may hold in lower case ("Chairman of the Board")
LOWER_CASE_TITLE_WORDS = set(_TITLES["lower_case_title_words"])
_WORD = re.compile(r"[A-Za-z]+")
_JOINER = re.compile(r"(?:\s|^)(?:and|&)(?:\s|$)", re.IGNORECASE)
# a joiner at the end, or one followed by a word that is no title ("... Officer and Joseph")
_DANGLING = re.compile(r"[\s,]+(?:and|&|or)(?:\s+([A-Za-z]+))?[\s,]*$", re.IGNORECASE)
_OF_COMPANY = re.compile(rf"\s+of\s+(?:the\s+)?(?:{alternation(_TITLES['employer_words'])})\b.*$", re.IGNORECASE | re.DOTALL)
_QUALIFIER = re.compile(rf"(?:{alternation(_TITLES['title_qualifiers'])})\s+$", re.IGNORECASE)
_OPENER = re.compile(rf"(?:{alternation(_TITLES['title_openers'] + _TITLES['title_qualifiers'])})$")
# the last word of a title ("Officer", "Board"), as an alternation other patterns take in
TITLE_END_WORD = alternation(_TITLES["signature_title_endings"])
_TITLE_END = re.compile(TITLE_END_WORD)
# what stands between two items of a title list: a comma, "and", or both, line breaks allowed
_GAP_BEFORE = re.compile(r"(?:,\s*(?:(?:and|&)\s+)?|\s+(?:and|&)\s+)$")
_GAP_AFTER = re.compile(r"\s*,\s*(?:(?:and|&)\s+)?|\s+(?:and|&)\s+")
# a word that may stand in a title: capitalized ("Vice", "Co-Chief") or a lower-case joiner
_TITLE_RUN_WORD = re.compile(rf"[A-Z][\w'’.&/-]*|{alternation(_TITLES['lower_case_title_words'])}")
_AND_THE = re.compile(r"\s+(?:and|&)\s+the\s+", re.IGNORECASE)
_ITEM_STOP = re.compile(r"[\n,;:()\[\]/]")
# "Vice President of Labor Relations", "Vice President, Investor Relations", "Senior Vice
# President – Commercial Sales": the area a title heads, capitalized words up to the line's or
# the sentence's end
_AREA_ENDING = re.compile(rf"(?:{alternation(_TITLES['area_title_endings'])})$")
_AREA_HEAD = re.compile(rf"\b(?:{alternation(_TITLES['area_title_endings'])})\b")
_AREA = re.compile(r"(?:[ \t]+of[ \t]+|,[ \t]+|[ \t]+[-–—][ \t]+)((?:[A-Z][\w&'’/-]*|and|&)(?:[ \t]+(?:[A-Z][\w&'’/-]*|and|&))*)"
                   r"(?=[ \t]*(?:$|\n|[.;,()“”\"]))", re.MULTILINE)
# a title's last word, then one to three capitalized words up to the span's end on its line
_NAME_AFTER_TITLE = re.compile(rf"\b(?:{TITLE_END_WORD})((?:[ \t]+[A-Z][\w.'’-]*){{1,3}})$")
# "Chief Marketing Officer and Jane Roe", "Executive Chairman, and Jane Roe, Chief Growth
# Officer": a joiner, then two to four capitalized words up to a comma or the span's end
_NAME_AFTER_JOINER = re.compile(r"(,?[ \t\n]+(?:and|&)[ \t\n]+)([A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){1,3})(?=[ \t]*(?:,|$))")
_END_WORD_AFTER = re.compile(rf"[ \t]+(?:{TITLE_END_WORD})\b")
_LIST_REACH = 160  # characters searched on either side of a title for more list items
_GAP_REACH = 60


def has_title_word(text: str) -> bool:
    return any(word.lower() in TITLE_WORDS for word in _WORD.findall(text))


def _opens_title(word: str) -> bool:
    return bool(_OPENER.match(word)) or (word[:1].isupper() and word.lower().split("-")[-1] in TITLE_WORDS)


def _ends_title(word: str) -> bool:
    return bool(_TITLE_END.fullmatch(word.split("-")[-1]))


def _continues_area(title: str, word: str) -> bool:
    """Whether `word`, after a joiner that follows `title`, adds to the area the title heads
    ("Head of Research" + "Design"): the title ends on an area, not on a title's last word in the
    singular or plural ("Co-Lead Agents" + "Quillon"), and the word is written in the title's case
    ("President Roe and the" is no title)."""
    words = title.split()
    last = words[-1].capitalize() if words else ""  # "members" as "Member(s)"
    if not words or not has_title_word(title) or any(_ends_title(w) for w in (words[-1], last, last.removesuffix("s"))):
        return False
    return word[:1].isupper() or title.islower()


def title_item_before(text: str, end: int, lowest: int) -> int | None:
    """Where the title item that ends at `end` starts ("Quillon CEO" + " Jane Roe": the "CEO"):
    its title words back to the line start, a comma or a word that is no title word, less
    leading words that open no title (a signer's name); None where no title ends there."""
    stop = max([m.end() for m in _ITEM_STOP.finditer(text, lowest, end)], default=lowest)
    words = list(re.finditer(r"\S+", text[stop:end]))
    first = len(words)
    while first > 0 and _TITLE_RUN_WORD.fullmatch(words[first - 1].group()):
        first -= 1
    words = words[first:]
    while words and not _opens_title(words[0].group()):
        words = words[1:]
    if not words or not _ends_title(words[-1].group()):
        return None
    return stop + words[0].start()


def title_item_after(text: str, start: int, highest: int) -> int | None:
    """Where the title item that starts at `start` ends: its title words up to a comma or the
    line end (a title cut by a line break mid-way, "Chief Financial\nOfficer", goes on)."""
    words: List[Tuple[str, int]] = []  # each word with where it ends
    for match in re.finditer(r"\S+|\n", text[start:highest]):
        token = match.group()
        if token == "\n":
            if words and _ends_title(words[-1][0]):
                break
            continue
        bare = token.rstrip(",;:")
        if not _TITLE_RUN_WORD.fullmatch(bare) or (not words and not _opens_title(bare)):
            break
        words.append((bare, start + match.start() + len(bare)))
        if bare != token:
            break
    while words and not _ends_title(words[-1][0]):
        words.pop()
    return words[-1][1] if words else None


def title_area_end(text: str, start: int, end: int, issuer_names: Set[str] = frozenset()) -> int:
    """Where the title text[start:end] ends with the area it heads ("Vice President" + " of Labor
    Relations"): the area's end, or `end` when none follows. A title cut inside its area ("Vice
    President of Client" + " Success") goes on to the area's end too. An area is no company (an
    issuer's name, a legal suffix, an employer word), no further title and no joiner alone."""
    if _AREA_ENDING.search(text, start, end):
        area = _AREA.match(text, end)
    else:
        heads = (_AREA.match(text, head.end()) for head in _AREA_HEAD.finditer(text, start, end))
        area = next((a for a in heads if a is not None and a.start(1) < end < a.end(1)), None)
    if area is None:
        return end
    words = area.group(1)
    if (words in issuer_names or has_title_word(words) or LEGAL_SUFFIX.search(words)
            or _OF_COMPANY.match(" of " + words) or words.split()[-1] in ("and", "&")):
        return end
    return area.end(1)


def title_end_word_after(text: str, start: int, end: int) -> int:
    """Where the title text[start:end] ends with the title's last word written right after it,
    which the recognizer may leave out ("Chief Human Resources" + " Officer"); `end` when the
    title already ends on such a word or none follows."""
    words = text[start:end].split()
    after = _END_WORD_AFTER.match(text, end)
    return after.end() if after and words and not _ends_title(words[-1]) else end


def is_area_title_line(line: str) -> bool:
    """Whether a whole line is a title heading an area ("Director of Sales & Marketing",
    "Vice President, Investor Relations"): title words up to an area-heading word, then the area
    to the line's end."""
    for head in _AREA_HEAD.finditer(line):
        words = line[:head.end()].replace(",", " ").split()
        if all(w[0].isupper() or w in LOWER_CASE_TITLE_WORDS for w in words) and _opens_title(words[0]):
            return title_area_end(line, 0, head.end()) == len(line.rstrip())
    return False


def title_list(text: str, start: int, end: int) -> Offsets:
    """The bounds of the list of titles that text[start:end] is one item of ("Chairman,\nPresident
    and Chief Executive Officer" around "President and Chief Executive Officer"); the list stops
    at a blank line, since no entity crosses one. Whether the list is one TITLE is title_parts'."""
    lowest = max(0, start - _LIST_REACH)
    lowest = max([m.end() for m in BLANK_LINE.finditer(text, lowest, start)], default=lowest)
    highest = min(len(text), end + _LIST_REACH)
    blank = BLANK_LINE.search(text, end, highest)
    highest = blank.start() if blank else highest
    while True:
        # a gap is short but for a signature block's indentation: look at the text just before
        gap = _GAP_BEFORE.search(text, max(lowest, start - _GAP_REACH), start)
        item = title_item_before(text, gap.start(), lowest) if gap else None
        if item is None:
            break
        start = item
    while True:
        gap = _GAP_AFTER.match(text, end, highest)
        item = title_item_after(text, gap.end(), highest) if gap else None
        if item is None:
            break
        end = item
    return start, end


def _strip(text: str, start: int, end: int) -> Offsets:
    while start < end and (text[start].isspace() or text[start] == ","):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


def _next_holders_name(text: str, start: int, end: int) -> re.Match | None:
    """The name of a second person a title span ran on into ("Chief Marketing Officer and Jane
    Roe"): after a joiner that follows a title's last word, or a comma's "and", capitalized
    words of which none is a title word."""
    for match in _NAME_AFTER_JOINER.finditer(text[start:end]):
        words = match.group(2).split()
        if any(w.lower().rstrip(".") in TITLE_WORDS or _opens_title(w) for w in words):
            continue
        before = text[start:start + match.start()].split()
        if "," in match.group(1) or (before and _ends_title(before[-1])):
            return match
    return None


def title_holders(text: str, start: int, end: int) -> List[Offsets]:
    """The names of further people that the title span text[start:end] ran on into."""
    found = []
    while (holder := _next_holders_name(text, start, end)) is not None:
        found.append((start + holder.start(2), start + holder.end(2)))
        start += holder.end(2)
    return found


def title_parts(text: str, start: int, end: int, issuer_names: Set[str] = frozenset()) -> List[Offsets]:
    """The TITLE spans the guide makes of text[start:end], as character offsets."""
    holder = _next_holders_name(text, start, end)
    if holder is not None:
        # the name is the next person's; what follows it after a comma is that person's title
        rest = start + holder.end(2)
        after = [] if not has_title_word(text[rest:end]) else title_parts(text, rest, end, issuer_names)
        return title_parts(text, start, start + holder.start(1), issuer_names) + after
    piece = text[start:end]
    # "Chairman of the Board and" before a line break, or "... Officer and Joseph" running into
    # the next name: the title ends before the joiner, unless the word after it names more of
    # the area a title heads ("Head of Research and Design")
    dangling = _DANGLING.search(piece)
    if dangling and not (dangling.group(1) and (dangling.group(1).lower() in TITLE_WORDS
                                                or _continues_area(piece[:dangling.start()], dangling.group(1)))):
        end = start + dangling.start()
    # "President of the company" and "CEO and President of Quillon": the title stops before
    # the company it is held at
    piece = text[start:end]
    of_company = _OF_COMPANY.search(piece)
    if of_company is not None:
        end = start + of_company.start()
    else:
        at = min((piece.find(" of " + name) for name in issuer_names if " of " + name in piece), default=-1)
        if at > 0:
            end = start + at
    # "said Quillon's Executive Chairman Jane Roe": the name after the title is no part of it
    name_after = _NAME_AFTER_TITLE.search(text, start, end)
    if name_after and not any(w.lower().rstrip(".") in TITLE_WORDS for w in name_after.group(1).split()):
        end = name_after.start(1)
    # "Interim Chief Financial Officer": the qualifier belongs to the title
    qualifier = _QUALIFIER.search(text, max(0, start - 10), start)
    if qualifier:
        start = qualifier.start()
    piece = text[start:end]
    # "the Chief Executive Officer and the Chief Financial Officer": two officers' titles
    second = _AND_THE.search(piece)
    if second:
        return (title_parts(text, start, start + second.start(), issuer_names)
                + title_parts(text, start + second.end(), end, issuer_names))
    commas = [start + m.start() for m in re.finditer(",", piece)]
    if not commas:
        return [(start, end)]
    bounds = [start] + [c + 1 for c in commas]
    parts = [_strip(text, a, b) for a, b in zip(bounds, commas + [end])]
    parts = [(a, b) for a, b in parts if b > a]
    # "Odell Praske, Chief Executive Officer": a leading name is not part of the title
    while len(parts) > 1 and not has_title_word(text[parts[0][0]:parts[0][1]]):
        parts = parts[1:]
    # "President, Chief Executive Officer and Director" is one title; in "President and Chief
    # Executive Officer, Director" the "and" closes no list, so the comma splits
    if _JOINER.search(text[parts[-1][0]:parts[-1][1]]):
        return [(parts[0][0], parts[-1][1])]
    if all(has_title_word(text[a:b]) for a, b in parts):
        return parts
    return [(parts[0][0], parts[-1][1])]
