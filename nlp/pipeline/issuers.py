"""The `issuers` step of exhibit_entity_rules: find the company whose exhibit it is, as a document-level decision.

The recognizer sees a few tokens of context; whether "Quillon" is the issuer is a question
about the whole exhibit (how often the name recurs, whether it heads the release, carries a
ticker or a "(the “Company”)" definition, opens an "About" section). This component scores
each capitalized name of the document with a logistic regression over such features, fitted
on the training examples at `initialize`, and labels every mention of the names it accepts.
"""
from __future__ import annotations

import math
import re
from typing import Callable, Dict, Iterable, List, Optional, Sequence, Set, Tuple

import numpy
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.training import Example
from spacy.util import filter_spans

# which ISSUER guesses are the issuer is decided in nlp.issuer_names (same_company kept importable here)
from ..issuer_names import (  # noqa: F401
    DEFINED_TERM, FULL, SHORT, agreed_issuer, core_key, initials_spans, leading_word_forms, mention_kind, most_mentioned,
    same_company,
)
from ..names import EXCHANGES, LEGAL_SUFFIX, alone_word_spans, fold_key, halves, is_common_word, is_ticker, printed_twice
from ..names import LEGAL_SUFFIXES_AFTER as _SUFFIX_AFTER
from ..names import LEGAL_SUFFIXES_TAKEN
from ..pattern_files import alternation, load_patterns
from ..ml.structure_features import doc_regions
from ..structure import CERTIFYING_STATEMENT, HEADLINE
from .officers import officer_name_spans
from .registrants import registrant_name_spans
from .text_cache import doc_text
from .titles import has_title_word

_COMPANIES = load_patterns("companies")
_GLUE = set(_COMPANIES["company_name_glue"])
_STOP = set(_COMPANIES["issuer_stop_words"])
# "Mr. Voss", "Dr." open a person's name, never a company's
_HONORIFICS = {h.lower() for h in load_patterns("names")["honorifics"]}
_OPENING_GLUE = set(_COMPANIES["name_opening_glue"])
_ACTION = re.compile(rf"^\W{{0,3}}({alternation(_COMPANIES['issuer_action_regexes'])})", re.I)
N_FEATURES = 12
# "Quillon Acquires Vorn Minerals, a ...": the company a headline says is acquired
_ACQUIRED_IN_HEADLINE = re.compile(
    rf"(?i:\b(?:{alternation(_COMPANIES['acquisition_headline_verbs'])})[ \t]+(?:the[ \t]+)?)"
    r"([A-Z][\w.&'’/-]*(?:[ \t]+(?:[A-Z][\w.&'’/-]*|of|and|&)){0,5})")


# the capitalized word right after a name, on its line
_NEXT_WORD = re.compile(r"[ \t\u00a0]+([A-Z][\w’'&.-]*)")
_POSSESSIVE_END = re.compile(r"[’']s$")
# words that may follow the issuer's own name: a part of it ("IR", "Board") or a company word
# ("Pharmaceuticals"), which the normalizer takes into the name
_WORDS_AFTER_OWN_NAME = {w.lower() for w in _COMPANIES["issuer_part_words"]} | set(_COMPANIES["company_name_words"])
_OFFERING = load_patterns("offering_cues")
_SECURITY_WORD = re.compile(
    rf"(?:{alternation(_OFFERING['security_modifiers'] + _OFFERING['security_head_nouns'])})\b", re.I)


