"""The `mentions` step of exhibit_entity_rules: every repeat of a name the recognizer found once becomes a mention too.

The guide counts every mention by name ("About" sections, disclaimers, signature blocks). A
recognizer that finds "Bexley Minerals Ltd." in the first sentence often misses the same name
in boilerplate, so this component labels the other occurrences of the names it found (and
their short forms: the name without its legal suffix, an officer's surname).
"""
from __future__ import annotations

import re
from typing import Dict, List, Optional, Sequence, Set, Tuple

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..issuer_names import leading_word_forms, suffix_forms
from ..names import EXCHANGES, alone_word_spans, halves, printed_twice
from ..pattern_files import load_patterns
from .person_words import HEADLINE_VERB, NOT_PERSON_WORDS
from .titles import has_title_word
from .text_cache import doc_text

NAME_SUFFIXES = set(load_patterns("names")["person_name_suffix_words"])


def short_forms(label: str, text: str) -> Set[str]:
    """The name as written plus the shorter forms it is commonly repeated as."""
    name = " ".join(text.split())
    forms = {name}
    if label == "ISSUER":
        forms.update(suffix_forms(name))  # the name without its legal suffixes
    elif label == "OFFICER":
        words = [w for w in name.replace(",", " ").split() if w.lower() not in NAME_SUFFIXES]
        if len(words) >= 2 and len(words[-1]) > 2 and words[-1][0].isupper():
            forms.add(words[-1])
    return {f for f in forms if len(f) >= 3}


def first_name(name: str, text: str) -> Optional[str]:
    """The first name of an officer's name of two words or more, as releases repeat it alone
    ("Tom" for "Tom Farrow"): a capitalized word of three letters or more, not an initial and
    not a word the text also uses in lower case ("Will", "Grant" where "will", "grant" occur;
    an e-mail address "tom.farrow@" does not count)."""
    words = [w for w in name.replace(",", " ").split() if w.lower() not in NAME_SUFFIXES]
    if len(words) < 2 or len(words[0]) < 3 or not (words[0][0].isupper() and words[0][1:].islower()):
        return None
    # a word in running text, not the user part of an address ("tom.farrow@")
    if re.search(rf"(?<![\w'’@./-]){re.escape(words[0].lower())}(?![\w'’@-]|\.\w)", text):
        return None
    return words[0]


_COMPANIES = load_patterns("companies")
_NAME_GLUE = set(_COMPANIES["mention_name_glue"])
_DEFINING_WORDS = set(_COMPANIES["company_defining_words"])
_ISSUER_STOP_WORDS = set(_COMPANIES["issuer_stop_words"])
_OPEN_QUOTES = {"“", '"', "‘"}
_CLOSE_QUOTES = {"”", '"', "’"}


def _name_before(doc, index: int):
    """The capitalized name ending just before token `index` ("Bexley Minerals Ltd." before
    "(TSX-V: BXM)"), as a Span, or None."""
    end = index
    while end > 0 and doc[end - 1].is_space:
        end -= 1
    start = end
    while start > 0:
        token = doc[start - 1]
        if "\n" in token.whitespace_ or token.is_space:
            break
        if token.text[:1].isupper() or token.text[:1].isdigit() and start < end or token.lower_ in _NAME_GLUE:
            start -= 1
            continue
        break
    while start < end and (doc[start].lower_ in _NAME_GLUE or not doc[start].text[:1].isupper()):
        start += 1
    while end > start and doc[end - 1].text in (",", "&"):
        end -= 1
    if end - start < 1 or end - start > 8:
        return None
    return doc[start:end]


_PAREN_REACH = 32  # tokens searched for the ")" of a definition: "(“Quillon”, “QRC”, the “Corporation”, or ...)"


def _definition_before(doc, index: int):
    """The parenthesised definition that ends right before token `index`, as the Span inside
    its parentheses, or None."""
    if index == 0 or doc[index - 1].text != ")":
        return None
    opening = next((t.i for t in reversed(doc[max(0, index - _PAREN_REACH): index - 1]) if t.text == "("), None)
    return doc[opening + 1: index - 1] if opening is not None else None


