"""The `agents` step of exhibit_entity_rules: the banks a release names in its "acting as ... agent" sentence.

Offering releases list their placement agents and underwriters in one sentence: "Hollisfield
& Co. LLC, R.T. Ambrose, Carrowby and Denholm Securities are acting as joint book-running
managers". The recognizer often takes two of four; every name in that list is an AGENT. So is
each firm the release says copies of the prospectus can be had from, named before its address.
"""
from __future__ import annotations

import re
from typing import Iterator, List, Tuple

from spacy.language import Language
from spacy.tokens import Doc

from ..pattern_files import alternation, load_patterns
from ..structure import sentence_end, sentence_start
from .phrases import PhraseLabeler
from .text_cache import doc_text

_CUES = load_patterns("offering_cues")
_COMPANIES = load_patterns("companies")
_ADVERB = r"\s+"  # each adverb of the role is followed by its own space ("jointly acting")

_ROLE = re.compile(
    rf"\b(?:(?:{alternation(_CUES['agent_role_auxiliaries'])})\s+"
    rf"(?:{alternation(word + _ADVERB for word in _CUES['agent_role_adverbs'])})?"
    rf"(?:{alternation(_CUES['agent_role_verbs'])})|{alternation(_CUES['agent_role_bare_verbs'])})"
    # the words between "as" and the role: not another party's role ("as counsel to the agent")
    rf"\s+as\s+(?:(?!\b(?:{alternation(_CUES['agent_role_other_parties'])})\b)[^.\n]){{0,60}}?"
    rf"\b(?:{alternation(_CUES['agent_roles'])})\b",
    re.IGNORECASE,
)
_LIST_SEPARATOR = re.compile(r",\s+(?:and\s+)?|\s+and\s+")
# ", LLC" and "and Company" end the name before them ("Pellworth and Company"), not a new one
_LEGAL_TAIL = re.compile(rf"^(?:{alternation(_COMPANIES['legal_tails'])})$")
_GLUE = set(_COMPANIES["agent_name_glue"])
_NAME_OPENER = re.compile(r"(?:The|[Ww]ith)\s+")


def _list_items(text: str, start: int, end: int) -> Iterator[Tuple[int, int]]:
    """The names of "A, B and C" in text[start:end], each (start, end)."""
    items: List[Tuple[int, int]] = []
    position = start
    for sep in _LIST_SEPARATOR.finditer(text, start, end):
        if text.count("(", start, sep.start()) > text.count(")", start, sep.start()):
            continue  # inside an aside: "KTV Capital, LLC (a division of Marlow Finch, Inc)"
        items.append((position, sep.start()))
        position = sep.end()
    items.append((position, end))
    # an item ends before its parenthesised aside
    items = [(a, a + text[a:b].find("(") if "(" in text[a:b] else b) for a, b in items]
    merged: List[Tuple[int, int]] = []
    for a, b in items:
        if merged and _LEGAL_TAIL.match(text[a:b].strip()):
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    for a, b in _partnership_names(text, merged):
        # "The Brennick Company", "with Olmsby Partners LLC, acting as": words before the name
        while (opener := _NAME_OPENER.match(text, a, b)) is not None:
            a = opener.end()
        b = a + len(text[a:b].rstrip())
        words = text[a:b].split()
        names_only = all(w[:1].isupper() or w[:1].isdigit() or w in _GLUE for w in words)
        # "A Vexley Company" after a bank's name describes it; no name opens with an article
        described = words[:1] in (["A"], ["An"])
        if words and words[0][:1].isupper() and names_only and len(words) <= 6 and not described:
            yield a, b


_SURNAME = r"[A-Z][\w'’-]*"
_PARTNERS_LAST = re.compile(rf"{_SURNAME}\s+&\s+{_SURNAME}")
_ONE_SURNAME = re.compile(_SURNAME)


