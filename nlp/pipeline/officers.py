"""The `officers` step of exhibit_entity_rules: officer names in the places exhibits always put them.

A Section 302/906 certification names its signer in fixed phrases: "I, NAME, certify",
"/s/ NAME" on a signature line (after a date on that line too, or wrapped onto the next line
as PDF text often is) and "Name: NAME" under it. The recognizer, trained on a few
hundred names, often misses one of them or cuts it short ("R. Ellis" for "R. Ellis Tamworth").
Press releases quote officers as "said NAME," and "NAME, Chief Executive Officer", put the title
first ("Chief Executive Officer NAME said"), announce a role ("appoints NAME as") or print the name
over its title in a contact block ("NAME\n\nChief Financial Officer"). These
phrases are nearly unambiguous, so the name they hold replaces any shorter OFFICER guess there,
and an ISSUER or AGENT guess too: the recognizer sometimes takes "I, Odell Praske, certify" for
a company, or a signer for a bank.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator, Sequence, Tuple

from spacy.language import Language

from ..pattern_files import alternation, load_patterns
from .phrases import PhraseLabeler
from .titles import TITLE_END_WORD

_NAMES = load_patterns("names")

# one word of a person's name: an initial ("W."), a capitalized word with a lower-case letter
# ("McAlistair", "Jean-Sébastien", "O'Brien"), or an all-capitals word ("PRASKE")
_CAPITAL = "A-ZÀ-ÖØ-Þ"  # accented capitals too: "Ángel", "ANDRÉS"
_WORD = rf"(?:[{_CAPITAL}][a-z]?\.|[{_CAPITAL}][A-Za-zÀ-ÖØ-öø-ÿ'’\-]*[a-zß-öø-ÿ][A-Za-zÀ-ÖØ-öø-ÿ'’\-]*|[{_CAPITAL}]{{2,}}[{_CAPITAL}'’\-]*)"
_SUFFIX = rf"(?:,?[ \t]+(?:{alternation(_NAMES['person_name_suffixes'])}))?"
_BLANK = r"[ \t]+"
_WRAP = r"(?:[ \t]+|[ \t]*\n[ \t]*)"  # inside a sentence a name may wrap onto the next line
_NAME_IN_LINE = rf"{_WORD}(?:{_BLANK}{_WORD}){{1,4}}{_SUFFIX}"
_NAME_WRAPPED = rf"{_WORD}(?:{_WRAP}{_WORD}){{1,4}}{_SUFFIX}"

_TITLE_START = (
    rf"(?:the[ \t]+(?:[Cc]ompany's[ \t]+)?)?(?:{alternation(load_patterns('titles')['title_openers'])})\b"
)

# "/s/" opens a line ("By: /s/") or follows a blank on it
_SIGNED = r"(?:^[ \t]*(?:By:?[ \t]*)?|(?<=[ \t]))/[sS]/[ \t]*(?:s/[ \t]*)?"

_PATTERNS = (
    # "I, Harriet P. Voss, certify" / "I, Lyle Brandt, the Chief Executive Officer"
    re.compile(rf"\bI,{_WRAP}?({_NAME_WRAPPED}),"),
    # "/s/ Harriet P. Voss" or "By: /s/ Harriet P. Voss, Chief Financial Officer" to the end of its
    # line, also after a date on the same line ("Date: May 2, 2023 /s/ HARRIET P. VOSS")
    re.compile(rf"(?m){_SIGNED}({_NAME_IN_LINE})[ \t]*(?=,|$)"),
    # a signature whose name starts on the next line or wraps after its first word, as text
    # extracted from a PDF column often does: "/s/\nHarriet Voss", "/s/ Harriet\nP. Voss"
    re.compile(rf"(?m){_SIGNED}\n[ \t]*({_NAME_IN_LINE})[ \t]*(?=,|$)"),
    re.compile(rf"(?m){_SIGNED}({_WORD}[ \t]*\n[ \t]*{_WORD}(?:{_BLANK}{_WORD}){{0,3}}{_SUFFIX})[ \t]*(?=,|$)"),
    # "Name: Conrad J. McAlistair" under a signature
    re.compile(rf"(?m)^[ \t]*Name:[ \t]*({_NAME_IN_LINE})[ \t]*$"),
    # press releases quote their officers: "said Jane Doe, Chief Executive Officer"
    re.compile(rf"\b(?:{alternation(_NAMES['quotation_verbs'])})[ \t]+({_NAME_IN_LINE}),"),
    # a release names an officer after the title too: "Chief Executive Officer Jane Doe said",
    # "said CEO and Founder Jane Doe."
    re.compile(rf"(?<![\w-])(?:{TITLE_END_WORD})[ \t]+({_NAME_IN_LINE})"
               rf"(?=[ \t]*(?:[,.;:)]|\n|$)|[ \t]+(?:and|{alternation(_NAMES['quotation_verbs'])})\b)"),
)
# "Mr. ", "Dr. " before a name, not part of it
_HONORIFIC = rf"(?:(?:{alternation(_NAMES['honorifics'])})\.[ \t]+)"
# "Jane Doe, Quillon's Chief Executive Officer": a title held at a company named before it
_EMPLOYER_POSSESSIVE = r"(?:(?:[A-Z][\w.&-]*[ \t]+){0,2}[A-Z][\w.&-]*['’]s[ \t]+)"
# "Jane Doe, Chief Executive Officer of" / "Jane Doe, the Company's President" / "Jane Doe (CFO)":
# found from the title backwards, as trying a name at every position of the text is slow
# "Jane Doe, Ph.D., President": degrees and credentials between the name and the title
_CREDENTIALS = rf"(?:(?:{alternation(_NAMES['professional_credentials'])}),?[ \t]+)*"
# also "Jane Doe, its Chief ...", "Jane Doe - Chief ...", and "Jane DoeChief ..." as text extraction
# glues a contact block's lines
_TITLE_AFTER_COMMA = re.compile(
    rf"(?:,[ \t]+{_CREDENTIALS}(?:(?:its|our)[ \t]+)?{_EMPLOYER_POSSESSIVE}?|[ \t]*\([ \t]*|[ \t]+[-–—][ \t]+|(?<=[a-zß-öø-ÿ])){_TITLE_START}")
# a contact or signature block prints the name on a line of its own, the title on the next
# ("Jane Doe\n\nChief Financial Officer") or after a semicolon ("Jane Doe; EVP, Chief ..."):
# found from the title line back, as trying a name on every line is slow
_TITLE_LINE = re.compile(rf"(?m)^[ \t]*{_TITLE_START}|[ \t]*[;|][ \t]*{_TITLE_START}")
_NAME_LINE_BEFORE = re.compile(rf"(?m)^[ \t]*{_HONORIFIC}?({_NAME_IN_LINE})\s*\Z")
_NAME_BEFORE_TITLE = re.compile(rf"(?<![\w.,]){_HONORIFIC}?({_NAME_IN_LINE})$")

_SIGNATURE = 1  # the index of the "/s/ NAME" pattern

# a new role, for one person or several at once: "appoints Jane Doe as Chief Financial Officer",
# "the election of Jane Doe to its Board", "appoints Jane Doe and John Roe to its Board"
_LIST_SEPARATOR = r"(?:,[ \t]+(?:and[ \t]+)?|[ \t]+and[ \t]+)"


def _name_list(most: int, least: int = 1) -> str:
    """A group of `least` to `most` names in a row: "A", "A and B", "A, B, and C"."""
    return rf"({_NAME_IN_LINE}(?:{_LIST_SEPARATOR}{_NAME_IN_LINE}){{{least - 1},{most - 1}}})"


_APPOINTEE_LIST = re.compile(
    rf"\b(?:{alternation(_NAMES['appointment_verbs'])})[ \t]+{_name_list(5)}[ \t]+(?:as|to)[ \t]"
)
_ONE_NAME = re.compile(rf"({_NAME_IN_LINE})")
# the board named as a list: "the Board includes Jane Doe, John Roe and Ann Poe" (guide v1.1:
# directors named in their board role are officers)
_BOARD_LIST = re.compile(
    rf"\b(?:{alternation(_NAMES['board_list_openers'])})[ \t]+{_name_list(12, least=2)}(?=[ \t]*[.;\n])"
)

# a signature name that wraps: "/s/ R. Ellis\nTamworth"; the next line continues it only when it is
# one capitalized word that is not the start of a title or a date line
_CONTINUATION = re.compile(rf"[ \t]*\n[ \t]*({_WORD})[ \t]*(?=\n|$)")
_NOT_A_NAME = set(_NAMES["not_a_name"])


def _title_word_in(name: str) -> bool:
    return any(word.lower().strip(".,") in _NOT_A_NAME for word in name.split())


@lru_cache(maxsize=4)  # the issuers step reads the same text's officer names
def officer_name_spans(text: str) -> Tuple[Tuple[int, int], ...]:
    """Character offsets of the names that certification and quotation phrases mark as an
    officer's, in text order, each once."""
    return tuple(sorted(set(_matches(text))))