def _quoted_terms(inside) -> List[Span]:
    """The short names quoted in a definition, less generic words and terms after "the"
    ("“Quillon”, “QRC”, the “Corporation”" gives "Quillon" and "QRC")."""
    terms, opened = [], None
    for token in inside:
        if token.text in _OPEN_QUOTES and opened is None:
            opened = token.i + 1
        elif token.text in _CLOSE_QUOTES and opened is not None:
            term = token.doc[opened: token.i]
            after_the = opened >= 2 and token.doc[opened - 2].lower_ == "the"
            generic = re.sub(r"^the\s+", "", term.text.lower()) in _DEFINING_WORDS  # "“the Company”"
            if len(term) and term[0].text[:1].isalpha() and not generic and not after_the:
                terms.append(term)
            opened = None
    return terms


def _quotes_company_word(inside) -> bool:
    """Whether a definition quotes a company word as a term ("the “Company”", "“the Issuer”")."""
    doc = inside.doc
    def quoted(i: int) -> bool:
        return i >= 1 and (doc[i - 1].text in _OPEN_QUOTES
                           or i >= 2 and doc[i - 1].lower_ == "the" and doc[i - 2].text in _OPEN_QUOTES)

    return any(t.lower_ in _DEFINING_WORDS and quoted(t.i) for t in inside)


def _written_short_names(doc, index: int) -> List[Span]:
    """The short names a parenthesis opening at token `index` defines in quotes alone, written
    as words ("(“Quillon Brands”)"); an abbreviation there ("(“QBI”)") may be another party's."""
    if index + 1 >= len(doc) or doc[index].text != "(" or doc[index + 1].text not in _OPEN_QUOTES:
        return []
    close = next((t.i for t in doc[index + 1: index + _PAREN_REACH] if t.text == ")"), None)
    inside = doc[index + 1: close] if close is not None else None
    if inside is None or any(t.lower_ in _DEFINING_WORDS for t in inside):
        return []  # "(“Vorn” or “the Company”)": the definition's own turn takes it
    return [term for term in _quoted_terms(inside) if any(c.islower() for c in term.text)]


def issuer_seeds(doc) -> List[Span]:
    """Names the text itself marks as the publishing company: the first "NAME (NASDAQ: TICK)"
    (also after a definition: "NAME (“SHORT”) (NASDAQ: TICK)") and "NAME (“SHORT” or the
    “Company”)", with the quoted short names."""
    seeds: List[Span] = []
    exchange_seen = False
    for token in doc[:-2]:
        if token.text != "(":
            continue
        following = doc[token.i + 1: token.i + 7]
        words = " ".join(t.lower_ for t in following if not t.is_punct)
        marks_exchange = (
            not exchange_seen
            and any(words.startswith(x) for x in EXCHANGES)
            and any(t.text == ":" for t in following)
        )
        close_paren = next((t.i for t in doc[token.i + 1: token.i + _PAREN_REACH] if t.text == ")"), token.i + 1)
        inside = doc[token.i + 1: close_paren]
        # "(“Bexley” or the “Company”)" and "(the “Company” or “Bexley”)"; not "(the “Offer
        # Price”), raising ... to the Company": the company word is one of the quoted terms
        opening = following[1:2] if len(following) > 1 and following[0].lower_ == "the" else following[:1]
        defines_company = _quotes_company_word(inside) and len(opening) > 0 and opening[0].text in _OPEN_QUOTES
        if not (marks_exchange or defines_company):
            continue
        name = _name_before(doc, token.i)
        definition = _definition_before(doc, token.i) if marks_exchange and name is None else None
        if definition is not None:  # "Quillon Brands, Inc. (“QBI”) (OTC PINK: QBIX)"
            name = _name_before(doc, definition.start - 1)
            seeds.extend(_quoted_terms(definition))
        if name is not None:
            exchange_seen = exchange_seen or marks_exchange
            seeds.append(name)
            if marks_exchange:  # "NAME (NYSE: TICK) (“Short Name”)"
                seeds.extend(_written_short_names(doc, close_paren + 1))
        if defines_company:  # "(“Bexley” or “the Company”)" may follow "(TSX-V: BXM)", not the name
            seeds.extend(_quoted_terms(inside))
    return seeds


