"""Values and facts written as people write them: "$9,000,000", "2,996,667 shares", "2004-03-29".

Used by `exhibit predict --summary` and `exhibit show`. The facts record (nlp.facts) is walked
generically, so a new field shows up without a change here: money ({"amount", "currency"})
becomes "$9,000,000", a period ({"date", "text"}) "2003-11-29 (fiscal year ended ...)", a
list of records one group per item, and anything else its plain text; nothing prints as a
Python repr.
"""
from __future__ import annotations

import datetime
import re
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any, Dict, Iterable, List, Optional, Tuple

from ..values import normalize_value

# Currencies people write with a symbol; the rest as "CAD 0.07".
SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}
# Keys naming a record in a list of records: shown on the record's own line.
TITLE_KEYS = ("name", "canonical", "form")
# Order of the guide's labels in listings; other labels follow in order of appearance.
LABEL_ORDER = ("ISSUER", "SECURITY", "QUANTITY", "PRICE", "AMOUNT", "AGENT", "OFFICER", "TITLE", "REPORT")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class FactLine:
    """One line of the facts: `depth` 0 for the record's fields, 1 for a group's fields."""

    depth: int
    name: str   # the field, as words ("exercise price")
    text: str   # the value as people write it; "" for a group without a name


def fold(text: str) -> str:
    return " ".join(text.split())


def format_number(value: Any) -> str:
    """1234567 -> '1,234,567'; Decimal('3.00') -> '3.00' (the digits written are kept)."""
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return str(value)
    if not number.is_finite():
        return str(value)
    return format(number, ",f")


def format_money(money: Dict[str, Any]) -> str:
    """{"amount": "9000000", "currency": "USD"} -> '$9,000,000'; CAD 0.07 -> 'CAD 0.07'."""
    amount = format_number(money.get("amount"))
    currency = money.get("currency")
    if currency in SYMBOLS:
        sign, amount = ("-", amount[1:]) if amount.startswith("-") else ("", amount)
        return f"{sign}{SYMBOLS[currency]}{amount}"
    return f"{currency} {amount}" if currency else amount


def format_date(value: Any) -> Optional[str]:
    """A date as YYYY-MM-DD, or None when the value is not a date."""
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, str) and _ISO_DATE.match(value):
        return value
    return None


def is_money(value: Any) -> bool:
    return isinstance(value, dict) and "amount" in value and "currency" in value


def is_period(value: Any) -> bool:
    return isinstance(value, dict) and "date" in value and set(value) <= {"date", "text", "start", "end"}


def format_period(period: Dict[str, Any]) -> str:
    date = format_date(period.get("date")) or period.get("date")
    text = fold(period.get("text") or "")
    if date and text:
        return f"{date} ({text})"
    return str(date or text)


def quantity_unit(name: Optional[str]) -> str:
    """What a security's quantity counts, from its name: shares unless it says otherwise."""
    lowered = (name or "").lower()
    for word, unit in (("unit", "units"), ("warrant", "warrants"), ("right", "rights")):
        if word in lowered:
            return unit
    if re.search(r"\b(?:notes?|debentures?|bonds?)\b", lowered):
        return ""
    return "shares"


def format_scalar(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(format_scalar(v) for v in value if not _empty(v))
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (int, float, Decimal)):
        return format_number(value)
    if is_money(value):
        return format_money(value)
    if is_period(value):
        return format_period(value)
    date = format_date(value)
    if date:
        return date
    if isinstance(value, dict):  # a small record inside a list: its fields, comma-separated
        return ", ".join(f"{_words(k)} {format_scalar(v)}" for k, v in value.items() if not _empty(v))
    return fold(str(value))


def _words(key: str) -> str:
    return str(key).replace("_", " ")


def _singular(key: str) -> str:
    if key.endswith("ies"):
        return key[:-3] + "y"
    if key.endswith("s") and not key.endswith("ss"):
        return key[:-1]
    return key


def _empty(value: Any) -> bool:
    if value is None or value == [] or value == {} or value == "":
        return True
    if isinstance(value, dict) and not is_money(value) and not is_period(value):
        return all(_empty(v) for v in value.values())
    return False


