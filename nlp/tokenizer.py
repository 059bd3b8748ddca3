"""The exhibit tokenizers: spaCy's English tokenizer plus splits for words glued together by
text extraction from HTML, so that entity boundaries in such exhibits still fall on token
boundaries.

- exhibit.Tokenizer.v1 splits digits, lower-case words and capitals glued together
  ("29,750,000Shares", "CorporationTelephone", "VeilleuxCFO"). Models are trained with it.
- exhibit.Tokenizer.v2 also splits brackets and dashes glued between words, as newswire
  datelines print them ("(BUSINESS WIRE)–Acme", "--(BUSINESS WIRE)--Acme"), a company
  abbreviation's period glued to the next word ("ACME INC.Founded"), a run of capitals glued to
  the next word ("CEOTelephone", "LLCQuillon") and a dash opening a capitalised word
  ("-Acme Mining"). The shipped model (v3.2.12, v3.2.13) predicted with it.
- exhibit.Tokenizer.v3 also splits a closing quotation mark glued between a word and the next
  word or bracket ("“Jane Roe”Jane Roe", "(“Quillon”or", "“Quillon”)(CSE:") and a bracket
  opened right after a quotation's bracket closed ("”)(CSE:"; "601(b)(32)" stays as it is). The
  shipped model (v3.2.14 to v3.2.23) predicted with it.
- exhibit.Tokenizer.v4 keeps a one-letter lower-case prefix with the capitals after it ("iQX" of
  "iQX Companies"; v1's glued-capitals split wants two lower-case letters before them, as in
  "VeilleuxCFO") and splits the sentence's period off a form's letter ("Form 10-K." -> "10-K",
  "."), so a report's name ends on a token. The shipped model (v3.2.24 to v3.3.2) predicted with it.
- exhibit.Tokenizer.v5 is v4 reading wrapped prose as one line: the line breaks that wrapping
  put inside a paragraph (nlp.structure.soft_line_breaks) are read as spaces, so "Quillon\nInc."
  is tokenized as newswire prints it and the models see the layout they were trained on. Only
  the doc's text changes there, one character for one, so every offset holds; the breaks are
  kept in `doc.user_data` and `source_text(doc)` gives the text back as it came. The shipped
  model (from v3.3.3) predicts with it.
"""
from __future__ import annotations

import re
from typing import Iterable, Iterator, Tuple

from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex, registry

from .structure import soft_line_breaks

# VeilleuxCFO: a lower-case letter before capitals; v4 wants two ("iQX" stays whole)
_LOWER_BEFORE_CAPITALS = r"(?<=[a-z])(?=[A-Z]{2,})"
_LOWER_PAIR_BEFORE_CAPITALS = r"(?<=[a-z]{2})(?=[A-Z]{2,})"
_LOWER_PAIR_BEFORE_WORD = r"(?<=[a-z]{2})(?=[A-Z][a-z])"
GLUED_WORD_INFIXES = [
    r"(?<=[0-9])(?=[A-Za-z]{3,})",     # 29,750,000Shares
    _LOWER_PAIR_BEFORE_WORD,           # CorporationTelephone
    _LOWER_BEFORE_CAPITALS,            # VeilleuxCFO
]

# Zero-width splits and bracket or dash tokens for exhibit.Tokenizer.v2. A run of three or more capitals
# ("JPMorgan" stays whole) must be followed by a word of four letters or more ("PDFs" stays whole).
_CAPITALS_BEFORE_WORD = r"(?<=[A-Z]{3})(?=[A-Z][a-z]{3,})"
_ABBREVIATION_BEFORE_WORD = r"(?<=[A-Za-z]{2}\.)(?=[A-Z][a-z]{2,})"
GLUED_LAYOUT_INFIXES = [
    _CAPITALS_BEFORE_WORD,                         # CEOTelephone, LLCQuillon
    _ABBREVIATION_BEFORE_WORD,                     # Inc.Founded, INC.Consolidated
    r"(?<=[\w.–—-])[(\[](?=[\w$])",                # Corp.(419), YORK--(BUSINESS
    r"(?<=\w)[)\]](?=[\w–—-])",                    # WIRE)–Acme, Officer)Chief
    r"(?<=[)\]])[–—-]+(?=\w)",                     # )–Acme, )--Acme
    r"(?<=\w)[–—-]{2,}(?=[(\[])",                  # YORK--(BUSINESS
]

# Splits for exhibit.Tokenizer.v3: a closing double quotation mark glued between a word and a word or
# bracket is its own token; "’" is left alone, as it is also the apostrophe ("Quillon’s").
GLUED_QUOTE_INFIXES = [
    r"(?<=\w)[”\"](?=[\w(\[)\]])",                # “Jane Roe”Jane, “Quillon”or, “Quillon”)(CSE
    r"(?<=[”\"][)\]])[(\[](?=[\w$“\"])",          # ”)(CSE (not "601(b)(32)")
]

# where words glued by text extraction meet ("CEOTelephone", "VigPresident", "Inc.Founded"), for
# rules that read the text rather than the tokens
GLUED_WORD_BOUNDARY = re.compile("|".join(
    (_LOWER_PAIR_BEFORE_WORD, _LOWER_BEFORE_CAPITALS, _CAPITALS_BEFORE_WORD, _ABBREVIATION_BEFORE_WORD)))

# exhibit.Tokenizer.v4: v3, but a lower-case prefix of one letter no longer splits from the capitals
# after it ("iQX", "eVR" stay whole; "VeilleuxCFO" still splits), and the period after a form's
# letter ends a sentence, not an abbreviation ("Form 10-K." -> "10-K" + ".").
GLUED_WORD_INFIXES_V4 = [_LOWER_PAIR_BEFORE_CAPITALS if infix == _LOWER_BEFORE_CAPITALS else infix
                         for infix in GLUED_WORD_INFIXES]