def _pattern(form: str, flags: int = 0) -> re.Pattern:
    return re.compile(r"(?<![\w@./])" + r"\s+".join(map(re.escape, form.split())) + r"(?![\w@]|\.\w)", flags)


def _form_spans(text: str, form: str, label: str, repeats: List[Tuple[int, int, int]]) -> List[Tuple[int, int]]:
    """Where a name form recurs; a surname only where it stands alone: not "the Voss family",
    not "Voss Entities" (another name). A name of two words or more recurs in any case: a
    signature prints "/s/ HARRIET VOSS" over the typed "Harriet Voss", a heading "VORN MINERALS
    LTD." (one word in capitals is too often an acronym of something else). A name printed
    twice with nothing between (`repeats`: "About VornVorn is") is two mentions."""
    if label == "OFFICER" and " " not in form:
        spans = [(a, b) for a, b in alone_word_spans(text, form) if not text[max(0, a - 4):a].lower() == "the "]
    elif " " in form:
        spans = [m.span() for m in _pattern(form, re.IGNORECASE).finditer(text) if m.group()[:1].isupper()]
    else:
        spans = [m.span() for m in _pattern(form).finditer(text)]
    return sorted(set(spans).union(halves(repeats)))


_REPLACES = {"OFFICER": ("AGENT",), "ISSUER": ("AGENT",)}  # guesses a repeat of the name replaces
# a company's name cut short ("Tarnwell Brands" of "Tarnwell Brands Corporation") is no person
_SHORTENED_ISSUER_REPLACES = ("AGENT", "OFFICER")
# the recognizer often takes an officer's first name alone ("Tom will lead") for a company
_FIRST_NAME_REPLACES = ("AGENT", "ISSUER")


def _seed_may_take(seed: Span, guess: Span) -> bool:
    """Whether a name the text marks as its own may replace an entity guess on it: an AGENT or
    OFFICER guess, or an ISSUER guess the name holds and lengthens at its start with capitalized
    name words ("Vorn Minerals Inc." inside "Blue Vorn Minerals Inc."; not inside "About
    Vorn Minerals Inc." or "Quarterly Report of Vorn Minerals Inc.", `issuer_stop_words`)."""
    if guess.label_ in _SHORTENED_ISSUER_REPLACES:
        return True
    if guess.label_ != "ISSUER" or not (seed.start < guess.start and guess.end == seed.end):
        return False
    added = seed.doc[seed.start: guess.start]
    return all(t.text[:1].isupper() and t.lower_ not in _ISSUER_STOP_WORDS for t in added)


# names listed with an officer's in one sentence ("Jane Roe, Tom Fry and Ada Quill will join the
# Board"): a person's name of two or three words, an honorific or a parenthesis allowed
_PERSON = r"(?:(?:Mr|Ms|Mrs|Dr)\.[ \t]+)?([A-Z][a-zà-ÿ'’-]+(?:[ \t]+[A-Z]\.)?(?:[ \t]+[A-Z][a-zà-ÿ'’-]+){1,2})"
_LIST_GAP = r"(?:[ \t]*\([^()\n]{1,40}\))?(?:,[ \t]+(?:and[ \t]+)?|[ \t]+and[ \t]+)"
_LISTED_AFTER = re.compile(_LIST_GAP + _PERSON + r"\b")
_LISTED_BEFORE = re.compile(_PERSON + _LIST_GAP + r"$")
_LIST_REACH = 80
# a list of officers names their roles: a board, a committee, an appointment ("Jane Roe, Tom Fry and
# Ada Quill will serve on the Board"); a list of investors or brands does not
_ROLE_CUE = re.compile(r"\b(?:board|directors?|committee|appoint\w*|elect\w*|nominat\w*|serv(?:e|es|ing)\s+as)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bMrs)(?<!\b[A-Z])[.!?](?:\s|$)|\n")


