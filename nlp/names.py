"""Company-name vocabulary shared by the components that find, extend and invent names."""
import re
from functools import lru_cache
from typing import List, Tuple

from .pattern_files import alternation, alternation_group, load_patterns


def fold_key(name: str) -> str:
    """A name as compared regardless of case and spacing ("ACME  Corp." = "Acme Corp.")."""
    return " ".join(name.split()).casefold()


# one legal suffix at the end of a name; stripped repeatedly to get the short forms
LEGAL_SUFFIX = re.compile(
    r",?\s+(?:Inc|Incorporated|Corp|Corporation|Co|Company|Ltd|Limited|LLC|L\.L\.C|plc|PLC|"
    r"S\.A|N\.V|AG|SE|LP|L\.P|Ltée|Holdings?)\.?$",
    re.IGNORECASE,
)

# any run of legal suffixes ending a name ("Holdings, Inc."), to split off the core
LEGAL_SUFFIXES_AT_END = re.compile(
    r"(,?\s+(?:Inc|Incorporated|Corp|Corporation|Co|Company|Ltd|Limited|LLC|plc|PLC|S\.A|N\.V|"
    r"AG|SE|LP|L\.P|Trust|Group|Holdings)\.?)+$",
    re.IGNORECASE,
)

# a run of legal suffixes right after a name: "Quillon" + ", Inc."
LEGAL_SUFFIXES_AFTER = re.compile(
    r"(?:,?[ \t]+(?:Holdings|Group|Inc|Incorporated|Corp|Corporation|Ltd|Limited|LLC|plc|Co|"
    r"Company|S\.A|N\.V|AG|SE|L\.P|LP)\b\.?)+"
)

# the legal suffixes a mention of the issuer is taken to: also after a registered mark
# ("Quillon® Inc.") and in the capitals of a financial statement's heading ("QUILLON, INC.")
LEGAL_SUFFIXES_TAKEN = re.compile(
    r"[®™]?(?:" + LEGAL_SUFFIXES_AFTER.pattern + "|"
    r"(?:,?[ \t]+(?:HOLDINGS|GROUP|INC|INCORPORATED|CORP|CORPORATION|LTD|LIMITED|LLC|PLC|CO|COMPANY)\b\.?)+)"
)

# a legal suffix whose final period belongs to the name, not the sentence ("Quillon Labs Co.")
KEEPS_PERIOD = re.compile(rf"(?:{alternation(load_patterns('companies')['suffixes_keeping_period'])})\.$")

# exchange names that open a ticker reference: "(NASDAQ: ACME)"
EXCHANGES = {
    "nasdaq", "nyse", "tsx", "tsxv", "tsx-v", "cse", "otc", "otcqb", "otcqx", "asx", "amex",
    "frankfurt", "fse", "lse", "aim", "neo", "cboe", "nyse american", "otc markets", "tase",
}


# title words that may follow a company's name written before an officer's title ("Kestrow CFO
# Jane Roe", "Kestrow Chief Executive Officer")
_TITLE_AFTER_NAME = alternation(load_patterns("titles")["title_words"])


_NEXT_CAPITALIZED = re.compile(r"[ \t\u202f]+[A-Z]")
_TITLE_WORD = re.compile(rf"(?i:{_TITLE_AFTER_NAME})\b")


def alone_word_spans(text: str, word: str) -> List[Tuple[int, int]]:
    """Where `word` stands alone as a name: not inside an address and not followed by another
    capitalized word ("Kestrow Issuer", "Kestrow Water" are other names) but a title's
    ("Kestrow CFO Jane Roe")."""
    spans = []
    for match in re.finditer(r"(?<![\w@./])" + re.escape(word) + r"(?![\w@]|\.\w)", text):
        after = _NEXT_CAPITALIZED.match(text, match.end())
        if after is None or _TITLE_WORD.match(text, after.end() - 1):
            spans.append(match.span())
    return spans


def printed_twice(text: str, name: str) -> List[Tuple[int, int, int]]:
    """(start, middle, end) where `name` is printed twice with nothing between: text extraction
    runs a heading "About Quillon" into its paragraph "Quillon is ...", giving "About
    QuillonQuillon is". Each half is a mention, though a letter touches it on one side."""
    once = r"\s+".join(map(re.escape, name.split()))
    twice = re.compile(rf"(?<![\w@./])({once})({once})(?![\w@]|\.\w)")
    return [(match.start(), match.end(1), match.end()) for match in twice.finditer(text)]


def halves(repeats: List[Tuple[int, int, int]]) -> List[Tuple[int, int]]:
    """The two mentions of each name `printed_twice`."""
    return sorted(half for start, middle, end in repeats for half in ((start, middle), (middle, end)))


# what ends right before a ticker: "(NASDAQ: ", "under the symbol “"
_TICKER_MARK = re.compile(alternation_group(load_patterns("companies")["ticker_marks"]) + r"$", re.IGNORECASE)
_TICKER_SHAPE = re.compile(r"[A-Z][A-Z0-9.]*[A-Z0-9]")


def is_ticker(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is a ticker: one word in capitals right after an exchange mark or
    a symbol cue ("(NASDAQ: QBXR)", ", OTC: QBXRF", "under the symbol “QBXR”")."""
    return bool(_TICKER_SHAPE.fullmatch(text, start, end)) and bool(_TICKER_MARK.search(text[max(0, start - 40):start]))


_TITLE_CASE_WORD = re.compile(r"[A-Z][a-z]+")


# a lower-case word of prose: not part of a web or mail address
_PROSE_WORD = re.compile(r"(?<![\w.@/#-])([a-z]+)(?![\w@-]|\.[a-z])")
_QUOTED_WORD = re.compile(r"[“\"]([A-Z][a-z]+)[”\"]")


@lru_cache(maxsize=4)  # the issuers step asks for every candidate of one text
def _words_of(text: str) -> Tuple[frozenset, frozenset]:
    """The lower-case prose words of `text` and the capitalized words it defines in quotes."""
    return frozenset(_PROSE_WORD.findall(text)), frozenset(_QUOTED_WORD.findall(text))


def is_common_word(name: str, text: str) -> bool:
    """Whether `name` is one capitalized word that the text also writes in lower case as a word of
    its prose ("Fan" of "Fan Experience" beside "every fan"): a common word a headline or a
    product capitalizes, not a company's name. A web or mail address ("quillon.com",
    "ir@quillon") is no prose, and a word the text defines in quotes (“Vertical”) is a name."""
    if not _TITLE_CASE_WORD.fullmatch(name):
        return False
    prose, quoted = _words_of(text)
    return name.lower() in prose and name not in quoted
