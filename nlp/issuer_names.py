"""The issuer of an exhibit and the names it goes by: one resolver for entities, relations, facts.

An exhibit names its issuer in several forms: the full legal name ("Tarnwell Group, Inc."),
the name without its legal suffix or only its first word ("Tarnwell"), its initials ("TGI") and
a defined term in quotes ("(“TGI” or the “Company”)"). The issuer step of the entity rules, the
relation rules that take "the issuer a sentence names" and the facts that pick the record's
company all ask which ISSUER mentions are that company; they ask it here.

Pure functions of the text and mention offsets (or the names they cover): no spaCy needed.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Dict, Iterable, Iterator, List, Optional, Sequence, Set, Tuple

from .names import LEGAL_SUFFIX, LEGAL_SUFFIXES_AFTER, LEGAL_SUFFIXES_AT_END, alone_word_spans, is_ticker

Offsets = Tuple[int, int]

# what an ISSUER mention is of the issuer (mention_kind)
FULL = "full"                  # the name, with or without its legal suffix
SHORT = "short"                # its first word, or one of its words alone ("the Trust")
ABBREVIATION = "abbreviation"  # its initials ("TGI"), or the issuer is the initials of the mention
DEFINED_TERM = "defined_term"  # a short name the text defines in quotes ("“Tarn”")
KINDS = (FULL, SHORT, ABBREVIATION, DEFINED_TERM)


# --- forms of one name -------------------------------------------------------------------------

def fold(name: str) -> str:
    return " ".join(name.split())


def core_words(name: str) -> List[str]:
    """The words of the name without one legal suffix: 'Tarnwell Group, Inc.' -> ['Tarnwell', 'Group']."""
    return LEGAL_SUFFIX.sub("", fold(name)).strip(" ,").split()


def core_key(name: str) -> str:
    """Lower-cased core: the key under which the recognizer's issuer guesses are counted."""
    return " ".join(core_words(name)).lower()


def suffix_forms(name: str) -> List[str]:
    """The name and each shorter form with one more legal suffix taken off ('Tarnwell Holdings,
    Inc.' -> also 'Tarnwell Holdings', 'Tarnwell'): the forms it is repeated as."""
    forms = [fold(name)]
    while True:
        stripped = LEGAL_SUFFIX.sub("", forms[-1])
        if stripped == forms[-1] or not stripped:
            return forms
        forms.append(stripped)


def initials(words: Sequence[str]) -> str:
    """'Tarnwell Group Inc.' -> 'TGI' (words not starting with a letter are skipped)."""
    return "".join(w[0] for w in words if w[:1].isalpha()).upper()


def company_key(name: str) -> str:
    """'The Tarnwell Group, Inc.' and 'TARNWELL' share the key 'tarnwell'; '&' reads 'and'."""
    key = re.sub(r"^the\s+", "", fold(name).casefold())
    core = LEGAL_SUFFIXES_AT_END.sub("", key) or key
    return " ".join(re.sub(r"[^\w\s]", " ", core.replace("&", " and ")).split()) or key


def prefix_initials(name: str) -> Set[str]:
    """'Northfen Digital Group, Inc.' -> {'nd', 'ndg', 'ndgi'}: the initials of the name and of
    its shorter forms without the suffixes."""
    words = re.findall(r"[^\W\d_]+", re.sub(r"^the\s+", "", fold(name).casefold()))
    return {initials(words[:size]).lower() for size in range(2, len(words) + 1)}


