"""Normalized values of entity mentions: money, share counts, titles, report names.

Downstream code reads these values and never parses strings again. Every parser returns
None for text it cannot read, rather than guessing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Optional

from .currency import figure_currency, load_cues

SCALES = {
    "thousand": Decimal(10) ** 3, "k": Decimal(10) ** 3,
    "million": Decimal(10) ** 6, "millions": Decimal(10) ** 6, "mm": Decimal(10) ** 6,
    "m": Decimal(10) ** 6, "mln": Decimal(10) ** 6,
    "billion": Decimal(10) ** 9, "billions": Decimal(10) ** 9, "bn": Decimal(10) ** 9,
    "b": Decimal(10) ** 9,
    "trillion": Decimal(10) ** 12,
}

_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?|\.\d+")
# A scale word after a number that already has millions in its digits ("2,996,667 million")
# is a slip of the writer, not a trillion: the number is read as written, and flagged.
IMPLAUSIBLE_BEFORE_SCALE = Decimal(10) ** 6
# Whitespace the text may carry between a number and its scale word, whatever the input
# format: spaces, newlines, no-break and thin spaces; zero-width characters are dropped.
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))


@dataclass(frozen=True)
class Money:
    amount: Decimal        # the full value: "$9 million" -> 9000000
    currency: str          # ISO-like code; "$" alone is taken as USD
    scale: Optional[str]   # the scale word as written ("million"), if any
    implausible_scale: bool = False  # "2,996,667 million": the scale word was not applied

    def to_json(self) -> dict:
        return {"amount": str(self.amount), "currency": self.currency, "scale": self.scale}


@dataclass(frozen=True)
class Report:
    form: str              # "10-K", "10-Q/A", "20-F"
    amendment: bool
    canonical: str         # "Form 10-K/A"

    def to_json(self) -> dict:
        return {"form": self.form, "amendment": self.amendment, "canonical": self.canonical}


def _squash(text: str) -> str:
    return " ".join(text.translate(_ZERO_WIDTH).split())


@dataclass(frozen=True)
class Scaled:
    value: Decimal
    scale: Optional[str]
    implausible: bool    # a scale word stood after a number already in the millions
    number: re.Match     # the number in the folded text


def read_scaled(text: str) -> Optional[Scaled]:
    """The first number of the text with its scale word applied ("1.5 million", "$5M"), or
    None. The text is folded first, so a newline or no-break space before the scale word reads
    like a space. A number already in the millions keeps its value ("implausible")."""
    flat = _squash(text)
    match = _NUMBER.search(flat)
    if not match:
        return None
    try:
        value = Decimal(match.group().replace(",", ""))
    except InvalidOperation:
        return None
    rest = flat[match.end():]
    word = rest.split()[0].strip(".,;:)").lower() if rest.strip() else ""
    if word not in SCALES:  # "$5M", "$1.2bn": a scale glued to the number
        glued = re.match(r"[A-Za-z]+", rest)
        word = glued.group().lower() if glued and glued.group().lower() in SCALES else ""
    if not word:
        return Scaled(value, None, False, match)
    if value >= IMPLAUSIBLE_BEFORE_SCALE:
        return Scaled(value, None, True, match)
    scaled = value * SCALES[word]
    if scaled == scaled.to_integral_value():
        scaled = Decimal(int(scaled))  # "$9 million" -> 9000000, not 9.000E+6
    return Scaled(scaled, word, False, match)


def parse_money(text: str) -> Optional[Money]:
    """'$9 million' -> Money(9000000, USD, million); 'CAD $0.07' -> Money(0.07, CAD, None).

    A bare "$" reads as the default currency here; nlp.currency and the facts decide what a
    bare "$" of a given document stands for."""
    read = read_scaled(text)
    if read is None:
        return None
    flat = _squash(text)
    found = figure_currency(flat[:read.number.start()], flat[read.number.end():].split())
    if not found.money_sign:
        return None
    value = read.value / found.subunit if found.subunit != 1 else read.value
    return Money(value, found.currency or load_cues().default, read.scale, read.implausible)


def parse_quantity(text: str) -> Optional[int]:
    """'1.5 million' -> 1500000, '599,333' -> 599333; None for text without a number."""
    read = read_scaled(text)
    if read is None:
        return None
    value = read.value
    return int(value) if value == value.to_integral() else int(value.to_integral())


TITLE_ABBREVIATIONS = {
    "CEO": "Chief Executive Officer", "CFO": "Chief Financial Officer",
    "COO": "Chief Operating Officer", "CTO": "Chief Technology Officer",
    "CAO": "Chief Accounting Officer", "CIO": "Chief Information Officer",
    "CMO": "Chief Medical Officer", "CCO": "Chief Commercial Officer",
    "CSO": "Chief Scientific Officer", "GC": "General Counsel",
    "EVP": "Executive Vice President", "SVP": "Senior Vice President",
    "VP": "Vice President", "Sr.": "Senior", "Exec.": "Executive", "Pres.": "President",
}
_SMALL_WORDS = {"and", "of", "the", "for", "in", "on", "to", "a", "an", "&"}


def normalize_title(text: str) -> str:
    """'PRESIDENT & CEO' -> 'President and Chief Executive Officer'."""
    words = []
    for k, word in enumerate(_squash(text).split(" ")):
        core = word.strip(",")
        tail = word[len(core):]
        if core in TITLE_ABBREVIATIONS:
            words.append(TITLE_ABBREVIATIONS[core] + tail)
        elif core == "&":
            words.append("and" + tail)
        elif core.lower() in _SMALL_WORDS and k > 0:
            words.append(core.lower() + tail)
        elif "-" in core:
            words.append("-".join(p[:1].upper() + p[1:].lower() for p in core.split("-")) + tail)
        else:
            words.append(core[:1].upper() + core[1:].lower() + tail)
    return " ".join(words)


_FORM = re.compile(r"\b(?:FORM\s+)?(10-KSB|10-QSB|10-K|10-Q|20-F|40-F|N-CSRS|N-CSR|11-K|10-D|8-K|SB-2|S-1|S-3|F-1|F-3)(\s*/\s*A)?", re.I)


def parse_report(text: str) -> Optional[Report]:
    """'Annual Report on Form 10-K/A' -> Report('10-K/A', True, 'Form 10-K/A')."""
    flat = _squash(text)
    match = _FORM.search(flat)
    if not match:
        return None
    form = match.group(1).upper()
    amended = bool(match.group(2)) or bool(re.search(r"\bamend", flat, re.I))
    form_name = form + ("/A" if amended else "")
    return Report(form_name, amended, f"Form {form_name}")


def normalize_name(text: str) -> str:
    """Whitespace-folded name as written: 'Tarnwell\\nGroup  Inc.' -> 'Tarnwell Group Inc.'."""
    return _squash(text)


def normalize_value(label: str, text: str):
    """The JSON-ready normalized value of an entity of this label, or None."""
    if label in ("PRICE", "AMOUNT"):
        money = parse_money(text)
        return money.to_json() if money else None
    if label == "QUANTITY":
        return parse_quantity(text)
    if label == "TITLE":
        return normalize_title(text)
    if label == "REPORT":
        report = parse_report(text)
        return report.to_json() if report else None
    return normalize_name(text)
