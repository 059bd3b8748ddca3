"""exhibit_normalizer: clean entity edges by the guide and attach each entity's normalized value.

Span._.value holds what nlp.values makes of the mention: Money dicts for PRICE/AMOUNT, an int
for QUANTITY, canonical titles and report forms, whitespace-folded names otherwise. Once the
entities are final it sets doc.sents from the exhibit's segments (`segments`, nlp.pipeline.segmenter).
"""
from __future__ import annotations

import re
import unicodedata
from typing import List, Set, Tuple

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .. import extensions  # noqa: F401
from ..names import KEEPS_PERIOD, fold_key
from ..pattern_files import alternation, load_patterns
from ..ml.structure_features import doc_regions
from ..structure import BLANK_LINE, COLUMN_GAP, DATELINE
from ..values import normalize_value
from .person_words import may_be_name_word
from .segmenter import set_segment_sentences
from .titles import has_title_word, title_area_end, title_end_word_after, title_holders, title_list, title_parts

# by the guide a note's series and maturity are part of its name: "Senior Notes due 2029",
# "Subordinated Notes, Series A due 2055"
_SERIES = alternation(load_patterns('offering_cues')['security_series_tails'])
_MATURITY = rf"[ \t]+(?:{alternation(load_patterns('offering_cues')['security_maturity_tails'])})"
_MATURITY_TAIL = rf"(?:{_SERIES})(?:{_MATURITY})?|{_MATURITY}"
# "common share" + " purchase warrant": words that make the name another class, itself marked whole
_CLASS_TAIL = alternation(load_patterns('offering_cues')['security_class_tails'])
_SECURITY_TAIL = re.compile(rf"(?:{_CLASS_TAIL})(?:{_MATURITY_TAIL})?|{_MATURITY_TAIL}", re.IGNORECASE)
# by the guide a generational suffix is part of a person's name: "Odell J. Praske, Jr."
_GENERATION_TAIL = re.compile(rf",?[ \t]+(?:{alternation(load_patterns('names')['person_name_suffixes'])})(?![\w.])")
# the class words before a security's noun belong to its name: "Common Share purchase warrants"
_MODIFIERS = re.compile(
    rf"(?:\b(?:{alternation(load_patterns('offering_cues')['security_modifiers'])})[ \t-]+)+$", re.IGNORECASE)
_LOOK_BACK = 80  # characters searched for modifiers before a SECURITY span
# a security's name ends in its noun ("Series A warrants"), glued ones too ("PreferredShares")
_SECURITY_HEAD = re.compile(rf"(?:{alternation(load_patterns('offering_cues')['security_head_nouns'])})$", re.IGNORECASE)
# words of companies and documents: in an OFFICER span ("Royalty Trust", "U.S.C. Section") they
# name no person, alone as an ISSUER ("Registrant") no company
_COMPANY_WORDS = load_patterns("companies")
# "Jane Roe, P.C.", "Roe & Company, Inc.": a firm named after people
_FIRM_TAIL = re.compile(alternation(_COMPANY_WORDS["firm_name_tails"]))
_GENERIC_WORDS = {w.lower() for key in ("issuer_stop_words", "generic_registrant_words") for w in _COMPANY_WORDS[key]}
# a sum's or a count's scale word belongs to it, also across a line break: "2,996,667  million"
_MAGNITUDE_TAIL = re.compile(
    rf"(?:[ \t]+|[ \t]*\n[ \t]*)(?:{alternation(m for m in load_patterns('offering_cues')['magnitudes'] if m.isalpha())})\b",
    re.IGNORECASE)
_TAILS = {"SECURITY": _SECURITY_TAIL, "OFFICER": _GENERATION_TAIL, "AMOUNT": _MAGNITUDE_TAIL,
          "QUANTITY": _MAGNITUDE_TAIL, "PRICE": _MAGNITUDE_TAIL}