def _person_shaped(name: str) -> bool:
    words = [w.strip(".,").lower() for w in name.split()]
    return not (has_title_word(name) or any(w in NOT_PERSON_WORDS for w in words) or HEADLINE_VERB.match(words[0]))


def _names_roles(text: str, start: int, end: int) -> bool:
    """Whether the sentence around text[start:end] speaks of a board, a committee or a role."""
    before = [m.end() for m in _SENTENCE_END.finditer(text, max(0, start - 300), start)]
    after = _SENTENCE_END.search(text, end)
    return bool(_ROLE_CUE.search(text, before[-1] if before else max(0, start - 300), after.start() if after else len(text)))


def listed_names(text: str, officers: Sequence[Tuple[int, int]], taken: Sequence[Tuple[int, int]]) -> List[Tuple[int, int]]:
    """The person-shaped names listed with an OFFICER's in its sentence, where no entity stands;
    each found name extends the list in turn."""
    found: List[Tuple[int, int]] = []
    occupied = list(taken)
    queue = [o for o in officers if _names_roles(text, *o)]
    while queue:
        start, end = queue.pop()
        for match in (_LISTED_AFTER.match(text, end), _LISTED_BEFORE.search(text, max(0, start - _LIST_REACH), start)):
            if match is None or not _person_shaped(match.group(1)):
                continue
            name = match.span(1)
            if any(a < name[1] and name[0] < b for a, b in occupied):
                continue
            found.append(name)
            occupied.append(name)
            queue.append(name)
    return sorted(found)


