"""Title edges by the guide: what one TITLE span covers.

The recognizer finds titles well but cuts them loosely at the edges: a dangling "and" before a
line break, the company after "of" ("President of Quillon"), the signer's name before a comma,
or a comma list that the guide splits into one title per item ("Executive Vice President, Chief
Financial Officer"; only a list closed by "and" stays one title).
"""
from __future__ import annotations

import re
from typing import List, Set, Tuple

from ..pattern_files import alternation, load_patterns

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


def has_title_word(text: str) -> bool:
    return any(word.lower() in TITLE_WORDS for word in _WORD.findall(text))


def _strip(text: str, start: int, end: int) -> Offsets:
    while start < end and (text[start].isspace() or text[start] == ","):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


def title_parts(text: str, start: int, end: int, issuer_names: Set[str] = frozenset()) -> List[Offsets]:
    """The TITLE spans the guide makes of text[start:end], as character offsets."""
    piece = text[start:end]
    # "Chairman of the Board and" before a line break, or "... Officer and Joseph" running into
    # the next name: the title ends before the joiner
    dangling = _DANGLING.search(piece)
    if dangling and (dangling.group(1) is None or dangling.group(1).lower() not in TITLE_WORDS):
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
    # "Interim Chief Financial Officer": the qualifier belongs to the title
    qualifier = _QUALIFIER.search(text, max(0, start - 10), start)
    if qualifier:
        start = qualifier.start()
    piece = text[start:end]
    commas = [start + m.start() for m in re.finditer(",", piece)]
    if not commas:
        return [(start, end)]
    bounds = [start] + [c + 1 for c in commas]
    parts = [_strip(text, a, b) for a, b in zip(bounds, commas + [end])]
    parts = [(a, b) for a, b in parts if b > a]
    # "Odell Praske, Chief Executive Officer": a leading name is not part of the title
    while len(parts) > 1 and not has_title_word(text[parts[0][0]:parts[0][1]]):
        parts = parts[1:]
    if _JOINER.search(text[parts[0][0]:parts[-1][1]]):
        return [(parts[0][0], parts[-1][1])]  # "President, Chief Executive Officer and Director"
    if all(has_title_word(text[a:b]) for a, b in parts):
        return parts
    return [(parts[0][0], parts[-1][1])]