def is_all_caps(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return len(letters) > 1 and all(c.isupper() for c in letters)


def leading_word_forms(forms: Dict[str, str], text: str) -> Set[str]:
    """"Kestrow" for "Kestrow Aerospace": an issuer's first word alone, when the text uses it
    capitalized on its own and never as an ordinary lower-case word ("First", "American")."""
    out = set()
    for form, label in forms.items():
        words = form.split()
        if label != "ISSUER" or len(words) < 2 or not all(w[:1].isalpha() for w in words):
            continue  # "NOK 72.00" taken for a name is none
        first = words[0]
        # three capitals are an abbreviation ("VXR Holdings" repeated as "VXR"); a shorter word
        # in title case is too often an ordinary word; capitals with a digit ("Q7 Labs") are
        # no word at all
        coined = bool(re.fullmatch(r"[A-Z][A-Za-z]*[0-9][A-Za-z0-9]*", first))
        if not coined and (len(first) < (3 if first.isupper() else 4) or not first[:1].isupper() or not first.isalpha()):
            continue
        # a lower-case use as a word rules it out; inside a web or mail address ("www.kestrow.com",
        # "kestrow-financial") it is still the name
        as_word = r"(?<![\w@./_-])" + re.escape(first.lower()) + r"(?![\w@_-]|\.\w)"
        if len(alone_word_spans(text, first)) >= 2 and not re.search(as_word, text):
            out.add(first)
    return out


def initials_forms(name: str, min_words: int = 1) -> Set[str]:
    """The initials of the name without and with its legal suffix ("OPT" and "OPTI" for "Orrin
    Park Technologies, Inc."), each of `min_words` words or more."""
    spellings = (core_words(name), re.findall(r"[^\W\d_][\w'’&-]*", fold(name)))
    return {initials(words) for words in spellings if len(words) >= min_words}


def initials_spans(name: str, text: str) -> List[Offsets]:
    """Where the text writes the issuer by its initials alone, those of three words or more with
    or without the legal suffix ("OPT" for "Orrin Park Technologies, Inc.", "QMC" for "Quillon
    Metals Corporation"), not as the ticker of an exchange mark ("(NYSE American: OPT)", "(OPT:
    NYSE)")."""
    forms = initials_forms(name, min_words=3)
    # not "OPT-in", not a ticker on either side of an exchange mark's colon or after a symbol cue
    return sorted((a, b) for short in forms for a, b in alone_word_spans(text, short)
                  if ":" not in text[max(0, a - 3):a] and text[b:b + 1] not in ("-", ":")
                  and not is_ticker(text, a, b))


# --- is this mention the issuer? ---------------------------------------------------------------

def _defined_in_quotes(word: str, text: str) -> bool:
    return bool(re.search(r"[“\"]" + re.escape(word) + r"[”\"]", text))


def _bare(name: str) -> str:
    """The name without all its legal suffixes, lower-cased: 'TARNWELL HOLDINGS' = 'Tarnwell, Inc.'."""
    return suffix_forms(name)[-1].strip(" ,").lower()


def mention_kind(name: str, issuer: str, text: str) -> Optional[str]:
    """What the mention `name` is of the issuer named `issuer` (one of KINDS), or None when it
    cannot be a mention of it. `text` is the exhibit's, for the short names it defines.

    A name without words (only a suffix) cannot be told apart and counts as FULL."""
    words, issuer_words = core_words(name), core_words(issuer)
    if not words or not issuer_words:
        return FULL
    lower, issuer_lower = [w.lower() for w in words], [w.lower() for w in issuer_words]
    if _bare(name) == _bare(issuer):
        return FULL
    if lower[0] == issuer_lower[0] or (len(lower) == 1 and lower[0] in issuer_lower):
        return SHORT
    if len(words) == 1 and words[0].isupper():
        if initials(issuer.replace(",", " ").split()).startswith(words[0]):
            return ABBREVIATION
        if _defined_in_quotes(words[0], text):
            return DEFINED_TERM
    if len(issuer_words) == 1 and issuer_words[0].isupper() and issuer_words[0] in initials_forms(name):
        return ABBREVIATION  # the issuer is known by its initials, the mention spells them out
    return None


def same_company(name: str, issuer: str, text: str) -> bool:
    """Whether `name` can be a mention of the issuer: the same leading word ("Bexley Harbor" for
    "Bexley Harbor USA"), a word of it used alone ("the Trust"), its initials ("NDG", "QHEG" both
    ways) or an abbreviation the text defines in quotes ("“QRC”")."""
    return mention_kind(name, issuer, text) is not None


# --- the issuer of the exhibit -----------------------------------------------------------------

def most_mentioned(names: Iterable[str]) -> Optional[str]:
    """The issuer named most often among ISSUER mentions, counted by core key; a tie names no
    issuer. It is returned as the text writes it most often (the longer form on a tie), so that
    capitals still tell an abbreviation ("TMRC") and a full name gives its initials."""
    written = [" ".join(name.split()) for name in names]
    counts = Counter(core_key(name) for name in written)
    if not counts:
        return None
    top = max(counts.values())
    winners = [k for k, v in counts.items() if v == top]
    if len(winners) != 1:
        return None
    forms = Counter(name for name in written if core_key(name) == winners[0])
    return max(forms, key=lambda form: (forms[form], len(form)))


def agreed_issuer(scored: Optional[str], recognized: Optional[str], text: str) -> Optional[str]:
    """The issuer name to keep mentions of, when two decisions do not contradict each other.

    Where the name scorer's name and the recognizer's most frequent one disagree, either may be
    wrong (an acquired company named often, a place): then there is no agreed issuer."""
    if scored is None or recognized is None:
        return scored or recognized
    return scored if same_company(recognized, scored, text) else None


def _merge_short_names(clusters: Dict[str, List[str]]) -> List[List[str]]:
    """A short name joins the longer name it begins: "Quillon" -> "Quillon Biotherapeutics,
    Inc.". A short name that begins two different names ("Denholm" of "Denholm Brothers" and
    "Denholm Vance") stays apart."""
    words = {key: key.split() for key in clusters}
    merged = {key: list(names) for key, names in clusters.items()}
    for short in sorted(clusters, key=lambda k: len(words[k])):
        size = len(words[short])
        longer = sorted((k for k in merged if len(words[k]) > size and words[k][:size] == words[short]),
                        key=lambda k: len(words[k]))
        if longer and all(words[k][:len(words[longer[0]])] == words[longer[0]] for k in longer):
            merged[longer[0]] = merged.pop(short) + merged[longer[0]]
    return list(merged.values())


def _merge_initials(clusters: Dict[str, List[str]]) -> Dict[str, List[str]]:
    """An all-capitals short name made of another company's initials ("NDG", "NDGI" for
    "Northfen Digital Group, Inc.") names that company."""
    merged = {key: list(names) for key, names in clusters.items()}
    for key in list(merged):
        names = merged[key]
        if " " in key or not 2 <= len(key) <= 6 or not all(is_all_caps(n) for n in names):
            continue
        owners = [k for k in merged if k != key and " " in k
                  and any(key in prefix_initials(n) for n in merged[k])]
        if len(owners) == 1:
            merged[owners[0]] = merged.pop(key) + merged[owners[0]]
    return merged


_DEFINED_AFTER = re.compile(r"\(\s*(?:[^()]{0,80}?[,\s])?[“\"]([^”\"()]{1,40})[”\"]")


def _merge_defined_terms(clusters: Dict[str, List[str]], text: str) -> Dict[str, List[str]]:
    """A short name the text defines in quotes right after another name ("Vorn Minerals Inc.
    (“Vorn”, “VMI”)") names that company, whatever its case ("VMi")."""
    merged = {key: list(names) for key, names in clusters.items()}
    for match in _DEFINED_AFTER.finditer(text):
        term = company_key(match.group(1))
        before = " ".join(text[max(0, match.start() - 120):match.start()].split())
        owners = [k for k in merged if k != term and any(before.endswith(" ".join(n.split())) for n in merged[k])]
        if term in merged and len(owners) == 1:
            merged[owners[0]] = merged[owners[0]] + merged.pop(term)
    return merged


def group_companies(names: Sequence[str], text: str = "") -> List[List[str]]:
    """The names (as written, in order) grouped by company, companies in order of first mention:
    legal suffixes ignored, a short name with the name it begins, initials with what they
    abbreviate, a term `text` defines for a name with that name."""
    clusters: Dict[str, List[str]] = {}
    for name in names:
        clusters.setdefault(company_key(name), []).append(name)
    first = {name: k for k, name in reversed(list(enumerate(names)))}
    groups = _merge_short_names(_merge_defined_terms(_merge_initials(clusters), text))
    return sorted(groups, key=lambda group: min(first[n] for n in group))


# Legal forms of other countries that mark a full legal name ("Vesterling AB", "Skarvik ASA").
_MORE_LEGAL_FORMS = re.compile(
    r"\s(?:AB|ASA|AS|A/S|Oyj|Oy|GmbH|S\.p\.A\.?|B\.V\.?|Pty\.? Ltd\.?|SA|NV)(?:\s*\(publ\))?$")


def has_legal_form(name: str) -> bool:
    return bool(LEGAL_SUFFIX.search(name) or _MORE_LEGAL_FORMS.search(name))


def company_form(names: Sequence[str]) -> str:
    """The legal name as written in running text: 'Tarnwell Group Inc.' over 'TARNWELL GROUP'."""
    counts = Counter(names)
    return max(counts, key=lambda n: (has_legal_form(n), not is_all_caps(n),
                                      counts[n], len(n), -names.index(n)))


# a legal form that ends a full name: "Xandor" + " Brands, Inc."
_LEGAL_END = re.compile(r",?[ \t]+(?:Inc|Incorporated|Corp|Corporation|Ltd|Limited|LLC|plc|N\.V|S\.A)\b")


def legal_name(text: str, name: str) -> str:
    """The legal name the text writes for a name found only without one: "Xandor" -> "Xandor
    Brands, Inc." where the text has it (the first such, at most three capitalized words added).
    Names in capitals (tickers) and names with a legal form stay as they are."""
    if has_legal_form(name) or is_all_caps(name):
        return name
    run = re.compile(r"(?<![\w@./])" + re.escape(name) + r"((?:[ \t]+[A-Z][\w&-]*){0,3}?)(?=" + _LEGAL_END.pattern + ")")
    for match in run.finditer(text):
        suffixes = LEGAL_SUFFIXES_AFTER.match(text, match.end())
        if suffixes:
            return _without_full_stop(fold(text[match.start():suffixes.end()]))
    return name


_ABBREVIATED_FORMS = {"inc", "corp", "ltd", "co"}


def _without_full_stop(name: str) -> str:
    """"Xandor Limited." at the end of a sentence is "Xandor Limited"; "Xandor Inc." keeps its point."""
    last = name.rsplit(None, 1)[-1]
    if name.endswith(".") and last[:-1].lower() not in _ABBREVIATED_FORMS and "." not in last[:-1]:
        return name[:-1]
    return name


def resolve_issuer(text: str, mentions: Sequence[Offsets], linked: Iterable[Offsets] = ()) -> Optional[str]:
    """The canonical name of the exhibit's issuer from its ISSUER mentions (offsets into `text`):
    the company whose mentions stand in `linked` (the issuer end of its relations) most often,
    else the most named; a company only ever written in capitals ("QBXR", likelier a ticker)
    ranks below one written as a name. Its name is its legal form (company_form, else the legal
    name the text writes for it), without a leading "The" (names are labelled without it)."""
    ordered = sorted(mentions)
    if not ordered:
        return None
    names = [fold(text[s:e]) for s, e in ordered]
    companies = group_companies(names, text)
    linked_names = Counter(fold(text[s:e]) for s, e in linked)
    links = [sum(linked_names[n] for n in set(group)) for group in companies]
    candidates = [k for k in range(len(companies)) if links[k]] or range(len(companies))
    best = max(candidates, key=lambda k: (links[k], not all(is_all_caps(n) for n in companies[k]),
                                          len(companies[k]), -k))
    name = legal_name(text, company_form(companies[best]))
    return re.sub(r"^the\s+", "", name, flags=re.IGNORECASE) or name


# --- the issuer a sentence names ---------------------------------------------------------------

_DEFINITION_OPENING = re.compile(r"\((?:the\s+)?[“\"]$|\bor\s+(?:the\s+)?[“\"]$")


def is_definition(text: str, start: int) -> bool:
    """Whether a name at `start` is a parenthesised definition ("(“Tarn” or the “Company”)"):
    by the guide's convention a defined short name holds no relations."""
    return bool(_DEFINITION_OPENING.search(text[max(0, start - 12):start]))


def issuers_by_sentence(text: str, issuers: Sequence[Offsets],
                        sentences: Iterable[Offsets]) -> Iterator[Tuple[Offsets, List[Offsets]]]:
    """(sentence, the ISSUER mentions it names, in order) for each sentence naming one; the
    first is "the issuer the sentence names". A definition (is_definition) names no one."""
    named = sorted(i for i in issuers if not is_definition(text, i[0]))
    for start, end in sentences:
        inside = [i for i in named if start <= i[0] < end]
        if inside:
            yield (start, end), inside