def part_of_longer_name(text: str, start: int, end: int) -> bool:
    """Whether the name text[start:end] runs on into a longer name of something else: a
    subsidiary's or a product's ("Quillon Texas Utilities", "Quillon Coach"). A verb ("Quillon
    Reports"), a title or a part of the issuer ("Quillon CEO", "Quillon Investor Relations"), a
    security ("Quillon Class A Common Stock") or the name said again ("About Quillon Quillon is",
    "About Quillon Quillon’s platform")
    may follow the issuer's own name; so may anything after a name that ends with a period. A
    company word ("Quillon Pharmaceuticals") is left to the normalizer, which takes the name whole."""
    match = _NEXT_WORD.match(text, end)
    if match is None or text[end - 1] == ".":
        return False
    word = match.group(1).rstrip(".").lower()
    said_again = _POSSESSIVE_END.sub("", word) == text[start:end].split()[0].lower()  # "Quillon’s" too
    return not (word in _WORDS_AFTER_OWN_NAME or _verb_title_or_security(text, match) or said_again)


def _verb_title_or_security(text: str, next_word: re.Match) -> bool:
    """Whether the word `next_word` matched after a name opens a verb, a title or a security."""
    after = text[next_word.start(1):next_word.start(1) + 40]
    return has_title_word(next_word.group(1)) or bool(_ACTION.match(after)) or bool(_SECURITY_WORD.match(after))


_CLOSED_BY = re.compile(r"\b(?:Inc|Corp|Ltd|INC|CORP|LTD)\.")


def runs_on_past_own_name(text: str, end: int) -> bool:
    """Whether what follows the issuer's name ending at `end` is no part of it: a verb, a title or
    a security ("Quillon Announces", "QUILLON NAMES", "Quillon CEO", "Quillon Class A Common
    Stock"), or any word after a name closed by its legal suffix's period ("Quillon, Inc.
    Company Contact")."""
    match = _NEXT_WORD.match(text, end)
    return match is not None and (text[end - 1] == "." or _verb_title_or_security(text, match))


def acquired_companies(doc: Doc, text: str) -> List[str]:
    """The names the exhibit's headline gives a company being acquired (never its issuer: the
    guide's ISSUER is the company publishing the release, not what it buys)."""
    headlines = [(a, b) for a, b, label in doc_regions(doc) if label == HEADLINE][:1]
    names = []
    for start, end in headlines:
        for match in _ACQUIRED_IN_HEADLINE.finditer(text, start, end):
            words = match.group(1).split()
            while words and words[-1].lower() in ("of", "and", "&"):
                words.pop()
            if words and words[0][:1].isupper():
                names.append(" ".join(words))
    return list(dict.fromkeys(names))  # a headline repeated on a wire's summary line names it again


# "Vorn Sugar Inc. (“Vorn”), a subsidiary of the Company", "Vorn Bank, its banking subsidiary":
# a subsidiary of the issuer is another company (one described as another's subsidiary may be
# the issuer itself)
_SUBSIDIARY_KINDS = rf"(?:(?:{alternation(_COMPANIES['subsidiary_kinds'])})[ \t]+)*subsidiar(?:y|ies)"
_SUBSIDIARY = re.compile(
    r"((?:[A-Z][\w.&'’-]*[ \t]+){0,5}[A-Z][\w.&'’-]*)"
    r"(?:,?[ \t]+\((?:the[ \t]+)?[“\"]([^”\"\n]{1,40})[”\"]\))?,[ \t]+"
    rf"(?:(?:{alternation(_COMPANIES['issuer_possessives'])})[ \t]+{_SUBSIDIARY_KINDS}\b"
    rf"|an?[ \t]+{_SUBSIDIARY_KINDS}[ \t]+of[ \t]+the[ \t]+(?:{alternation(_COMPANIES['issuer_self_names'])})\b)")


def subsidiary_names(text: str) -> Set[str]:
    """The names, and quoted short names, the text gives a subsidiary in apposition, folded
    ("vorn sugar inc.", "vorn"): never the issuer's own mentions."""
    names = set()
    if "subsidiar" not in text:  # the pattern's one fixed word: most exhibits name no subsidiary
        return names
    for match in _SUBSIDIARY.finditer(text):
        names.update(fold_key(n) for n in match.groups() if n)
    return names


