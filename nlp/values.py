"""Normalized values of entity mentions: money, share counts, titles, report names.

Downstream code reads these values and never parses strings again. Every parser returns
None for text it cannot read, rather than guessing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Optional

SCALES = {
    "thousand": Decimal(10) ** 3, "k": Decimal(10) ** 3,
    "million": Decimal(10) ** 6, "millions": Decimal(10) ** 6, "mm": Decimal(10) ** 6,
    "m": Decimal(10) ** 6, "mln": Decimal(10) ** 6,
    "billion": Decimal(10) ** 9, "billions": Decimal(10) ** 9, "bn": Decimal(10) ** 9,
    "b": Decimal(10) ** 9,
    "trillion": Decimal(10) ** 12,
}

# Longest markers first, so "US$" wins over "$".
CURRENCY_MARKERS = [
    ("CAD$", "CAD"), ("CDN$", "CAD"), ("AUD$", "AUD"), ("USD$", "USD"), ("NZ$", "NZD"),
    ("HK$", "HKD"), ("US$", "USD"), ("C$", "CAD"), ("A$", "AUD"), ("S$", "SGD"), ("R$", "BRL"),
    ("$", "USD"), ("€", "EUR"), ("£", "GBP"), ("¥", "JPY"), ("₹", "INR"),
]
CURRENCY_CODES = {
    "USD", "CAD", "AUD", "EUR", "GBP", "CHF", "JPY", "SEK", "NOK", "DKK", "HKD", "SGD", "NZD",
    "CDN", "INR", "ILS", "CNY", "RMB", "BRL", "MXN", "ZAR", "KRW",
}
CURRENCY_WORDS = {
    "dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR", "pounds": "GBP",
    "francs": "CHF", "yen": "JPY", "cents": "USD",
}
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?|\.\d+")


@dataclass(frozen=True)
class Money:
    amount: Decimal        # the full value: "$9 million" -> 9000000
    currency: str          # ISO-like code; "$" alone is taken as USD
    scale: Optional[str]   # the scale word as written ("million"), if any

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
    return " ".join(text.split())


def _number_and_scale(text: str):
    """(Decimal value with scale applied, scale word) of the first number in text, or None."""
    match = _NUMBER.search(text)
    if not match:
        return None
    try:
        value = Decimal(match.group().replace(",", ""))
    except InvalidOperation:
        return None
    rest = text[match.end():].strip().split()
    scale = None
    if rest:
        word = rest[0].strip(".,").lower()
        if word in SCALES:
            scale = rest[0].strip(".,").lower()
            value *= SCALES[word]
    elif match.end() < len(text):
        # "$5M", "$1.2bn": a scale letter glued to the number
        glued = text[match.end():].strip().lower()
        if glued in SCALES:
            scale, value = glued, value * SCALES[glued]
    return value, scale


def parse_money(text: str) -> Optional[Money]:
    """'$9 million' -> Money(9000000, USD, million); 'CAD $0.07' -> Money(0.07, CAD, None)."""
    flat = _squash(text)
    parsed = _number_and_scale(flat)
    if parsed is None:
        return None
    value, scale = parsed
    currency = None
    upper = flat.upper()
    before = upper[: _NUMBER.search(flat).start()]
    for code in CURRENCY_CODES:
        if re.search(rf"\b{code}\b", before):
            currency = "CAD" if code == "CDN" else "CNY" if code == "RMB" else code
            break
    if currency is None:
        for marker, code in CURRENCY_MARKERS:
            if marker in before:
                currency = code
                break
    if currency is None:
        after = flat.split()
        for word in after[1:]:
            key = word.strip(".,")
            if key.upper() in CURRENCY_CODES:
                currency = "CAD" if key.upper() == "CDN" else key.upper()
                break
            if key.lower() in CURRENCY_WORDS:
                currency = CURRENCY_WORDS[key.lower()]
                if key.lower() == "cents":
                    value = value / 100
                break
    if currency is None:
        return None
    if scale and value == value.to_integral_value():
        value = Decimal(int(value))  # "$9 million" -> 9000000, not 9.000E+6
    return Money(value, currency, scale)


def parse_quantity(text: str) -> Optional[int]:
    """'1.5 million' -> 1500000, '599,333' -> 599333; None for text without a number."""
    parsed = _number_and_scale(_squash(text))
    if parsed is None:
        return None
    value = parsed[0]
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
    """Whitespace-folded name as written: 'Innovo\\nGroup  Inc.' -> 'Innovo Group Inc.'."""
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