class MentionPropagator:
    def __init__(
        self,
        name: str = "exhibit_entity_rules.mentions",
        labels: Sequence[str] = ("ISSUER", "OFFICER"),
        seed_issuers: bool = True,
        first_names: bool = True,
    ):
        self.name = name
        self.labels = list(labels)
        self.seed_issuers = seed_issuers
        self.first_names = first_names

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        if "OFFICER" in self.labels:
            listed = listed_names(text, [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "OFFICER"],
                                  [(e.start_char, e.end_char) for e in doc.ents])
            spans = [doc.char_span(a, b, label="OFFICER") for a, b in listed]
            if any(spans):
                doc.ents = filter_spans(list(doc.ents) + [s for s in spans if s is not None])
        forms: Dict[str, str] = {}
        shortened: Set[str] = set()  # issuer names without their legal suffix
        for ent in doc.ents:
            # a lone one-word "officer" is too often a mislabelled company or place to spread
            if ent.label_ in self.labels and not (ent.label_ == "OFFICER" and len(ent.text.split()) < 2):
                for form in short_forms(ent.label_, ent.text):
                    forms.setdefault(form, ent.label_)
                    if ent.label_ == "ISSUER" and form != " ".join(ent.text.split()):
                        shortened.add(form)
                        forms[form] = "ISSUER"  # also where an OFFICER guess came first: a company cut short
        # "Kestrow" for "Kestrow Aerospace" counts only where it stands alone
        leading = leading_word_forms(forms, text) - set(forms) if "ISSUER" in self.labels else set()
        if self.seed_issuers and "ISSUER" in self.labels:
            # the names the text marks as its own, also where the recognizer took another
            # company for the issuer (the issuers step then decides between them)
            for span in issuer_seeds(doc):
                # over an AGENT or OFFICER guess too: the text's own "(the “Company”)" outweighs
                # it, also for a company named after a person ("(the “Company” or “Jane Roe”)")
                if not any(e.start < span.end and span.start < e.end and not _seed_may_take(span, e)
                           for e in doc.ents):
                    for form in short_forms("ISSUER", span.text):
                        forms[form] = "ISSUER"  # the company's own name, whatever the recognizer took it for
                        shortened.add(form)
        # a first name that is a word of a company's name of two words or more is that company's
        # ("Quillon" of an OFFICER guess "Quillon Mining" is the issuer the issuers step will find)
        company_names = [form for form, label in forms.items() if label == "ISSUER"]
        company_names += [e.text for e in doc.ents if e.label_ in ("ISSUER", "AGENT")]
        company_words = {w for name in company_names if len(name.split()) > 1 for w in name.split()}
        # once per officer name, not per mention: each looks for the word in lower case in the text
        officer_names = {e.text for e in doc.ents if e.label_ == "OFFICER"}
        spread = self.first_names and "OFFICER" in self.labels
        first_names = {first_name(name, text) for name in officer_names} - {None} if spread else set()
        given_names: Set[str] = set()
        for given in first_names - company_words:
            # over a one-word ISSUER guess too: an officer's first name alone is the officer
            forms[given] = "OFFICER"
            given_names.add(given)
        if not forms:
            return doc
        repeats = {form: printed_twice(text, form) for form in forms}
        found = {form: _form_spans(text, form, label, repeats[form]) for form, label in forms.items()}
        found.update({word: alone_word_spans(text, word) for word in leading})
        forms.update({word: "ISSUER" for word in leading})
        taken = {(e.start_char, e.end_char): e.label_ for e in doc.ents}
        # a guess over a name printed twice ("VornVorn") gives way to its two halves
        twice = {(start, end) for found_twice in repeats.values() for start, _, end in found_twice}
        replaced: Set[Tuple[int, int]] = set()
        new: List[Span] = []
        # longest forms first, so "Bexley Minerals Ltd." wins over "Bexley Minerals"
        for form in sorted(forms, key=len, reverse=True):
            label = forms[form]
            replaces = (_SHORTENED_ISSUER_REPLACES if form in shortened
                        else _FIRST_NAME_REPLACES if form in given_names else _REPLACES.get(label, ()))
            for start, end in found[form]:
                overlapping = [(s, e) for s, e in taken if s < end and start < e]
                # a shorter guess of the same label inside a repeat of the name gives way to it
                # ("R. Hahn" where the block prints "Gregory\nR. Hahn" again), and so does an
                # AGENT guess: a name found as the officer or the issuer is nobody's bank
                if any(taken[o] not in (label, *replaces) or (o[0] < start or o[1] > end) and o not in twice
                       or o == (start, end) and taken[o] == label for o in overlapping):
                    continue
                span = doc.char_span(start, end, label=label, alignment_mode="strict")
                if span is None or any(t.like_url or t.like_email for t in span):
                    continue
                new.append(span)
                replaced.update(overlapping)
                for o in overlapping:
                    del taken[o]
                taken[(start, end)] = label
        if new:
            kept = [e for e in doc.ents if (e.start_char, e.end_char) not in replaced]
            doc.ents = filter_spans(kept + [s for s in new if (s.start_char, s.end_char) in taken])
        return doc

    def initialize(self, get_examples, *, nlp=None) -> None:
        """Keep only the labels the training data has, so that a corpus with another label set
        never gets ISSUER mentions seeded from "(NASDAQ: TICK)" marks."""
        seen = {ent.label_ for eg in get_examples() for ent in eg.reference.ents}
        self.labels = [label for label in self.labels if label in seen]

    def to_disk(self, path, *, exclude=tuple()):
        import srsly
        from pathlib import Path

        Path(path).mkdir(parents=True, exist_ok=True)
        srsly.write_json(Path(path) / "cfg.json", {"labels": self.labels})

    def from_disk(self, path, *, exclude=tuple()):
        import srsly
        from pathlib import Path

        file = Path(path) / "cfg.json"
        if file.exists():  # a model saved without it keeps the configured labels
            self.labels = list(srsly.read_json(file)["labels"])
        return self


def make_mention_propagator(
    nlp: Language, name: str, labels: Sequence[str] = ("ISSUER", "OFFICER"), seed_issuers: bool = True,
    first_names: bool = True,
) -> MentionPropagator:
    return MentionPropagator(name, list(labels), seed_issuers, first_names)