def _names_before_titles(text: str) -> Iterator[re.Match]:
    for title in _TITLE_AFTER_COMMA.finditer(text):
        name = _NAME_BEFORE_TITLE.search(text, max(0, title.start() - 80), title.start())
        if name:
            yield name


def _names_over_title_lines(text: str) -> Iterator[re.Match]:
    for title in _TITLE_LINE.finditer(text):
        name = _NAME_LINE_BEFORE.search(text, max(0, title.start() - 120), title.start())
        if name:
            yield name


def _matches(text: str) -> Iterator[Tuple[int, int]]:
    found = [(index, m) for index, pattern in enumerate(_PATTERNS) for m in pattern.finditer(text)]
    found += [(len(_PATTERNS), m) for m in _names_before_titles(text)]
    found += [(len(_PATTERNS), m) for m in _names_over_title_lines(text)]
    found += [(len(_PATTERNS), m) for lists in (_APPOINTEE_LIST, _BOARD_LIST) for listed in lists.finditer(text)
              for m in _ONE_NAME.finditer(text, *listed.span(1))]
    for index, match in found:
        start, end = match.span(1)
        if _title_word_in(match.group(1)):  # "Vice President, Chief ..." is a title, not a name
            continue
        if index == _SIGNATURE:
            more = _CONTINUATION.match(text, end)
            # "/s/ Jane Doe\nJane\nDoe" restarts the name under the signature: no continuation
            if more and more.group(1) not in match.group(1).split() and (
                    match.group(1).endswith(".") or more.group(1).lower() not in _NOT_A_NAME):
                end = more.end(1)
        yield start, end


def make_officer_names(nlp: Language, name: str, label: str = "OFFICER",
                       overrides: Sequence[str] = ("ISSUER", "AGENT")) -> PhraseLabeler:
    return PhraseLabeler(name, label, officer_name_spans, overrides)