# a price in millions is an aggregate sum: "US$2.25" + " billion" is an AMOUNT
_SCALED_LABELS = {"PRICE": "AMOUNT"}
# a term defined in quotes: (the “Offered Debentures”), (collectively, the "US Notes")
_DEFINED_TERM = re.compile(r"[“\"]([A-Z][\w-]*(?:[ \t]+[A-Z][\w-]*){1,3})[”\"]")
_MAX_TERM_WORDS_ADDED = 2
# "Acme" + " Pharmaceuticals Holding AG" or " Bank & Trust": company words that go on a name
_NAME_WORDS = set(_COMPANY_WORDS["company_name_words"])
_ONCE_LABELS = ("ISSUER", "AGENT")
_NAME_WORD = re.compile(r"[ \t]+(?:(?:&|and)[ \t]+)?([A-Z][A-Za-z]*)\.?")
_AGENT_NOUNS = {"agent", "agents"}
_WORD_AFTER = re.compile(r"[ \t]+([A-Za-z]+)")
# a legal suffix after which a company's name ends ("Quillon, Inc."; not "Co.", as in "Co. Ltd.")
_CLOSING_SUFFIX = re.compile(r"\b(?:Inc|Corp|Ltd|LLC|L\.L\.C|plc|PLC|N\.V|S\.A|L\.P)\.?$")
# a capitalized word right before a one-word OFFICER guess, and the word before that
_FIRST_NAME_BEFORE = re.compile(r"(\S+)[ \t]+([A-Z][a-z][\w'’-]*)[ \t]+$")
_ARTICLES = {"the", "a", "an"}
# the rest of a hyphened first name and the surname after it: "Jean" + "-Luc Roe" (accents
# written as combining marks too)
_HYPHENED_REST = re.compile(r"-[A-ZÀ-Þ][\w'’\u0300-\u036f]+(?:[ \t]+[A-ZÀ-Þ][\w'’\u0300-\u036f-]+)?")
_NOT_A_NAME = set(load_patterns("names")["not_a_name"])
_GLUED_FIRST_NAME = re.compile(r"(?<=[a-z]\.)([A-ZÀ-Þ][a-zà-ÿ\u0300-\u036f]+)[ \t]+$")
_HONORIFIC = alternation(load_patterns("names")["honorifics"])
_HONORIFIC_BEFORE = re.compile(rf"\b(?:{_HONORIFIC})\.?[ \t]+$")
# by the guide an OFFICER excludes an honorific: "Dr. Ada Quill" is the OFFICER "Ada Quill"
_HONORIFIC_OPENING = re.compile(rf"(?:{_HONORIFIC})\.?[ \t]+(?=[A-Z])")
_SURNAME_AFTER = re.compile(r"[ \t]+([A-ZÀ-Þ](?:[\w\u0300-\u036f-]|['’](?!s\b))+)(?![ \t]*[.,]?[ \t]*(?:Inc|Corp|LLC|Ltd)\b)")
# nobody's name follows "the": "the “Landlord”", "the Landlord stated" name a party, not a person
_ARTICLE_BEFORE = re.compile(r"\b[Tt]he[ \t]+[“\"]?$")
# where a place is named: "headquartered in Quillon, Ohio" names a town, not the company
_PLACE_BEFORE = re.compile(r"\b(?:headquartered|based|located)[ \t]+in[ \t]+$", re.IGNORECASE)


_HOLDER_REACH = 40  # characters between a name and the title printed with it
# the "and" between one holder's officer title and another's: "Chief Executive Officer and Chief
# Financial Officer", "... Officer and Vice President of Finance"
_SECOND_HOLDERS_TITLE = re.compile(r"(?<=Officer)\s+and\s+((?:Chief|Vice|Senior|Executive)\b.*)$", re.DOTALL)

# "Corby & Vorn, A Tarnwell Company": an apposition after a firm's name that says whose it is
_DESCRIBING_ARTICLE = re.compile(r",[ \t]+an?[ \t]+$", re.IGNORECASE)