def _is_name_word(word: str) -> bool:
    """Capitalized, or a lower-case prefix of one or two letters before a capital ("eVorn", "iQuill")."""
    return word[:1].isupper() and word[:1].isalpha() or bool(re.match(r"[a-z]{1,2}[A-Z]", word))


def _continues_name(tokens, j: int) -> bool:
    """Whether tokens[j], which is no name word, still belongs to the name before it: lower-case
    letters the tokenizer split from a word's digit ("Q4" + "ntum")."""
    before, token = tokens[j - 1], tokens[j]
    return (not before.whitespace_ and before.text[-1:].isdigit() and before.text[:1].isalpha()
            and token.text.isalnum() and token.text.islower())


# a short number that is no year
_NAME_NUMBER = re.compile(r"(?!(?:19|20)[0-9]{2}$)[1-9][0-9]{0,3}")


def _opens_with_number(tokens, i: int) -> bool:
    """A name opening with a number ("48 Quarry Labs", "310 Larkspur Systems", "2Quill" split by the
    tokenizer): a short number, not a year, written before a name word on its line."""
    token = tokens[i]
    return (bool(_NAME_NUMBER.fullmatch(token.text))
            and i + 1 < len(tokens) and token.whitespace_ in (" ", "") and _is_name_word(tokens[i + 1].text))


def _cores(doc: Doc) -> Dict[str, str]:
    """lower-cased core name -> first surface form, for runs of capitalized tokens."""
    out: Dict[str, str] = {}
    tokens = list(doc)
    i = 0
    while i < len(tokens):
        t = tokens[i]
        if not (_is_name_word(t.text) or _opens_with_number(tokens, i)):
            i += 1
            continue
        j = i + 1
        while j < len(tokens) and j - i < 6:
            n = tokens[j]
            if "\n" in tokens[j - 1].whitespace_ or n.is_space:
                break
            if _is_name_word(n.text) or (n.lower_ in _GLUE and j + 1 < len(tokens)) or _continues_name(tokens, j):
                j += 1
                continue
            break
        while j > i and tokens[j - 1].lower_ in _GLUE:
            j -= 1
        surface = doc[_name_opening(tokens, i, j):j].text
        core = LEGAL_SUFFIX.sub("", surface).strip(" ,")
        words = core.lower().split()
        # "PURSUANT TO" in a capitalized heading is not a name: a core needs a content word
        if core and not all(_is_stop(w) for w in words) and len(core) > 1 and words[0].rstrip(".") not in _HONORIFICS:
            out.setdefault(core.lower(), core)
            if len(words) > 1 and words[0] not in _STOP and len(words[0]) > 2:
                out.setdefault(words[0], core.split()[0])  # the short form "Bexley"
        i = max(j, i + 1)
    return out


def _name_opening(tokens, i: int, j: int) -> int:
    """Where the name in the capitalized run tokens[i:j] begins: after a leading run of document
    words closed by an opening glue word ("Quarterly Report of" before "Acme Corp.")."""
    for k in range(i + 1, j - 1):
        if tokens[k].lower_ in _OPENING_GLUE:
            return k + 1 if all(_is_stop(t.lower_) for t in tokens[i:k]) else i
    return i


def _is_stop(word: str) -> bool:
    word = word.strip(".,")
    return word in _STOP or word in STOP_WORDS


_WORD_START = re.compile(r"\w+")


def word_index(text: str) -> Dict[str, List[int]]:
    """Lower-cased word -> where it starts: candidates are looked up, not searched for, so a
    long exhibit with many capitalized names does not cost names x text."""
    index: Dict[str, List[int]] = {}
    for m in _WORD_START.finditer(text):
        index.setdefault(m.group().lower(), []).append(m.start())
    return index


def _match_words(text: str, at: int, words: List[str]) -> int:
    """End of `words` (whitespace between them, any case) matched at `at`, or -1."""
    position = at
    for k, word in enumerate(words):
        if k:
            gap = position
            while position < len(text) and text[position].isspace():
                position += 1
            if position == gap:
                return -1
        if text[position:position + len(word)].lower() != word.lower():
            return -1
        position += len(word)
    return position


