"""The `sale_context` step of exhibit_entity_rules: offering terms only where a sale is spoken of.

By the guide, SECURITY, QUANTITY, PRICE and AMOUNT mark securities actually offered or issued,
never earnings ("net income of $2,654,000 or $0.63 per share"), dividends, acquisition prices
or square feet. The recognizer learns the shape of money and counts better than that
condition, so this component drops those entities from sentences where neither they nor the
sentence before them mention a sale. On the corpus it removes 56 recognizer errors and no
gold entity.

Guide v1.1 also rules out the issuer's existing stock named only for its trading price, a
listing, an outstanding count or an ownership share: a SECURITY right after "9.9% of the
Company's", "holds 286,895", "the listing of its", "the trading price of the", or right before
"outstanding", "is traded on" goes too (`existing_stock_before`, `existing_stock_after`), and so
does stock repurchased ("repurchased a total of 250,000 common shares", "common share
repurchases"; `repurchase_cues`). So does a QUANTITY counting such stock or stock repurchased
("holds 286,895 shares", "94,531,671 shares outstanding", "to repurchase 1,116,312 shares"), and
an AMOUNT written by a repurchase of the issuer's own stock ("a share repurchase program of up
to $10 million"): a buyback raises nothing. Nor is a sum or price stated for an operating or
shareholder figure an offering term, even where the sentence before speaks of a sale: revenue,
earnings per share, assets under management, a dividend or par value (`operating_figure_words`,
`operating_figure_after`), nor a market or reference price ("a discount to the last closing
price of $0.35"; `reference_price_words`, as in the prices step).
"""
from __future__ import annotations

import re
from typing import List, Sequence, Set

from spacy.language import Language
from spacy.tokens import Doc

from ..pattern_files import alternation, load_patterns
from ..structure import segment_ranges
from .price_phrases import after_reference_words
from .securities import OLD_CLASS
from .text_cache import doc_text

_CUES = load_patterns("offering_cues")
SALE_WORDS = re.compile(alternation(_CUES["sale_words"]), re.IGNORECASE)
_EXISTING_BEFORE = re.compile(rf"(?:{alternation(_CUES['existing_stock_before'])})\s+$", re.IGNORECASE)
_EXISTING_AFTER = re.compile(rf"\s+(?:{alternation(_CUES['existing_stock_after'])})\b", re.IGNORECASE)
_CUE_REACH = 60
_REPURCHASE_WORDS = alternation(_CUES["repurchase_cues"])
_REPURCHASE = re.compile(_REPURCHASE_WORDS, re.IGNORECASE)
_REPURCHASE_AFTER = 30  # characters after a sum searched for a repurchase cue ("$10 million share repurchase")


def repurchase_sum(text: str, start: int, end: int) -> bool:
    """Whether the sum at text[start:end] is written by a repurchase of the issuer's own stock
    ("a share repurchase program of up to $10 million", "$1.5 billion share repurchase")."""
    return bool(_REPURCHASE.search(text, max(0, start - _CUE_REACH), min(len(text), end + _REPURCHASE_AFTER)))


# the words a count of securities runs over to its noun ("286,895 subordinate voting shares")
_COUNTED_NOUN = re.compile(
    rf"(?:\s+[\w’'-]+){{0,4}}?\s+(?:{alternation(_CUES['security_head_nouns'])})\b", re.IGNORECASE)


def counts_existing_stock(text: str, start: int, end: int) -> bool:
    """Whether the count at text[start:end] is of existing stock: held ("holds 286,895 shares"),
    outstanding after its noun ("94,531,671 shares outstanding") or repurchased."""
    noun = _COUNTED_NOUN.match(text, end, end + _CUE_REACH)
    return bool(_EXISTING_BEFORE.search(text, max(0, start - _CUE_REACH), start)
                or noun and _EXISTING_AFTER.match(text, noun.end(), noun.end() + _CUE_REACH)
                or _REPURCHASE.search(text, max(0, start - _REPURCHASE_AFTER), start))


# an operating or shareholder figure's words, then the clause up to the sum or price: no other
# figure between ("revenue for the quarter was $7.5 million"), or one sum and "or" ("a net
# loss of $2.0M or $0.02 per share")
_FIGURE_WORDS = alternation(_CUES["operating_figure_words"])
_OPERATING_FIGURE_BEFORE = re.compile(
    rf"\b(?:{_FIGURE_WORDS})\b(?:[^.;$€£\d\n]{{0,80}}|(?:[^.;\n]|\.\d){{0,40}}\bor\s+\(?)$", re.IGNORECASE)
_OPERATING_FIGURE_AFTER = re.compile(rf"\s*(?:{alternation(_CUES['operating_figure_after'])})\b", re.IGNORECASE)
_FIGURE_REACH = 100


def states_operating_figure(text: str, start: int, end: int) -> bool:
    """Whether the sum or price at text[start:end] is an operating or shareholder figure (revenue,
    earnings, assets under management, a dividend, par value), which no offering raises."""
    return bool(_OPERATING_FIGURE_BEFORE.search(text, max(0, start - _FIGURE_REACH), start)
                or _OPERATING_FIGURE_AFTER.match(text, end, end + _FIGURE_REACH))