def _partnership_names(text: str, items: List[Tuple[int, int]]) -> List[Tuple[int, int]]:
    """Items rejoined where a list split a partnership's name at its commas: "Corby, Dunmore &
    Pratt" is one firm, its single surnames joined by commas up to a last "Surname & Surname"."""
    joined: List[Tuple[int, int]] = []
    for a, b in items:
        if _PARTNERS_LAST.fullmatch(text[a:b].strip()):
            while (joined and _ONE_SURNAME.fullmatch(text[joined[-1][0]:joined[-1][1]].strip())
                   and re.fullmatch(r",\s+", text[joined[-1][1]:a])):
                a = joined.pop()[0]
        joined.append((a, b))
    return joined


_APPOSITIVE_ROLE_NOUN = rf"(?:{alternation(_CUES['agent_appositive_roles'])})"
_ASIDE = r"\s*\([^()\n]{1,40}\)"  # "(publ)", "(“Kestrel”)" between a name and its role
# "NAME, as lead agent", "NAME (publ) as joint bookrunner", "NAME to act as lead underwriter",
# or "NAME (the “Underwriter”)": the role stands right after the name it belongs to
_APPOSITIVE_ROLE = re.compile(
    rf"(?:{_ASIDE})?,?\s+(?:to\s+(?:act|serve)\s+)?as\s+(?:the\s+)?"
    rf"(?:[\w/-]+\s+){{0,4}}?{_APPOSITIVE_ROLE_NOUN}\b"
    rf"|\s*\((?:the\s+)?[“\"](?:[\w-]+\s+){{0,2}}{_APPOSITIVE_ROLE_NOUN}[”\"]\)",
    re.IGNORECASE,
)
_OUTSIDE_QUALIFIERS = set(_CUES["agent_role_non_offering_qualifiers"])
_OTHER_PARTIES = set(_CUES["agent_role_other_parties"])
_NAME_LIST_GAP = re.compile(rf"(?:{_ASIDE})?(?:,\s+(?:and\s+)?|\s+and\s+)$")
_STOP_WORDS = set(_COMPANIES["issuer_stop_words"])
_MAX_NAME_WORDS = 6
_MAX_LIST_ITEMS = 6


def _name_ending_at(text: str, start: int, end: int) -> Tuple[int, int]:
    """The company name that ends at `end` (no earlier than `start`), or an empty range:
    capitalized words and glue words, back to the first word that is neither. A comma, or
    "and", joins only before a legal tail ("Brennick Company, LLC", "Pellworth and Company");
    elsewhere they separate the names of a list."""
    kept: List[Tuple[int, int, str]] = []  # the name's words, last first
    for word in reversed(list(re.finditer(r"\S+", text[start:end]))):
        bare = word.group().rstrip(",")
        before_tail = bool(kept) and _LEGAL_TAIL.match(kept[-1][2]) is not None
        if word.group().endswith(",") and not before_tail:
            break
        joins = bare in _GLUE and (bare != "and" or before_tail)
        if bare.endswith(")") or not (bare[:1].isupper() or bare[:1].isdigit() or joins):
            break
        kept.append((start + word.start(), start + word.end(), bare))
    while kept and (kept[-1][2] in _GLUE or kept[-1][2] == "The"):
        kept.pop()  # a name starts with neither glue nor an article
    if not kept or len(kept) > _MAX_NAME_WORDS:
        return end, end
    if all(bare.strip(".").lower() in _STOP_WORDS for _, _, bare in kept):
        return end, end  # "the Company", "Common Stock": no name
    return kept[-1][0], end


def _appositive_names(text: str) -> Iterator[Tuple[int, int]]:
    """Names given an agent's role in apposition, with the names listed before them."""
    for role in _APPOSITIVE_ROLE.finditer(text):
        if _outside_offering(text, role) or _OTHER_PARTIES.intersection(role.group().lower().split()):
            continue
        sentence = sentence_start(text, role.start())
        end = role.start()
        for _ in range(_MAX_LIST_ITEMS):
            name_start, name_end = _name_ending_at(text, sentence, end)
            if name_start == name_end:
                break
            yield name_start, name_end
            gap = _NAME_LIST_GAP.search(text, sentence, name_start)
            if gap is None:
                break
            end = gap.start()