def _describes_the_name_before(span: Span, text: str) -> bool:
    """Whether an AGENT guess is the description after another firm's name ("Tarnwell Company" of
    "Corby & Vorn, A Tarnwell Company"): no firm of its own."""
    return span.label_ == "AGENT" and bool(_DESCRIBING_ARTICLE.search(text, max(0, span.start_char - 6), span.start_char))


def _in_dateline(span: Span, datelines: List[Tuple[int, int]]) -> bool:
    """Whether the span stands in a release's dateline ("GRAND RAPIDS, Mich., July 21, 2025
    /PRNewswire/ --"): a place and a date, which name no entity of the guide."""
    return any(start <= span.start_char < end for start, end in datelines)


def defined_terms(text: str) -> Set[str]:
    """The capitalized terms of two words or more the text defines in quotes."""
    return {" ".join(m.group(1).split()) for m in _DEFINED_TERM.finditer(text)}


_KEEP_PERIOD_WORDS = {"inc", "corp", "co", "ltd", "jr", "sr", "plc", "llc", "l.p", "s.a", "n.v", "bhd"}


# a price's unit is no part of it: "$0.45" of "$0.45 per share"
_MONEY_LABELS = ("PRICE", "AMOUNT")


def _is_edge_junk(token, at_end: bool) -> bool:
    if token.is_space:
        return True
    text = token.text
    if not all(unicodedata.category(c).startswith("P") for c in text):
        # by the guide no entity starts with an article: "Quillon Exploration Company" of "The Quillon ..."
        return not at_end and token.lower_ == "the" and token.i + 1 < len(token.doc) and not token.nbor().is_space
    # "Inc." keeps its period when the tokenizer split it off
    return not (at_end and text == "." and token.i > 0 and token.nbor(-1).lower_ in _KEEP_PERIOD_WORDS)


def _before_blank_line(span: Span) -> Span:
    """The part of the span before its first blank line: by the guide, no entity crosses one."""
    blank = BLANK_LINE.search(span.text)
    if blank is None:
        return span
    cut = span.doc.char_span(span.start_char, span.start_char + blank.start(), span.label_, alignment_mode="contract")
    return cut if cut is not None and len(cut) else span


def titles_after_blank_lines(span: Span) -> List[Span]:
    """The parts of a TITLE guess after its blank lines that hold a title word: a signature block
    prints "Title: Chairman of the Board and" and, after a blank line, "Chief Executive Officer",
    two titles by the guide, of which the cut at the blank line keeps the first."""
    if span.label_ != "TITLE":
        return []
    parts = []
    blanks = list(BLANK_LINE.finditer(span.text))
    for k, blank in enumerate(blanks):
        end = blanks[k + 1].start() if k + 1 < len(blanks) else len(span.text)
        if has_title_word(span.text[blank.end():end]):
            part = span.doc.char_span(span.start_char + blank.end(), span.start_char + end, "TITLE",
                                      alignment_mode="contract")
            if part is not None and len(part):
                parts.append(part)
    return parts


def trim_span(span: Span) -> Span | None:
    """The span before any blank line in it, without leading/trailing whitespace or punctuation
    tokens or a leading article; None if nothing is left."""
    span = _before_blank_line(span)
    start, end = span.start, span.end
    while start < end and _is_edge_junk(span.doc[start], at_end=False):
        start += 1
    while end > start and (_is_edge_junk(span.doc[end - 1], at_end=True)
                           or span.label_ in _MONEY_LABELS and span.doc[end - 1].lower_ == "per"):
        end -= 1
    if start == end:
        return None
    return Span(span.doc, start, end, label=span.label)