def _bounded(text: str, start: int, end: int) -> bool:
    """Not inside a longer word, an address or a handle ("acme.com", "@acme")."""
    if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_@./"):
        return False
    if end < len(text) and (text[end].isalnum() or text[end] in "_@"):
        return False
    return not (text[end:end + 1] == "." and end + 1 < len(text) and (text[end + 1].isalnum() or text[end + 1] == "_"))


def _occurrences(text: str, core: str, index: Optional[Dict[str, List[int]]] = None) -> List[Tuple[int, int]]:
    """Where the name recurs, in any case ("QUILLON" and "Quillon") but always capitalized."""
    first = _WORD_START.search(core)
    if index is None or first is None or first.start() != 0:
        pattern = re.compile(r"(?<![\w@./])" + r"\s+".join(map(re.escape, core.split())) + r"(?![\w@]|\.\w)", re.I)
        spans = [m.span() for m in pattern.finditer(text)]
    else:
        # looked up from the word index and compared in place: compiling a pattern per candidate
        # name cost more than the rest of the component
        words = core.split()
        ends = ((at, _match_words(text, at, words)) for at in index.get(first.group().lower(), ()))
        spans = [(at, end) for at, end in ends if end >= 0 and _bounded(text, at, end)]
    return [(a, b) for a, b in spans if text[a].isupper() or not core[:1].isupper()]


# a lead sentence's subject, described before its verb: "NAME, the pioneer of ..., today announced"
# (after the name, its legal suffix and a parenthesised definition). The description stays in
# its sentence and holds no dash or slash, which set a dateline's place and date apart from the
# sentence ("CITY, State, Date /Wire/ -- Quillon, a maker of ..., today announced")
_APPOSITIVE_SUBJECT = re.compile(
    r"[ \t]*(?:\([^()\n]{0,80}\))?[ \t]*,(?:(?!\.[ \t]+[A-Z][a-z]|[–—/]|--|[ \t]-[ \t])[^\n]){2,300}?,[ \t]*(?:\w+[ \t]+){0,2}?"
    rf"(?:{alternation(_COMPANIES['issuer_action_regexes'])})", re.I)


def _is_appositive_subject(text: str, end: int) -> bool:
    suffix = _SUFFIX_AFTER.match(text, end, end + 40)
    return bool(_APPOSITIVE_SUBJECT.match(text, suffix.end() if suffix else end, end + 400))


def name_features(text: str, core: str, spans: List[Tuple[int, int]]) -> numpy.ndarray:
    """Text-only features of one candidate name (no recognizer output, so the scorer can be
    fitted at initialize, before the recognizer is trained)."""
    n = len(text) or 1
    after = [text[e:e + 40] for _, e in spans]
    before = [text[max(0, s - 12):s] for s, _ in spans]
    f = numpy.zeros(N_FEATURES, dtype="float32")
    f[0] = math.log1p(len(spans))
    f[1] = float(any(s < 300 for s, _ in spans))
    f[2] = float(any(re.match(r"\s*\(\s*(" + "|".join(EXCHANGES) + r")\b", a, re.I) for a in after))
    f[3] = float(any(re.match(r"[^()]{0,30}\(\s*(the\s+)?[“\"][^)]{0,40}compan", a, re.I) for a in after))
    f[4] = float(any(b.rstrip().lower().endswith("about") for b in before))
    f[5] = float(any(_SUFFIX_AFTER.match(a) for a in after))
    f[6] = min(len(core.split()), 5) / 5
    f[7] = float(bool(re.fullmatch(r"[A-Z]{2,5}", core)))
    f[8] = float(any(_ACTION.match(_SUFFIX_AFTER.sub("", a, count=1).lstrip(" ,.")[:20]) for a in after))
    f[9] = spans[0][0] / n
    f[10] = float(any(re.search(r"/s/\s*$", b) for b in before))
    f[11] = float(any(_is_appositive_subject(text, end) for _, end in spans[:5]))
    return f