_CASH_TENDER = re.compile(rf"\b(?:{alternation(_CUES['cash_tender_cues'])})\b", re.IGNORECASE)
_TENDER_ROLE = re.compile(rf"\b(?:{alternation(_CUES['cash_tender_roles'])})\b", re.IGNORECASE)
_EXCHANGE_OFFER = re.compile(rf"\b(?:{alternation(_CUES['exchange_offer_cues'])})\b", re.IGNORECASE)


def _outside_offering(text: str, role: "re.Match") -> bool:
    """Whether the role is one the guide gives no AGENT: a transfer agent, an investment
    manager, the dealer manager of a cash tender offer."""
    if _OUTSIDE_QUALIFIERS.intersection(role.group().lower().split()):
        return True
    if not _TENDER_ROLE.search(role.group()):
        return False
    sentence = text[sentence_start(text, role.start()):sentence_end(text, role.start())]
    return bool(_CASH_TENDER.search(sentence)) and not _EXCHANGE_OFFER.search(sentence)


_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_DELIVERY_CUE = re.compile(rf"\b(?:{alternation(_CUES['prospectus_delivery_cues'])})\b", re.IGNORECASE)
_DELIVERY_EXCLUSION = re.compile(
    rf"\b(?:{alternation(_CUES['prospectus_delivery_exclusions'])})\b", re.IGNORECASE)
_ENUMERATOR = r"(?:\((?:[ivx]+|\d+|[a-z])\)\s*)?"  # "(i) TD Vane Securities"
_DELIVERY_OPENER = re.compile(
    rf"\b(?:{alternation(_CUES['prospectus_delivery_name_openers'])})\s*:?\s*{_ENUMERATOR}"
    rf"|;\s*(?:(?:or|and)\s+)?{_ENUMERATOR}",
    re.IGNORECASE,
)
_DELIVERY_CLOSER = re.compile(alternation(_CUES["prospectus_delivery_name_closers"]), re.IGNORECASE)
_CAPITALIZED_START = re.compile(r"(?-i:[A-Z])")


def _delivery_paragraphs(text: str) -> Iterator[Tuple[int, int]]:
    """From the cue to the paragraph's end, each paragraph that says where the prospectus can
    be had."""
    start = 0
    for end in [m.start() for m in _PARAGRAPH_BREAK.finditer(text)] + [len(text)]:
        paragraph = text[start:end]
        cue = _DELIVERY_CUE.search(paragraph)
        if cue and "prospectus" in paragraph.lower() and not _DELIVERY_EXCLUSION.search(paragraph):
            yield start + cue.start(), end
        start = end


def _is_firm_name(name: str) -> bool:
    """Capitalized words and glue, a comma only before a legal tail ("Brennick Company, LLC")."""
    words = name.split()
    if not words or len(words) > _MAX_NAME_WORDS + 2:
        return False
    if not _CAPITALIZED_START.match(words[0]) or any("@" in w or "www" in w.lower() for w in words):
        return False
    for word, following in zip(words, words[1:] + [""]):
        bare = word.rstrip(",")
        if word.endswith(",") and not _LEGAL_TAIL.match(following):
            return False
        if not (bare[:1].isupper() or bare[:1].isdigit() or bare in _GLUE or re.fullmatch(r"\([A-Z]+\)", bare)):
            return False
    return not all(w.strip(".,").lower() in _STOP_WORDS for w in words)


def _prospectus_delivery_names(text: str) -> Iterator[Tuple[int, int]]:
    """The firms a release says copies of the prospectus can be had from: each name opened by
    "from", "contacting", "request to:" or a ";" and closed by its address ("Attention:", a
    street number). By the guide these book-runners are AGENT."""
    for paragraph_start, paragraph_end in _delivery_paragraphs(text):
        for opener in _DELIVERY_OPENER.finditer(text, paragraph_start, paragraph_end):
            start = opener.end()
            closer = _DELIVERY_CLOSER.search(text, start, paragraph_end)
            if closer is None:
                continue
            while text.startswith("The ", start):
                start += 4
            end = start + len(text[start:closer.start()].rstrip())
            # a comma before no legal tail ends the name ("Vane & Company, L.L.C., The Vane Building")
            for comma in re.finditer(r",\s+", text[start:end]):
                if not _LEGAL_TAIL.match(text[start + comma.end():end].split(maxsplit=1)[0].rstrip(",")):
                    end = start + comma.start()
                    break
            if _is_firm_name(text[start:end]):
                yield start, end