class EntityNormalizer:
    def __init__(self, name: str = "exhibit_normalizer", trim: bool = True, segments: bool = True):
        self.name = name
        self.trim = trim
        self.segments = segments

    def __call__(self, doc: Doc) -> Doc:
        if self.trim:
            trimmed = [trim_span(ent) for guess in doc.ents for ent in [guess, *titles_after_blank_lines(guess)]]
            text = doc.text  # Doc.text joins every token: build it once
            defined = defined_terms(text)
            trimmed = [self._security_head(span) if span is not None else None for span in trimmed]
            datelines = [(a, b) for a, b, label in doc_regions(doc) if label == DATELINE]
            kept = [self._with_tail(self._within_defined_term(self._with_modifiers(self._whole_person_name(
                        self._without_honorific(self._without_glued_heading(self._first_name_once(span))), text), text),
                        defined), text)
                    for span in trimmed if span is not None and not self._names_nobody(span, text)
                    and not self._sum_without_figure(span)
                    and not _describes_the_name_before(span, text) and not _in_dateline(span, datelines)]
            kept = [part for span in kept for column in self._column_parts(span)
                    for named in self._name_once(column) for part in self._firms_apart(named)]
            issuer_names = {fold_key(e.text) for e in kept if e.label_ == "ISSUER"}
            kept = [part for span in kept for part in self._without_holder(span, issuer_names)]
            doc.ents = [e for e in self._title_edges(doc, self._whole_company_names(kept, text), text)
                        if not self._names_an_agents_role(e, text)]
        for ent in doc.ents:
            ent._.value = normalize_value(ent.label_, ent.text)
        # with the entities final, doc.sents can show the segments without cutting one
        return set_segment_sentences(doc) if self.segments else doc

    @staticmethod
    def _security_head(span: Span) -> Span | None:
        """A SECURITY guess up to its last security noun, before any "per" ("Class A Share" of
        "Class A Share per warrant", "Unit" of "Unit Carries One"); None without a noun ("7.0",
        "Term Loan"). A maturity after the noun ("Notes due 2029") is put back by _with_tail."""
        if span.label_ != "SECURITY":
            return span
        end = next((t.i for t in span if t.lower_ == "per"), span.end)
        while end > span.start and not _SECURITY_HEAD.search(span.doc[end - 1].text):
            end -= 1
        if end == span.start:
            return None
        return span if end == span.end else Span(span.doc, span.start, end, label=span.label)

    @staticmethod
    def _without_glued_heading(span: Span) -> Span:
        """An OFFICER guess opening with a contact heading glued to the name by text extraction
        ("Media" of "MediaJane Roe") starts after it."""
        if span.label_ != "OFFICER" or len(span) < 3 or span[0].whitespace_ or span[0].lower_ not in _NOT_A_NAME:
            return span
        return Span(span.doc, span.start + 1, span.end, label=span.label)

    @staticmethod
    def _without_honorific(span: Span) -> Span:
        """An OFFICER guess opening with an honorific starts after it."""
        opening = _HONORIFIC_OPENING.match(span.text) if span.label_ == "OFFICER" else None
        if opening is None:
            return span
        name = span.doc.char_span(span.start_char + opening.end(), span.end_char, span.label_, alignment_mode="contract")
        return name if name is not None and len(name) else span

    @staticmethod
    def _whole_person_name(span: Span, text: str) -> Span:
        """A one-word OFFICER guess is a surname or a first name cut from the whole name: it takes
        a first name glued to a company's period before it ("Corp.Jane Roe") or written before it
        inside a sentence ("psychologist Jane Roe"), the rest of a
        hyphened first name ("Jean" of "Jean-Luc Roe") or, after an honorific, the surname after
        it ("Ms. Lee Roe")."""
        if span.label_ != "OFFICER" or len(span.text.split()) != 1:
            return span
        # after an honorific the guess is a first name when a surname follows ("Ms. Lee" + " Fan"),
        # and the capitalized word before it is no first name ("Mr Roe")
        found_start = span.start_char
        after_honorific = _HONORIFIC_BEFORE.search(text, max(0, found_start - 5), found_start) is not None
        first = _GLUED_FIRST_NAME.search(text, max(0, span.start_char - 30), span.start_char)
        if first is not None and may_be_name_word(first.group(1)):
            # "Quillon Corp.Jane" + "Roe": text extraction glued the first name to the company's period
            span = EntityNormalizer._widened(span, first.start(1), span.end_char)
        elif not after_honorific and (start := EntityNormalizer._first_name_before(span, text)) is not None:
            span = EntityNormalizer._widened(span, start, span.end_char)
        rest = _HYPHENED_REST.match(text, span.end_char)
        if rest is None and after_honorific and span.start_char == found_start:  # not widened to the left
            rest = _SURNAME_AFTER.match(text, span.end_char)
            if rest is not None and not may_be_name_word(rest.group(1)):
                rest = None
        return EntityNormalizer._widened(span, span.start_char, rest.end()) if rest else span

    @staticmethod
    def _widened(span: Span, start: int, end: int) -> Span:
        """The OFFICER span from `start` to `end`, or the span where no token starts or ends there."""
        wider = span.doc.char_span(start, end, "OFFICER", alignment_mode="contract")
        return wider if wider is not None and (wider.start_char, wider.end_char) == (start, end) else span

    @staticmethod
    def _first_name_before(span: Span, text: str) -> int | None:
        """Where a first name written right before a one-word OFFICER guess inside a sentence
        starts ("psychologist Jane" + "Roe", "principles, Jane" + "Roe", "Officer Jane" + "Roe"):
        a capitalized word after a lower-case word, a comma or a title word. Not after an
        article or in title-case text ("the Heart" + "Association", "Quillon Unveils" +
        "Vorn"), not a possessive, or a title, company, document or headline word (the caller
        leaves out a guess after an honorific)."""
        match = _FIRST_NAME_BEFORE.search(text, max(0, span.start_char - 40), span.start_char)
        if match is None:
            return None
        before, first = match.group(1), match.group(2)
        opens = before.endswith(",") or (before.isalpha() and (before.islower() and before not in _ARTICLES
                                                                or has_title_word(before)))
        possessive = first.endswith(("’s", "'s"))
        return match.start(2) if opens and not possessive and may_be_name_word(first) else None

    @staticmethod
    def _with_tail(span: Span, text: str) -> Span:
        """A span with what the guide makes part of it right after it: a security's maturity
        ("Senior Notes due 2029") or the words that make it a longer class ("common share
        purchase warrant"), a person's generational suffix (", Jr."), a sum's or a count's
        scale word ("$2.25 billion", a price so scaled being a sum)."""
        pattern = _TAILS.get(span.label_)
        tail = pattern.match(text, span.end_char) if pattern is not None else None
        if tail is None:
            return span
        label = _SCALED_LABELS.get(span.label_, span.label_) if pattern is _MAGNITUDE_TAIL else span.label_
        longer = span.doc.char_span(span.start_char, tail.end(), label, alignment_mode="contract")
        return longer if longer is not None and longer.end_char == tail.end() else span

    @staticmethod
    def _with_modifiers(span: Span, text: str) -> Span:
        """A SECURITY span with the class words written right before it ("five-year warrants")."""
        if span.label_ != "SECURITY":
            return span
        window = max(0, span.start_char - _LOOK_BACK)
        found = _MODIFIERS.search(text, window, span.start_char)
        if found is None:
            return span
        start = found.start()
        if text[start:start + 8].lower() == "purchase":  # "to purchase warrants": a verb
            return span
        longer = span.doc.char_span(start, span.end_char, span.label_, alignment_mode="contract")
        return longer if longer is not None and longer.start_char == start else span

    @staticmethod
    def _without_holder(span: Span, issuer_names: Set[str]) -> List[Span]:
        """A SECURITY guess opening with the issuer's possessive name ("Quillon's Common Stock") is
        the issuer's mention and the security: the holder is no part of the class's name."""
        if span.label_ != "SECURITY" or not issuer_names:
            return [span]
        for token in span[:-1]:
            if token.text in ("'s", "’s") and fold_key(span.doc[span.start:token.i].text) in issuer_names:
                return [Span(span.doc, span.start, token.i, label="ISSUER"), Span(span.doc, token.i + 1, span.end, label=span.label)]
        return [span]

    @staticmethod
    def _within_defined_term(span: Span, defined: Set[str]) -> Span:
        """A SECURITY span with the capitalized words before or after it that make it a term the
        exhibit defines in quotes: "Debentures" of "Offered Debentures", "Debenture" of
        "Debenture Shares", where the text has (the “Offered Debentures”), (the “Debenture Shares”)."""
        if span.label_ != "SECURITY" or not defined:
            return span
        doc = span.doc
        for size in range(1, _MAX_TERM_WORDS_ADDED + 1):
            start = span.start - size
            if start < 0 or not all(t.text[:1].isupper() for t in doc[start:span.start]):
                break
            if " ".join(doc[start:span.end].text.split()) in defined:
                return Span(doc, start, span.end, label=span.label)
        for size in range(1, _MAX_TERM_WORDS_ADDED + 1):
            end = span.end + size
            if end > len(doc) or not all(t.text[:1].isupper() for t in doc[span.end:end]):
                break
            # the term must still name a class ("Debenture Shares"), not a document ("Share Lending Agreement")
            if " ".join(doc[span.start:end].text.split()) in defined and _SECURITY_HEAD.search(doc[end - 1].text):
                return Span(doc, span.start, end, label=span.label)
        return span

    @staticmethod
    def _names_nobody(span: Span, text: str) -> bool:
        """An OFFICER guess holding a company or document word (initials aside: "Vorn Capital",
        "Royalty Trust"), or followed by a firm's legal ending ("Jane Roe, P.C."), names no
        person; an ISSUER guess that is a document word alone ("Registrant", "Inc.") names no
        company."""
        words = [w.strip(".,“”\"'").lower() for w in span.text.split()]
        if span.label_ == "OFFICER":
            return any(len(word) > 1 and (word in _GENERIC_WORDS or word in _NAME_WORDS) for word in words) or bool(
                _FIRM_TAIL.match(text, span.end_char) or _ARTICLE_BEFORE.search(text, max(0, span.start_char - 6), span.start_char))
        return span.label_ == "ISSUER" and (len(words) == 1 and words[0] in _GENERIC_WORDS
                                            or bool(_PLACE_BEFORE.search(text, max(0, span.start_char - 30), span.start_char)))

    @staticmethod
    def _sum_without_figure(span: Span) -> bool:
        """A PRICE or AMOUNT guess with no digit ("CAD $" of "CAD $3.00/Mcf", where the figure
        went to another token) names no sum; a QUANTITY may be in words ("four million")."""
        return span.label_ in _MONEY_LABELS and not any(character.isdigit() for character in span.text)

    @staticmethod
    def _names_an_agents_role(span: Span, text: str) -> bool:
        """A TITLE on "Co-Lead Agents", "Lead Placement Agent" (or "Co-Lead" before "Agents")
        names a firm's role in the offering, no officer's title; a trust's "General Agent" is one."""
        if span.label_ != "TITLE":
            return False
        words = span.text.lower().split()
        after = _WORD_AFTER.match(text, span.end_char)
        return (words[-1] in _AGENT_NOUNS or bool(after) and after.group(1).lower() in _AGENT_NOUNS) and words[0] != "general"

    @staticmethod
    def _whole_company_names(spans, text: str):
        """An ISSUER guess that opens a longer company name ("Acme" of "Acme Pharmaceuticals AG")
        becomes that name, unless the guess is the short form of another name the exhibit gives
        its issuer: then the longer name is another company's (the subsidiary "Acme Bank & Trust"
        of "Acme Bankshares, Inc.") and the guess is dropped."""
        issuer_names = {fold_key(s.text) for s in spans if s.label_ == "ISSUER"}
        out = []
        for span in spans:
            end = span.end_char
            # a name closed by its legal suffix takes no further word ("Quillon, Inc." + "Company Contact")
            closed = _CLOSING_SUFFIX.search(span.text) is not None
            word = _NAME_WORD.match(text, end) if span.label_ == "ISSUER" and not closed else None
            while word is not None and word.group(1).lower() in _NAME_WORDS:
                end = word.end()
                # a period after a word that does not keep it ends the sentence: "Acme Pharmaceuticals."
                if text[end - 1] == "." and not KEEPS_PERIOD.search(text, word.start(1), end):
                    end -= 1
                word = _NAME_WORD.match(text, end)
            if end == span.end_char:
                out.append(span)
                continue
            whole, guess = fold_key(text[span.start_char:end]), fold_key(span.text)
            named = any(name.startswith(whole) for name in issuer_names)
            short_form = any(len(name) > len(guess) and name.startswith(guess) for name in issuer_names)
            if named or not short_form:
                longer = span.doc.char_span(span.start_char, end, "ISSUER", alignment_mode="contract")
                out.append(longer if longer is not None and len(longer) else span)
        return out

    @staticmethod
    def _column_parts(span: Span) -> List[Span]:
        """An OFFICER or TITLE guess across a column gap on one line (a tab, or three spaces or
        more) is one per column: signature blocks print two signers side by side ("Ada Quill" +
        gap + "Tom Fry", their titles on the line below)."""
        if span.label_ not in ("OFFICER", "TITLE") or not COLUMN_GAP.search(span.text):
            return [span]
        parts, start = [], span.start_char
        for gap in COLUMN_GAP.finditer(span.text):
            parts.append((start, span.start_char + gap.start()))
            start = span.start_char + gap.end()
        parts.append((start, span.end_char))
        spans = [span.doc.char_span(a, b, span.label_, alignment_mode="contract") for a, b in parts]
        return [part for part in spans if part is not None and len(part) and trim_span(part) is not None]

    @staticmethod
    def _name_once(span: Span) -> List[Span]:
        """A company name the recognizer took twice in one span, as an "About" heading runs into
        the paragraph under it ("About Quillon Mining\nQuillon Mining is ..."), is two mentions."""
        if span.label_ not in _ONCE_LABELS or len(span) < 2:
            return [span]
        doc = span.doc
        for cut in range(span.start + 1, span.end):
            if doc[cut].is_space:
                continue
            first_end = cut
            while first_end > span.start and doc[first_end - 1].is_space:
                first_end -= 1
            if first_end > span.start and fold_key(doc[span.start:first_end].text) == fold_key(doc[cut:span.end].text):
                return [Span(doc, span.start, first_end, label=span.label), Span(doc, cut, span.end, label=span.label)]
        return [span]

    @staticmethod
    def _firms_apart(span: Span) -> List[Span]:
        """An AGENT guess that joins two firms with "and" ("Vorn Securities and Tarnwell & Co.
        LLC", as a syndicate is listed) is two agents; "Lafren and Company", whose second part is
        company words alone, is one firm."""
        if span.label_ != "AGENT":
            return [span]
        joins = [t.i for t in span if t.lower_ == "and" and span.start < t.i < span.end - 1]
        if len(joins) != 1:
            return [span]
        cut = joins[0]
        left, right = span.doc[span.start:cut], span.doc[cut + 1:span.end]
        if not (left[0].text[:1].isupper() and right[0].text[:1].isupper()) or all(
                t.lower_.strip(".,") in _NAME_WORDS or not t.is_alpha for t in right):
            return [span]
        return [Span(span.doc, left.start, left.end, label=span.label), Span(span.doc, right.start, right.end, label=span.label)]

    @staticmethod
    def _first_name_once(span: Span) -> Span:
        """An OFFICER span that runs into the next writing of the name ("Lyle A. Brandt\nLyle",
        "LYLE BRANDT Lyle" in a signature block) ends before the first name comes again."""
        if span.label_ != "OFFICER":
            return span
        first = re.match(r"[^\W\d_]{2,}", span.text)
        again = re.search(rf"\s+{re.escape(first.group())}\b", span.text[first.end():], re.IGNORECASE) if first else None
        if again is None:
            return span
        shorter = span.doc.char_span(span.start_char, span.start_char + first.end() + again.start(),
                                     span.label_, alignment_mode="contract")
        return shorter if shorter is not None and len(shorter) else span

    @staticmethod
    def _title_edges(doc: Doc, ents, text: str):
        issuers = {e.text for e in ents if e.label_ == "ISSUER"}
        out = []
        for ent in ents:
            if ent.label_ != "TITLE":
                out.append(ent)
                continue
            # "Chief Marketing Officer and Jane Roe": the next person's name is an OFFICER
            for start, end in title_holders(text, ent.start_char, ent.end_char):
                holder = doc.char_span(start, end, label="OFFICER")
                if holder is not None and all(may_be_name_word(word) for word in holder.text.split()):
                    out.append(holder)
            for start, end in title_parts(text, ent.start_char, ent.end_char, issuers):
                # the recognizer often finds one item of a list the guide makes one title
                # ("Chairman,\nPresident and Chief Executive Officer"): the whole list if so
                whole = title_list(text, start, end)
                joined = title_parts(text, *whole, issuers) if whole != (start, end) else []
                if len(joined) == 1:
                    start, end = joined[0]
                # "Vice President" + " of Labor Relations", or "Chief Human Resources" + " Officer",
                # where nothing else stands
                longer_end = max(title_area_end(text, start, end, issuers), title_end_word_after(text, start, end))
                if longer_end > end and not any(e.start_char < longer_end and end < e.end_char for e in ents):
                    end = longer_end
                span = doc.char_span(start, end, label="TITLE", alignment_mode="contract")
                if span is not None and len(span):
                    out.append(span)
        return EntityNormalizer._titles_of_two_holders(doc, EntityNormalizer._slash_joined_titles(doc, filter_spans(out), text))

    @staticmethod
    def _titles_of_two_holders(doc: Doc, ents):
        """"the undersigned Chief Executive Officer and Chief Financial Officer", where two officers
        sign, names two people's titles: the TITLE splits at the "and" between an officer title and
        a chief's or a vice president's ("Chief Executive Officer and Director" stays one, as does
        the joined title of an exhibit with one officer)."""
        officers = [e for e in ents if e.label_ == "OFFICER"]
        if len({fold_key(e.text) for e in officers if len(e.text.split()) > 1}) < 2:
            return ents
        out = []
        for ent in ents:
            # a title printed with a name ("NAME\nChief Executive Officer and Chief Science
            # Officer") is that one person's
            named = any(0 <= ent.start_char - o.end_char <= _HOLDER_REACH for o in officers)
            match = _SECOND_HOLDERS_TITLE.search(ent.text) if ent.label_ == "TITLE" and not named else None
            first = doc.char_span(ent.start_char, ent.start_char + match.start(), label="TITLE") if match else None
            second = doc.char_span(ent.start_char + match.start(1), ent.end_char, label="TITLE") if match else None
            out.extend([first, second] if first is not None and second is not None else [ent])
        return out

    @staticmethod
    def _slash_joined_titles(doc: Doc, ents, text: str):
        """Titles written together with a slash ("CEO/CTO", "President/CEO") are one TITLE, as the
        guide's corpus marks them."""
        out = []
        for ent in ents:  # filter_spans' order, by start
            before = out[-1] if out else None
            if (ent.label_ == "TITLE" and before is not None and before.label_ == "TITLE"
                    and text[before.end_char:ent.start_char] == "/"):
                joined = doc.char_span(before.start_char, ent.end_char, label="TITLE", alignment_mode="contract")
                if joined is not None and joined.end_char == ent.end_char:
                    out[-1] = joined
                    continue
            out.append(ent)
        return out


@Language.factory(
    "exhibit_normalizer",
    default_config={"trim": True, "segments": True},
    requires=["doc.ents", "doc.spans"],
    assigns=["doc.ents", "span._.value", "token.is_sent_start"],
)
def make_normalizer(nlp: Language, name: str, trim: bool, segments: bool) -> EntityNormalizer:
    return EntityNormalizer(name, trim, segments)