# a repurchase earlier in the clause ("repurchased a total of 330,000 Vorn common shares") or right
# after the class ("common share repurchases")
_REPURCHASED_BEFORE = re.compile(rf"(?:{_REPURCHASE_WORDS})[^.;]*$", re.IGNORECASE)
_REPURCHASE_AFTER_CLASS = re.compile(rf"\s+(?:{_REPURCHASE_WORDS})", re.IGNORECASE)


def names_existing_stock(text: str, start: int, end: int) -> bool:
    """Whether the words around text[start:end] name existing stock: its holding, trading,
    listing or outstanding count, or its repurchase, not a sale."""
    return bool(_EXISTING_BEFORE.search(text, max(0, start - _CUE_REACH), start)
                or _EXISTING_AFTER.match(text, end, end + _CUE_REACH)
                or _REPURCHASED_BEFORE.search(text, max(0, start - _CUE_REACH), start)
                or _REPURCHASE_AFTER_CLASS.match(text, end))


# old debt: an old word right before the class ("the outstanding 4.125% senior notes") or opening
# it ("the Existing Notes"), and a term defined for such a class ("... notes due 2031 (the "2031
# Notes")"); a convertible class stays, as notes converted are SECURITY
_OLD_WORD = alternation(_CUES["old_security_words"])
# a debt noun and the maturity that may follow it ("notes due 2031")
_DEBT_CLASS_END = (rf"\b(?:{alternation(_CUES['debt_security_nouns'])})"
                   rf"(?:\s+(?:{alternation(_CUES['security_maturity_tails'])}))?")
_OLD_BEFORE = re.compile(rf"\b(?:{_OLD_WORD})\s+(?:[\d.]+%\s+)?$", re.IGNORECASE)
_DEBT_CLASS = re.compile(rf"{_DEBT_CLASS_END}$", re.IGNORECASE)
_OLD_DEBT_DEFINITION = re.compile(
    rf"\b(?:{_OLD_WORD})\s+(?:[^\s();]+\s+){{0,8}}?{_DEBT_CLASS_END}\s*\((?:the\s+)?[“\"]([^”\"\n]+)[”\"]",
    re.IGNORECASE)


def _term_key(words: str) -> str:
    return re.sub(r"s$", "", " ".join(words.lower().split()))


def old_debt_terms(text: str) -> Set[str]:
    """The terms the text defines for old debt ("outstanding 4.125% notes due 2031 (the "2031
    Notes")"), singular and lower case."""
    return {_term_key(definition.group(1)) for definition in _OLD_DEBT_DEFINITION.finditer(text)
            if _DEBT_CLASS.search(definition.group(1))}


def names_old_debt(text: str, start: int, end: int, old_terms: Set[str] = frozenset()) -> bool:
    """Whether text[start:end] names old debt of the issuer, tendered, exchanged or redeemed
    rather than offered: "Existing Notes", "outstanding 7.750% Senior Notes due 2033", or a term
    defined for such notes."""
    name = text[start:end]
    if not _DEBT_CLASS.search(name) or "convertib" in name.lower():
        return False
    return bool(OLD_CLASS.match(name) or _OLD_BEFORE.search(text, max(0, start - _CUE_REACH), start)
                or _term_key(name) in old_terms)


class SaleContext:
    def __init__(self, name: str, labels: Sequence[str]):
        self.name = name
        self.labels = set(labels)

    def _speaks_of_sale(self, text: str, segments: List, position: int) -> bool:
        for k, (start, end) in enumerate(segments):
            if start <= position < end:
                # a list item continues the sentence before it ("... sold: * 4,474,833 shares")
                context_start = segments[k - 1][0] if k else start
                return bool(SALE_WORDS.search(text, context_start, end))
        return True

    def __call__(self, doc: Doc) -> Doc:
        if not any(e.label_ in self.labels for e in doc.ents):
            return doc
        text = doc_text(doc)
        segments = segment_ranges(text)
        old_terms = old_debt_terms(text)
        doc.ents = [
            e for e in doc.ents
            if e.label_ not in self.labels or (
                self._speaks_of_sale(text, segments, e.start_char)
                and not (e.label_ == "SECURITY" and (names_existing_stock(text, e.start_char, e.end_char)
                                                 or names_old_debt(text, e.start_char, e.end_char, old_terms)))
                and not (e.label_ == "QUANTITY" and counts_existing_stock(text, e.start_char, e.end_char))
                and not (e.label_ == "AMOUNT" and repurchase_sum(text, e.start_char, e.end_char))
                and not (e.label_ in ("AMOUNT", "PRICE") and states_operating_figure(text, e.start_char, e.end_char))
                and not (e.label_ == "PRICE" and after_reference_words(text, e.start_char)))
        ]
        return doc


def make_sale_context(nlp: Language, name: str, labels: Sequence[str] = ("SECURITY", "QUANTITY", "PRICE", "AMOUNT")) -> SaleContext:
    return SaleContext(name, labels)