FORM_LETTER_SUFFIXES = [r"(?<=[0-9]-[A-Z])\.", r"(?<=[0-9]-[A-Z]/A)\."]

# The shipped model predicts with v5. Token-based formats convert with v4, whose docs keep the
# text exactly as given. The training configs keep v1: fold models trained with v2 scored lower on
# cross-validation than the same models trained with v1 and given v2 afterwards
# (`python -m training.inference_tokenizer`).
SHIPPED_TOKENIZER = "exhibit.Tokenizer.v5"
FORMATS_TOKENIZER = "exhibit.Tokenizer.v4"
TRAINING_TOKENIZER = "exhibit.Tokenizer.v1"

# "--(BUSINESS" opens a token with dashes; "-Acme" opens one with a dash before a capital.
DASH_PREFIXES = [r"[–—-]{2,}", r"[–—-](?=[A-Z][a-z])"]


def _exhibit_tokenizer(nlp, infixes: list, prefixes: list, suffixes: list = ()) -> Tokenizer:
    tokenizer = registry.tokenizers.get("spacy.Tokenizer.v1")()(nlp)
    tokenizer.infix_finditer = compile_infix_regex(list(nlp.Defaults.infixes or []) + infixes).finditer
    if prefixes:
        tokenizer.prefix_search = compile_prefix_regex(list(nlp.Defaults.prefixes or []) + prefixes).search
    if suffixes:
        tokenizer.suffix_search = compile_suffix_regex(list(suffixes) + list(nlp.Defaults.suffixes or [])).search
    return tokenizer


@registry.tokenizers("exhibit.Tokenizer.v1")
def create_exhibit_tokenizer():
    def make_tokenizer(nlp) -> Tokenizer:
        return _exhibit_tokenizer(nlp, GLUED_WORD_INFIXES, [])

    return make_tokenizer


@registry.tokenizers("exhibit.Tokenizer.v2")
def create_exhibit_tokenizer_v2():
    def make_tokenizer(nlp) -> Tokenizer:
        return _exhibit_tokenizer(nlp, GLUED_WORD_INFIXES + GLUED_LAYOUT_INFIXES, DASH_PREFIXES)

    return make_tokenizer


@registry.tokenizers("exhibit.Tokenizer.v3")
def create_exhibit_tokenizer_v3():
    def make_tokenizer(nlp) -> Tokenizer:
        return _exhibit_tokenizer(nlp, GLUED_WORD_INFIXES + GLUED_LAYOUT_INFIXES + GLUED_QUOTE_INFIXES, DASH_PREFIXES)

    return make_tokenizer


@registry.tokenizers("exhibit.Tokenizer.v4")
def create_exhibit_tokenizer_v4():
    def make_tokenizer(nlp) -> Tokenizer:
        return _exhibit_tokenizer(nlp, GLUED_WORD_INFIXES_V4 + GLUED_LAYOUT_INFIXES + GLUED_QUOTE_INFIXES, DASH_PREFIXES,
                                  FORM_LETTER_SUFFIXES)

    return make_tokenizer


SOFT_BREAKS_KEY = "exhibit_soft_breaks"  # doc.user_data: the positions read as spaces


def _replaced(text: str, positions: Iterable[int], character: str) -> str:
    characters = list(text)
    for position in positions:
        characters[position] = character
    return "".join(characters)


def with_breaks_as_spaces(text: str, breaks: Iterable[int]) -> str:
    return _replaced(text, breaks, " ")


def source_text(doc: Doc) -> str:
    """The text as it was given to the tokenizer: exhibit.Tokenizer.v5 read some line breaks as
    spaces, and keeps where."""
    breaks: Tuple[int, ...] = tuple(doc.user_data.get(SOFT_BREAKS_KEY) or ())
    return _replaced(doc.text, breaks, "\n") if breaks else doc.text


class UnwrappingTokenizer:
    """A tokenizer that reads wrapping's line breaks as spaces before tokenizing; everything
    else, serialization included, is the wrapped tokenizer's."""

    def __init__(self, tokenizer: Tokenizer):
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        breaks = soft_line_breaks(text)
        doc = self.tokenizer(with_breaks_as_spaces(text, breaks))
        if breaks:
            doc.user_data[SOFT_BREAKS_KEY] = list(breaks)
        return doc

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)

    def to_disk(self, path, **kwargs) -> None:
        self.tokenizer.to_disk(path, **kwargs)

    def from_disk(self, path, **kwargs) -> "UnwrappingTokenizer":
        self.tokenizer.from_disk(path, **kwargs)
        return self

    def to_bytes(self, **kwargs) -> bytes:
        return self.tokenizer.to_bytes(**kwargs)

    def from_bytes(self, data: bytes, **kwargs) -> "UnwrappingTokenizer":
        self.tokenizer.from_bytes(data, **kwargs)
        return self

    def __getattr__(self, name: str):
        # vocab, explain, rules, memory_zone ...; never while unpickling, before `tokenizer` is set
        if name == "tokenizer":
            raise AttributeError(name)
        return getattr(self.tokenizer, name)


@registry.tokenizers("exhibit.Tokenizer.v5")
def create_exhibit_tokenizer_v5():
    make_v4 = create_exhibit_tokenizer_v4()

    def make_tokenizer(nlp) -> UnwrappingTokenizer:
        return UnwrappingTokenizer(make_v4(nlp))

    return make_tokenizer
