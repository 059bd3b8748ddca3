"""Which currency a money figure is in: the one written on it, else the one its document suggests.

"C$0.10", "NOK 41.25" and "10 euros" state their currency. A bare "$" (or "dollars") does
not: a release of a TSX-listed issuer, or one saying "all amounts are in Canadian dollars",
means CAD by it, and without any cue USD is a guess. The cue lexicon is the data file
nlp/facts/currency_cues.json, so a new marker or listing needs no code change.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Dict, List, Optional, Tuple

from .errors import ConfigError

CUES_FILE = "facts/currency_cues.json"
_SECTIONS = ("markers", "codes", "words", "subunits", "document_phrases", "listings",
             "dollar_currencies", "default_listings", "default")


@dataclass(frozen=True)
class Cues:
    markers: List[Tuple[str, Optional[str]]]   # longest first
    codes: Dict[str, str]
    words: Dict[str, Optional[str]]
    subunits: Dict[str, int]
    document_phrases: List[Tuple[str, str]]    # longest first
    listings: List[Tuple[str, str]]            # longest first
    dollar_currencies: Tuple[str, ...]
    default_listings: Tuple[str, ...]
    default: str


def _longest_first(mapping: Dict[str, Optional[str]]) -> List[Tuple[str, Optional[str]]]:
    return sorted(mapping.items(), key=lambda kv: -len(kv[0]))


@lru_cache(maxsize=None)
def load_cues() -> Cues:
    """The lexicon of the data file; ConfigError E280 when it is missing or malformed."""
    where = f"nlp/{CUES_FILE}"
    try:
        data = json.loads(resources.files("nlp").joinpath(CUES_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise ConfigError("E280", f"{where}: cannot read the currency cues ({err})") from None
    missing = [key for key in _SECTIONS if key not in data] if isinstance(data, dict) else list(_SECTIONS)
    if missing:
        raise ConfigError("E280", f"{where}: missing section(s) {', '.join(missing)}")
    return Cues(
        markers=_longest_first(data["markers"]),
        codes={k.upper(): v for k, v in data["codes"].items()},
        words={k.lower(): v for k, v in data["words"].items()},
        subunits={k.lower(): int(v) for k, v in data["subunits"].items()},
        document_phrases=_longest_first(data["document_phrases"]),
        listings=_longest_first(data["listings"]),
        dollar_currencies=tuple(data["dollar_currencies"]),
        default_listings=tuple(data["default_listings"]),
        default=data["default"],
    )


@dataclass(frozen=True)
class FigureCurrency:
    currency: Optional[str]   # None: the figure names no currency ("$", "dollars")
    money_sign: bool          # a currency sign or word was found at all
    subunit: int = 1          # "50 cents": the amount is divided by 100


def figure_currency(before: str, after_words: List[str]) -> FigureCurrency:
    """The currency written on a figure: `before` is its text before the number, `after_words`
    the words after it ("NOK 41.25", "0.10 CAD", "10 euros")."""
    cues = load_cues()
    for word in re.findall(r"[A-Za-z]+", before):
        if word.upper() in cues.codes and (word.isupper() or word.upper() == "CDN"):
            return FigureCurrency(cues.codes[word.upper()], True)
    folded = before.upper()
    for marker, code in cues.markers:
        if marker.upper() in folded:
            return FigureCurrency(code, True)
    for word in after_words:
        key = word.strip(".,;:)")
        if key.upper() in cues.codes and key.isupper():
            return FigureCurrency(cues.codes[key.upper()], True)
        if key.lower() in cues.words:
            return FigureCurrency(cues.words[key.lower()], True, cues.subunits.get(key.lower(), 1))
    return FigureCurrency(None, False)


def stated_currency(text: str) -> Optional[str]:
    """The currency a money span states itself, None for a bare "$" or no sign at all."""
    flat = " ".join(text.split())
    number = re.search(r"\d", flat)
    if number is None:
        return None
    return figure_currency(flat[:number.start()], flat[number.start():].split()[1:]).currency


@dataclass(frozen=True)
class DocumentCurrency:
    currency: str
    cue: str   # what decided: 'the phrase "Canadian dollars"', 'a TSX listing', 'no cue'


def _phrase(text: str, phrase: str) -> Optional[re.Match]:
    return re.search(rf"(?<![\w$]){re.escape(phrase)}(?!\w)", text)


@lru_cache(maxsize=256)
def document_currency(text: str) -> DocumentCurrency:
    """The currency a bare "$" of this text stands for, and the cue that says so.

    Strongest first: a phrase naming the dollars ("in Canadian dollars"), the dollar currency
    most often written explicitly on the text's other figures ("C$0.05"), a listing on an
    exchange of a dollar country (TSX, TSXV, CSE, ASX) unless the text names one of the default
    currency's exchanges too (Nasdaq, NYSE), else the default.
    """
    cues = load_cues()
    for phrase, code in cues.document_phrases:
        if _phrase(text, phrase):
            return DocumentCurrency(code, f'the phrase "{phrase}"')
    counts: Dict[str, int] = {}
    for match in re.finditer(r"(?<![\w$])([A-Za-z.]{0,4}\$|[A-Z]{3})\s?(?=\d)", text):
        written = match.group(1).strip()
        code = cues.codes.get(written) if written.isalpha() else dict(cues.markers).get(written.upper())
        if code in cues.dollar_currencies:
            counts[code] = counts.get(code, 0) + 1
    if counts:
        best = max(counts, key=lambda c: (counts[c], c == cues.default))
        return DocumentCurrency(best, f"{best} written on other figures of the text")
    home = [listing for listing in cues.default_listings if _phrase(text, listing)]
    for listing, code in cues.listings:
        if _phrase(text, listing):
            if home:  # listed in both countries: the listing says nothing of the currency
                return DocumentCurrency(cues.default, f"a {listing} and a {home[0]} listing")
            return DocumentCurrency(code, f"a {listing} listing")
    return DocumentCurrency(cues.default, "no cue")