def _field_lines(key: str, value: Any, depth: int, owner: Optional[str] = None) -> List[FactLine]:
    if _empty(value):
        return []
    if key == "quantity" and isinstance(value, int) and not isinstance(value, bool):
        unit = quantity_unit(owner)
        return [FactLine(depth, _words(key), f"{value:,} {unit}".rstrip())]
    if isinstance(value, list):
        if all(not isinstance(v, dict) or is_money(v) or is_period(v) for v in value):
            return [FactLine(depth, _words(key), format_scalar(value))]
        lines: List[FactLine] = []
        for item in value:
            lines += _field_lines(_singular(key), item, depth, owner)
        return lines
    if isinstance(value, dict) and not is_money(value) and not is_period(value):
        title_key = next((k for k in TITLE_KEYS if isinstance(value.get(k), str)), None)
        title = fold(value[title_key]) if title_key else ""
        lines = [FactLine(depth, _words(key), title)]
        for sub_key, sub_value in value.items():
            if sub_key != title_key:  # an untitled part (a tranche) counts in its owner's unit
                lines += _field_lines(sub_key, sub_value, depth + 1, owner=title or owner)
        return lines
    return [FactLine(depth, _words(key), format_scalar(value))]


def fact_lines(record: Dict[str, Any]) -> List[FactLine]:
    """The facts record (nlp.facts) as lines; its "kind" is left to the caller's heading, and
    the fields of a part named as the kind ({"kind": "offering", "offering": {...}}) stand at
    the top level."""
    record = record or {}
    lines: List[FactLine] = []
    for key, value in record.items():
        if key == "kind":
            continue
        untitled = isinstance(value, dict) and not any(isinstance(value.get(k), str) for k in TITLE_KEYS)
        if key == record.get("kind") and untitled:
            for sub_key, sub_value in value.items():
                lines += _field_lines(sub_key, sub_value, 0)
        else:
            lines += _field_lines(key, value, 0)
    return lines


def warning_lines(warnings: Iterable[Dict[str, Any]]) -> List[Tuple[str, str]]:
    """(code, message) of each warning."""
    return [(str(w.get("code", "")), fold(str(w.get("message", "")))) for w in warnings or ()]


# --- entity values -------------------------------------------------------------------------------

def value_text(label: str, value: Any) -> Optional[str]:
    """An entity's normalized value (nlp/values.py) as people write it; None when it has none."""
    if value is None:
        return None
    if isinstance(value, dict) and "canonical" in value:  # a report: "Form 10-K/A"
        return str(value["canonical"])
    return format_scalar(value)


@dataclass
class EntityGroup:
    label: str
    text: str             # the mention as written most often (whitespace folded)
    value: Optional[str]  # its value when that reads differently from the text
    count: int


def _most_written(forms: List[str]) -> str:
    """The form written most often; on a tie the first that is not all capitals (a heading's)."""
    counts = Counter(forms)
    return max(dict.fromkeys(forms), key=lambda f: (counts[f], not f.isupper()))


def group_entities(text: str, entities: Iterable[Dict[str, Any]]) -> List[EntityGroup]:
    """Mentions with the same label and text (any case: "COMMON STOCK" is "Common Stock") as one
    group with their count, in the guide's label order, then by first appearance. Values missing
    from a mention (gold records have none) are computed."""
    forms: Dict[Tuple[str, str], List[str]] = {}
    values: Dict[Tuple[str, str], Any] = {}
    for ent in sorted(entities, key=lambda e: (e["start"], e["end"])):
        written = fold(text[ent["start"]:ent["end"]])
        key = (ent["label"], written.casefold())
        forms.setdefault(key, []).append(written)
        if key not in values or values[key] is None:
            values[key] = ent["value"] if "value" in ent else normalize_value(ent["label"], written)
    groups = []
    for key, written in forms.items():
        shown_text = _most_written(written)
        shown = value_text(key[0], values[key])
        same = shown is None or shown.casefold() == shown_text.casefold()
        groups.append(EntityGroup(key[0], shown_text, None if same else shown, len(written)))
    return sorted(groups, key=lambda g: _label_rank(g.label))


def _label_rank(label: str) -> int:
    return LABEL_ORDER.index(label) if label in LABEL_ORDER else len(LABEL_ORDER)


@dataclass
class RelationGroup:
    label: str
    head: str
    child: str
    score: Optional[float]  # the highest of the group
    count: int


def group_relations(text: str, relations: Iterable[Dict[str, Any]]) -> List[RelationGroup]:
    """Relations with the same label and the same written head and child (any case) as one group."""
    found: Dict[Tuple[str, str, str], List[Tuple[str, str, Optional[float]]]] = {}
    for rel in relations:
        head = fold(text[rel["head"][0]:rel["head"][1]])
        child = fold(text[rel["child"][0]:rel["child"][1]])
        found.setdefault((rel["label"], head.casefold(), child.casefold()), []).append((head, child, rel.get("score")))
    groups = []
    for (label, _, _), members in found.items():
        scores = [score for *_, score in members if score is not None]
        groups.append(RelationGroup(label, _most_written([h for h, _, _ in members]),
                                    _most_written([c for _, c, _ in members]),
                                    max(scores) if scores else None, len(members)))
    return groups
