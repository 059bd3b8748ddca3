"""The `securities` step of exhibit_entity_rules: the class of security a sale is of.

"1,388,888 Offer Shares", "2,500,000 shares of the Company's common stock", "$40 Million in
Subordinated Notes", "a private placement of Subscription Receipts", "a Convertible Debenture
Offering": the class a count counts, or that an offering or a sum is of, is the offering's
SECURITY, which the recognizer misses in headlines and allocation lists. A bare "shares" names no class and is left to the recognizer.
A term the text defines for a class ("(each, a “Subscription Receipt”)") is, by the guide, a
SECURITY at every mention; the step adds the mentions the recognizer left unlabelled. The
`sale_context` step after it drops what stands outside sentences that speak of a sale.
"""
from __future__ import annotations

import re
from typing import Iterator, List, Tuple

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans

from ..pattern_files import alternation, load_patterns
from .amounts import MONEY
from .phrases import PhraseLabeler
from .quantities import COUNT_FILLERS, quantity_spans
from .text_cache import doc_text

_CUES = load_patterns("offering_cues")
_NAME_WORDS = alternation(_CUES["counted_security_words"] + _CUES["security_modifiers"])
_OF_HOLDER = r"(?:the\s+Company['’]s\s+|its\s+|our\s+)?"
# the company whose stock it is, by name: "shares of Quillon's common stock", "of Quillon Class A
# Common Stock" (capitalized words that are no security word)
_HOLDER_NAME = rf"(?:(?!(?:{_NAME_WORDS})\b)(?-i:[A-Z])[\w.&-]*(?:['’]s)?\s+){{1,3}}"
# after a count: its fillers, then the name ("73.3 million new fully paid ordinary shares"), or
# the stock a count of shares is of ("2,500,000 shares of the Company's common stock")
_COUNTED_NAME = re.compile(
    rf"\s+(?:(?:{COUNT_FILLERS})[\s-]+)*?((?:(?:{_NAME_WORDS})[\s-]+){{0,4}}"
    rf"(?:{alternation(_CUES['counted_securities'])}))\b"
    rf"(?:\s+of\s+(?:{_OF_HOLDER}|{_HOLDER_NAME})((?:(?:{_NAME_WORDS})[\s-]+){{0,3}}(?:stock|shares?))\b)?",
    re.IGNORECASE,
)
_OFFERED_NOUN = rf"(?:{alternation(_CUES['offered_security_nouns'])})"
# a name after a sum or an offering may hold capitalized words of its own ("Senior Secured Notes")
_OFFERED_NAME = rf"((?:(?:{_NAME_WORDS}|(?-i:[A-Z][a-z]+))[\s-]+){{0,4}}{_OFFERED_NOUN})\b"
_OFFERED = re.compile(
    rf"{MONEY}\s+(?:in|of)\s+(?:aggregate\s+principal\s+amount\s+of\s+)?{_OFFERED_NAME}"
    rf"|\b(?:offering|placement|issuance|sale)\s+of\s+{_OF_HOLDER}{_OFFERED_NAME}",
    re.IGNORECASE,
)
# "a $75 Million Convertible Debenture Offering": a deal named after its class; only class words
# before the noun, so a headline's capitalized words ("Announces", "Its") stay out
_DEAL_NAMED_FOR = re.compile(
    rf"\b((?:(?:{_NAME_WORDS})[\s-]+){{0,4}}{_OFFERED_NOUN})"
    rf"[ \t]+(?:{alternation(_CUES['deal_nouns_after_class'])})\b",
    re.IGNORECASE,
)
_BARE_NOUNS = {"share", "shares", "unit", "units", "stock"}  # no class: "2,500,000 shares"


def _candidates(text: str) -> Iterator[Tuple[int, int]]:
    for _, end in quantity_spans(text):
        name = _COUNTED_NAME.match(text, end)
        if name is not None:
            yield name.span(2) if name.group(2) else name.span(1)
    for offered in _OFFERED.finditer(text):
        yield offered.span(offered.lastindex)
    for deal in _DEAL_NAMED_FOR.finditer(text):
        yield deal.span(1)