_SYNDICATE = re.compile(alternation(_CUES["agent_syndicate_cues"]), re.IGNORECASE)
_SYNDICATE_REACH = 200
_INITIALS = re.compile(r"(?:[A-Z]\.)+")


def _syndicate_names(text: str) -> Iterator[Tuple[int, int]]:
    """The firms listed right after "a syndicate of underwriters including": capitalized words
    and glue up to the first other word, a parenthesis or a sentence's end."""
    for cue in _SYNDICATE.finditer(text):
        end = cue.end()
        for word in re.finditer(r"\S+", text[cue.end():cue.end() + _SYNDICATE_REACH]):
            token = word.group()
            bare = token.rstrip(",;.")
            if token.startswith("(") or not (bare[:1].isupper() or bare[:1].isdigit() or bare in _GLUE):
                break
            # initials and a legal suffix keep their period ("R.T. Marlow Securities Inc."); another
            # word's period ends the sentence
            initials = _INITIALS.fullmatch(token) is not None
            kept = token.rstrip(",;") if initials or _LEGAL_TAIL.match(token.rstrip(",;")) else bare
            end = cue.end() + word.start() + len(kept)
            if token.endswith(";") or (token.endswith(".") and not initials):
                break
        yield from _list_items(text, cue.end(), end)


def agent_name_spans(text: str) -> List[Tuple[int, int]]:
    """Character offsets of the names listed before an "acting as ... agent/underwriter" phrase,
    of names given such a role in apposition, of the firms that deliver the prospectus and of the
    other members of the syndicate."""
    found = set()
    for role in _ROLE.finditer(text):
        if not _outside_offering(text, role):
            found.update(_list_items(text, sentence_start(text, role.start()), role.start()))
    found.update(_appositive_names(text))
    found.update(_prospectus_delivery_names(text))
    found.update(_syndicate_names(text))
    return sorted(_outermost(found))


def _outermost(spans) -> List[Tuple[int, int]]:
    """The spans not inside another one (both finders may name the same bank)."""
    return [s for s in spans if not any(o != s and o[0] <= s[0] and s[1] <= o[1] for o in spans)]


# any word of a deal's agent: a role ("placement agent", "bookrunner", "dealer manager") or the
# firms the prospectus may be obtained from; a bare "agent" or "manager" is none
_ANY_AGENT_CUE = re.compile(alternation(_CUES["deal_agent_cues"] + _CUES["prospectus_delivery_cues"]), re.IGNORECASE)


class AgentNames(PhraseLabeler):
    """The names an agent phrase gives replace the recognizer's guesses; in an exhibit with no word
    of a deal agent's role anywhere (an appointment, a dividend notice, a "transfer agent" or
    "general manager" alone) no guess is an AGENT: every gold AGENT of the corpus stands in an
    exhibit that names the role."""

    def __call__(self, doc: Doc) -> Doc:
        doc = super().__call__(doc)
        if self.active and not _ANY_AGENT_CUE.search(doc_text(doc)):
            doc.ents = [e for e in doc.ents if e.label_ != self.label]
        return doc


def make_agent_names(nlp: Language, name: str, label: str = "AGENT") -> AgentNames:
    # a name the sentence says is acting as agent is no title, officer, issuer or security, whatever
    # was guessed (the recognizer takes "X Securities Inc." for an issuer at the start of a sentence)
    return AgentNames(name, label, agent_name_spans, overrides=("TITLE", "OFFICER", "ISSUER", "SECURITY"))