# a name written all in lower case, as some brands are: under an "About" heading or before a
# legal suffix ("About iquill", "iquill, Corp")
_LOWER_CASE_NAME = re.compile(
    r"^About[ \t]+([a-z][a-z0-9]{2,})[ \t]*$|(?<![\w@./-])([a-z][a-z0-9]{2,}),?[ \t]+(?:Inc|Corp|Corporation|Ltd|LLC|plc)\b",
    re.MULTILINE)


def _lower_case_cores(text: str) -> Dict[str, str]:
    """Names written all in lower case that the text also opens a sentence or a line with, as
    only a brand is ("iquill has grown"; not "its journalism, Inc. aims", the magazine)."""
    words = {m.group(1) or m.group(2) for m in _LOWER_CASE_NAME.finditer(text)}
    return {word: word for word in words if not _is_stop(word)
            and re.search(rf"(?:^|[.!?][”\"’]?[ \t]+){re.escape(word)}\b", text, re.MULTILINE)}


def doc_candidates(doc: Doc, text: str):
    """(key, core, spans) of every candidate name; `text` is doc.text, built once by the caller
    (Doc.text joins every token)."""
    index = word_index(text)
    cores = _cores(doc)
    for key, core in _lower_case_cores(text).items():
        cores.setdefault(key, core)
    for key, core in cores.items():
        spans = _occurrences(text, core, index)
        if spans:
            yield key, core, spans


_NAME_WORDS_AFTER = re.compile(r"(?:[ \t]+[A-Z][\w&'’-]*){0,2}")
# up to two more capitalized words, then a legal suffix: "Vorn" + " Transit, Inc."
_OPENS_LEGAL_NAME = re.compile(r"(?:[ \t]+[A-Z][\w&'’-]*){0,2}?" + _SUFFIX_AFTER.pattern)


def _is_legal_name(text: str, spans: List[Tuple[int, int]], lead: Tuple[int, ...] = ()) -> bool:
    """Whether a name written at `spans` opens, once at least, a name with a legal suffix
    ("Lafren Crest" of "Lafren Crest USA, Inc.") and either recurs or is written where the
    accepted name is first mentioned (`lead`: a release gives its issuer's full name in the
    headline or the opening sentence; a longer name written once further on is a subsidiary's)."""
    return (len(spans) >= 2 or any(start in lead for start, _ in spans)) and any(
        _SUFFIX_AFTER.match(text, _NAME_WORDS_AFTER.match(text, end).end(), end + 60) for _, end in spans)