def security_spans(text: str) -> List[Tuple[int, int]]:
    """Character offsets of the securities that counts count and that sums and offerings are of."""
    return sorted({(a, b) for a, b in _candidates(text) if text[a:b].lower() not in _BARE_NOUNS})


# a security class the text names by a term it defines in quotes: "(each, a “Subscription
# Receipt”)", "(the “Offered Debentures”)", "(collectively, the “New Notes”)"; not a collective
# term ("the Securities"), an old class ("the Existing Notes") or one party's option ("the “Option”")
_CLASS_NOUNS = [noun for noun in _CUES["security_head_nouns"] if noun not in _CUES["collective_security_nouns"]]
_TERM_DEFINITION = re.compile(
    r"\((?:(each|collectively|together)\s*,?\s*)?(?:an?|the)?\s*[“\"]"
    rf"((?:[A-Z][\w’'-]*[ \t]+){{0,3}}(?:{alternation(_CLASS_NOUNS)}))[”\"]", re.IGNORECASE)
# a name opened by an old word ("Existing Notes"): the issuer's old class, not the offering's
OLD_CLASS = re.compile(rf"(?:{alternation(_CUES['old_security_words'])})\b", re.IGNORECASE)
_PRICING_UNIT = re.compile(r"\bper\s+$", re.IGNORECASE)
# a capitalized word right before or after a mention makes it part of a longer name ("IDEX
# Shares"), unless it is a function word ("Each Warrant", "The Shares")
_WORD_BEFORE = re.compile(r"([A-Z][\w’'-]*)[ \t]+$")
_CAPITAL_AFTER = re.compile(r"[ \t]+[A-Z]")


def defined_security_terms(text: str) -> List[str]:
    """The security class terms the text defines in quotes, longest first."""
    terms = set()
    for definition in _TERM_DEFINITION.finditer(text):
        term = " ".join(definition.group(2).split())
        if not all(word[:1].isupper() for word in term.split()) or OLD_CLASS.match(term):
            continue
        # "(the “Option”)": one option of one party; a class is plural or defined for "each"
        if definition.group(1) is None and not term.endswith("s"):
            continue
        terms.add(term)
    return sorted(terms, key=len, reverse=True)


def defined_term_mentions(text: str) -> List[Tuple[int, int]]:
    """Every mention of a defined security term, singular or plural, its definition included;
    not a pricing unit ("per Subscription Receipt") nor a word of a longer name ("IDEX Shares"
    for the term "Shares")."""
    spans = []
    for term in defined_security_terms(text):
        stem = re.sub(r"s$", "", term)
        pattern = re.compile(r"(?<![\w-])" + r"\s+".join(map(re.escape, stem.split())) + r"s?(?![\w-])")
        for mention in pattern.finditer(text):
            start, end = mention.span()
            if _PRICING_UNIT.search(text, max(0, start - 6), start):
                continue
            before = _WORD_BEFORE.search(text, max(0, start - 30), start)
            if (before and before.group(1).lower() not in STOP_WORDS) or _CAPITAL_AFTER.match(text, end):
                continue
            spans.append((start, end))
    return spans


class SecurityNames(PhraseLabeler):
    """The counted and offered classes replace the recognizer's shorter guesses and its TITLE
    guesses on them; the mentions of a defined term fill only places where the recognizer and
    the rules found nothing."""

    def __call__(self, doc: Doc) -> Doc:
        doc = super().__call__(doc)
        if not self.active:
            return doc
        added = []
        for start, end in defined_term_mentions(doc_text(doc)):
            span = doc.char_span(start, end, label=self.label, alignment_mode="strict")
            if span is not None and not any(e.start < span.end and span.start < e.end for e in list(doc.ents) + added):
                added.append(span)
        if added:
            doc.ents = filter_spans(list(doc.ents) + added)
        return doc


# a class name the rules find replaces a TITLE guess on it: "Senior Unsecured Notes" reads like a
# title to the recognizer, but no title ends in a security's noun
_REPLACED_GUESSES = ("TITLE",)


def make_security_spans(nlp: Language, name: str, label: str = "SECURITY") -> SecurityNames:
    return SecurityNames(name, label, security_spans, _REPLACED_GUESSES)