class IssuerResolver:
    def __init__(self, name: str = "exhibit_entity_rules.issuers", threshold: float = 0.5, one_issuer: bool = True):
        self.name = name
        self.cfg = {"threshold": threshold, "one_issuer": one_issuer, "weights": [], "bias": 0.0}

    def initialize(self, get_examples: Callable[[], Iterable[Example]], *, nlp: Optional[Language] = None) -> None:
        """Fit the name scorer on the training examples (gold issuer names are positives)."""
        from sklearn.linear_model import LogisticRegression

        rows, labels = [], []
        for eg in get_examples():
            doc = eg.predicted
            text = doc_text(doc)
            gold = {core_key(e.text) for e in eg.reference.ents if e.label_ == "ISSUER"}
            for key, core, spans in doc_candidates(doc, text):
                rows.append(name_features(text, core, spans))
                labels.append(int(" ".join(key.split()) in gold))
        if not rows or len(set(labels)) < 2:
            return
        model = LogisticRegression(C=1.0, max_iter=1000, class_weight="balanced")
        model.fit(numpy.vstack(rows), labels)
        self.cfg["weights"] = [float(w) for w in model.coef_[0]]
        self.cfg["bias"] = float(model.intercept_[0])

    def name_probability(self, features: numpy.ndarray) -> float:
        if not self.cfg["weights"]:
            return 0.0
        # a scorer fitted before the subject feature (v3.2.30 and earlier) has 11 weights
        weights = self.cfg["weights"]
        z = float(numpy.dot(features[:len(weights)], weights) + self.cfg["bias"])
        return 1.0 / (1.0 + math.exp(-z))

    def best_candidate(self, doc: Doc, text: str, excluded: List[str] = (),
                       candidates: Optional[List[Tuple[str, str, List[Tuple[int, int]]]]] = None,
                       ) -> Optional[Tuple[float, str, List[Tuple[int, int]]]]:
        """(probability, core name, its spans) of the best-scoring name that is none of the
        `excluded` companies, or None without names; `candidates` are doc_candidates' if the
        caller has them."""
        scored = (
            (self.name_probability(name_features(text, core, spans)), core, spans)
            for _, core, spans in (doc_candidates(doc, text) if candidates is None else candidates)
            if not any(same_company(core, name, text) for name in excluded)
        )
        return max(scored, key=lambda x: x[0], default=None)

    def __call__(self, doc: Doc) -> Doc:
        if not self.cfg["weights"]:
            return doc
        # one exhibit, one issuer: only the best-scoring name is taken
        text = doc_text(doc)
        acquired = acquired_companies(doc, text)

        def is_acquired(name: str) -> bool:
            # a term the text defines in quotes ("“QWP” or the “Company”") is no mention of
            # whatever the headline says is acquired
            return any(mention_kind(name, company, text) not in (None, DEFINED_TERM) for company in acquired)

        # a common word the text also writes in lower case names no company, unless it opens a
        # name written with a legal suffix ("Vorn" of "Vorn Transit, Inc.") or the best name
        # ("Vertical" of "Vertical Lift", whose short form it is)
        candidates = list(doc_candidates(doc, text))
        common = {core for _, core, spans in candidates if is_common_word(core, text)
                  and not any(_OPENS_LEGAL_NAME.match(text, end) for _, end in spans)}
        candidates = [c for c in candidates if c[1] not in common]
        best = self.best_candidate(doc, text, acquired, candidates)
        common = {word for word in common if not (best and best[1].startswith(word + " "))}
        accepted = best if best and best[0] >= self.cfg["threshold"] else None
        ents = list(doc.ents)
        phrase_names = officer_name_spans(text)
        people = self._phrase_officer_words(text, phrase_names)
        # an ISSUER guess that is all a person's name (the surname of an officer the text names
        # in full) casts no vote for the issuer
        surnames = {e.text.split()[-1].lower() for e in ents if e.label_ == "OFFICER" and len(e.text.split()) > 1}
        recognized = most_mentioned(e.text for e in ents if e.label_ == "ISSUER"
                                    and not all(self._persons_words(e.text, people | surnames))
                                    and not is_acquired(e.text) and e.text not in common)
        # a certification states its registrant in fixed phrases ("this report on Form 10-K of
        # Quillon Corporation;"): that statement outweighs the scorer's choice and the recognizer's
        stated = most_mentioned(self._stated_registrants(doc, text))
        if stated:
            recognized = stated
            if accepted is not None and not same_company(accepted[1], stated, text):
                accepted = None
        if accepted is not None:
            ents = self._label_mentions(doc, text, ents, self._written_in_full(text, accepted[1], accepted[2], candidates))
            for short in leading_word_forms({accepted[1]: "ISSUER"}, text):  # "Kestrow" alone
                ents = self._label_mentions(doc, text, ents, alone_word_spans(text, short))
            # "About KestrowKestrow is": two mentions, where the recognizer may have taken one
            repeats = printed_twice(text, accepted[1])
            twice = {(start, end) for start, _, end in repeats}
            ents = [e for e in ents if not (e.label_ == "ISSUER" and (e.start_char, e.end_char) in twice)]
            ents = self._label_mentions(doc, text, ents, halves(repeats))
        if self.cfg.get("one_issuer", True):
            main = agreed_issuer(accepted[1] if accepted else None, recognized, text)
            if main:
                # "OPT" alone: the initials of the name as the text writes it in full, suffix included
                full_names = {main} | {e.text for e in ents
                                       if e.label_ == "ISSUER" and mention_kind(e.text, main, text) == FULL}
                initials_at = {span for name in full_names for span in initials_spans(name, text)}
                ents = self._label_mentions(doc, text, ents, sorted(initials_at))
                officers = {" ".join(e.text.split()) for e in ents if e.label_ == "OFFICER"}
                ents = [self._stray(e, officers) if e.label_ == "ISSUER" and not same_company(e.text, main, text)
                        and (e.start_char, e.end_char) not in initials_at
                        else self._own_name(e) if e.label_ == "AGENT" and same_company(e.text, main, text)
                        else self._own_name(e) if e.label_ == "OFFICER" and self._names_issuer(e.text, main, text, people)
                        else self._own_name(e) if e.label_ == "TITLE" and self._names_issuer(e.text, main, text, set())
                        and not has_title_word(e.text)
                        else e for e in ents]
                ents = [e for e in ents if e is not None]
        # a company the headline says is acquired, or a subsidiary the text names as one, is no
        # mention of the issuer, agreed or not; nor is a ticker ("(NASDAQ: QBXR)") or the opening
        # of a longer name ("Quillon Coach")
        subsidiaries = subsidiary_names(text)
        headlines = [(a, b) for a, b, label in doc_regions(doc) if label == HEADLINE]
        ents = [e for e in ents if not (e.label_ == "ISSUER" and (
            is_acquired(e.text) or fold_key(e.text) in subsidiaries or is_ticker(text, e.start_char, e.end_char)
            or e.text in common
            # in a headline every word is capitalized
            or (part_of_longer_name(text, e.start_char, e.end_char)
                and not any(a <= e.start_char < b for a, b in headlines))))]
        # the founder a company is named after, where an officer phrase names the person ("said
        # Quillon Lafren, Executive Chairman" at Quillon Lafren Inc.)
        person_at = set(phrase_names)
        ents = [Span(doc, e.start, e.end, label="OFFICER") if e.label_ == "ISSUER"
                and (e.start_char, e.end_char) in person_at else e for e in ents]
        doc.ents = filter_spans(ents)
        return doc

    @staticmethod
    def _stated_registrants(doc: Doc, text: str) -> List[str]:
        """The names a certifying statement gives its registrant in the fixed phrases (a release
        may use the same words for another company: "the results of operations of X")."""
        statements = [(a, b) for a, b, label in doc_regions(doc) if label == CERTIFYING_STATEMENT]
        if not statements:  # a release: no need to search its text
            return []
        return [text[a:b] for a, b in registrant_name_spans(text)
                if any(start <= a < end for start, end in statements)]

    @staticmethod
    def _phrase_officer_words(text: str, phrase_names: Sequence[Tuple[int, int]]) -> Set[str]:
        """The words of the names officer phrases mark as a person's ("said NAME,", "/s/ NAME")."""
        return {word.lower() for a, b in phrase_names for word in text[a:b].split()}

    @staticmethod
    def _names_issuer(name: str, issuer: str, text: str, people: Set[str]) -> bool:
        """An OFFICER guess that is the issuer's name or its short form ("Quillon" for Quillon
        Labs Inc.) is a company cut short, unless a word of it is an officer's in an officer
        phrase (a company named after its founder)."""
        return (mention_kind(name, issuer, text) in (FULL, SHORT)
                and not any(IssuerResolver._persons_words(name, people)))

    @staticmethod
    def _persons_words(name: str, people: Set[str]) -> List[bool]:
        """For each word of `name`, whether it is a person's in an officer phrase."""
        return [word.lower() in people for word in name.split()]

    @staticmethod
    def _own_name(ent: Span) -> Span:
        """An AGENT, OFFICER or TITLE guess that names the issuer (its contact block, "X engaged Y",
        a name the recognizer took for a title) is an ISSUER mention."""
        return Span(ent.doc, ent.start, ent.end, label="ISSUER")

    @staticmethod
    def _stray(ent: Span, officers: Set[str]) -> Optional[Span]:
        """An ISSUER guess that is not the issuer: the signer's printed name ("Odell Praske"
        under "/s/ Odell Praske", one of the doc's `officers` names) is an OFFICER the
        recognizer mislabelled; the rest go."""
        if " ".join(ent.text.split()) in officers:
            return Span(ent.doc, ent.start, ent.end, label="OFFICER")
        return None

    @staticmethod
    def _written_in_full(text: str, core: str, spans: List[Tuple[int, int]],
                         candidates: List[Tuple[str, str, List[Tuple[int, int]]]]) -> List[Tuple[int, int]]:
        """The mentions of an accepted name, each taken to the longest candidate name opening with
        it that the text writes once before a legal suffix, and twice or more or at one of the
        accepted name's first two mentions ("Lafren Crest" of "Lafren Crest USA, Inc." where
        "Lafren" was accepted; not "Lafren Announces", not a subsidiary's "Lafren Texas
        Utilities")."""
        opening = core.lower() + " "
        lead = tuple(start for start, _ in spans[:2])
        longer = sorted(((name, name_spans) for _, name, name_spans in candidates
                         if name.lower().startswith(opening) and _is_legal_name(text, name_spans, lead)),
                        key=lambda item: len(item[0]), reverse=True)
        ends = [dict(name_spans) for _, name_spans in longer]  # start -> end of each longer name
        return [(start, next((found[start] for found in ends if start in found), end)) for start, end in spans]

    @staticmethod
    def _label_mentions(doc: Doc, text: str, ents: List[Span], spans: List[Tuple[int, int]]) -> List[Span]:
        """Every mention of the accepted name becomes ISSUER; it also replaces a shorter ISSUER
        guess inside it ("Bexley" within "Bexley Harbor"), never an entity of another label."""
        for start, end in spans:
            # take a legal suffix right after the name ("Quillon, Inc.")
            m = LEGAL_SUFFIXES_TAKEN.match(text, end, end + 40)
            # the name ends at a suffix written with its period ("Quillon, Inc." of "Quillon,
            # Inc. Company Contact")
            closed = _CLOSED_BY.search(text, m.start(), m.end()) if m else None
            for stop in ((closed.end() if closed else m.end(), end) if m else (end,)):
                overlapping = [e for e in ents if e.start_char < stop and start < e.end_char]
                # a guess that runs on from the name into a verb, title or security is cut to it
                runs_on = runs_on_past_own_name(text, stop)
                if any(e.label_ != "ISSUER" or e.start_char < start
                       or (e.end_char > stop and not (runs_on and e.start_char == start)) for e in overlapping):
                    continue
                span = doc.char_span(start, stop, label="ISSUER", alignment_mode="strict")
                if span is not None:
                    ents = [e for e in ents if e not in overlapping] + [span]
                    break
        return ents

    def to_disk(self, path, *, exclude=tuple()):
        import srsly
        from pathlib import Path

        Path(path).mkdir(parents=True, exist_ok=True)
        srsly.write_json(Path(path) / "cfg.json", self.cfg)

    def from_disk(self, path, *, exclude=tuple()):
        import srsly
        from pathlib import Path

        file = Path(path) / "cfg.json"
        if file.exists():
            self.cfg.update(srsly.read_json(file))
        return self


def make_issuer_resolver(nlp: Language, name: str, threshold: float = 0.5, one_issuer: bool = True) -> IssuerResolver:
    return IssuerResolver(name, threshold, one_issuer)
