"""Warnings about a structured record: facts that are missing or do not add up.

A warning is {"code", "message"}; the codes are stable and meant for filtering:
  offering       amount_mismatch (quantity x price more than 5% from the gross amount),
                 no_issuer, no_security_or_amount, security_without_quantity_or_price
  certification  no_company, no_report, no_officer, officer_without_title
  any            implausible_scale (a scale word after a number already in the millions,
                 "2,996,667 million": read as the number written)
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any, Dict, List, Optional, Tuple

from ..values import read_scaled
from .offering import PRICE_KINDS, WARRANT_LIKE
from .view import RecordView

# quantity x price may differ from the stated gross amount by rounding ("approximately $9
# million"), not by more.
AMOUNT_TOLERANCE = Decimal("0.05")
PRE_FUNDED = re.compile(r"\bpre-?funded\b", re.I)
DEBT = re.compile(r"\b(?:notes?|debentures?|bonds?)\b", re.I)


def _warning(code: str, message: str) -> Dict[str, str]:
    return {"code": code, "message": message}


def _decimal(text: Any) -> Optional[Decimal]:
    try:
        return Decimal(str(text))
    except (InvalidOperation, ValueError):
        return None


def _money_text(amount: Decimal, currency: Optional[str]) -> str:
    return f"{amount:,} {currency or ''}".rstrip()


def _priced_parts(security: Dict[str, Any]) -> List[Tuple[int, Dict[str, Any]]]:
    """(quantity, price) the security was sold in: its tranches, else quantity and price."""
    if security.get("tranches"):
        return [(t["quantity"], t["price"]) for t in security["tranches"]]
    if security.get("quantity") is not None and security.get("price"):
        return [(security["quantity"], security["price"])]
    return []


def _sold_unpriced(security: Dict[str, Any]) -> bool:
    """A security sold for money (not a warrant given with shares; pre-funded warrants are
    sold in place of shares) whose quantity x price is unknown: the sum would be incomplete."""
    name = security.get("name") or ""
    sold = not WARRANT_LIKE.search(name) or PRE_FUNDED.search(name)
    return bool(sold) and not _priced_parts(security)


def check_amount(record: Dict[str, Any]) -> List[Dict[str, str]]:
    """The sum of quantity x price over the priced securities against the gross amount."""
    gross = (record.get("offering") or {}).get("gross")
    securities = record.get("securities") or []
    parts = [(s["name"], q, p) for s in securities for q, p in _priced_parts(s)]
    if not gross or not parts or any(_sold_unpriced(s) for s in securities):
        return []
    currency = gross.get("currency")
    if any(p.get("currency") != currency for _, _, p in parts):
        return []  # no exchange rates here; a mixed-currency offering is not checked
    stated = _decimal(gross.get("amount"))
    prices = [_decimal(p.get("amount")) for _, _, p in parts]
    if not stated or any(p is None for p in prices):
        return []
    total = sum((Decimal(q) * p for (_, q, _), p in zip(parts, prices)), Decimal(0))
    off = abs(total - stated) / stated
    if off <= AMOUNT_TOLERANCE:
        return []
    terms = " + ".join(f"{name} {q:,} x {p}" for (name, q, _), p in zip(parts, prices))
    return [_warning("amount_mismatch",
                     f"{terms} = {_money_text(total, currency)}, but the gross amount is "
                     f"{_money_text(stated, currency)} (off by {off:,.0%})")]


def check_offering(record: Dict[str, Any]) -> List[Dict[str, str]]:
    warnings = []
    offering = record.get("offering") or {}
    if not offering.get("issuer"):
        warnings.append(_warning("no_issuer", "offering with no issuer"))
    if not record.get("securities") and not offering.get("gross") and not offering.get("net"):
        warnings.append(_warning("no_security_or_amount", "offering with no security and no amount"))
    for security in record.get("securities") or []:
        if security.get("quantity") is not None or any(security.get(k) for k in PRICE_KINDS):
            continue
        if DEBT.search(security["name"]) and (offering.get("gross") or offering.get("net")):
            continue  # notes are sold by principal amount, which the offering's amount states
        warnings.append(_warning("security_without_quantity_or_price",
                                 f"{security['name']}: no quantity and no price"))
    return warnings + check_amount(record)


def check_certification(record: Dict[str, Any]) -> List[Dict[str, str]]:
    warnings = []
    if not record.get("company"):
        warnings.append(_warning("no_company", "certification with no company"))
    if not (record.get("report") or {}).get("form"):
        warnings.append(_warning("no_report", "certification with no report form"))
    officers = record.get("officers") or []
    if not officers:
        warnings.append(_warning("no_officer", "certification with no officer"))
    for officer in officers:
        if not officer.get("titles"):
            warnings.append(_warning("officer_without_title", f"{officer['name']}: no title"))
    return warnings


def check_scales(view: RecordView) -> List[Dict[str, str]]:
    """Numbers followed by a scale word that cannot apply ("2,996,667 million"), whether the
    word is inside the mention or follows it across spaces, a line break or a no-break space,
    so every input format of one text warns alike."""
    warnings = []
    for mention in view.of("QUANTITY", "AMOUNT", "PRICE"):
        following = view.text[mention.end:mention.end + 20]
        read = read_scaled(view.text[mention.start:mention.end] + following.split("\n\n")[0])
        if read is not None and read.implausible:
            warnings.append(_warning(
                "implausible_scale",
                f'"{mention.name}" at character {mention.start}: a scale word after a number already '
                f"in the millions; read as {read.value:,}"))
    return warnings


def check_record(record: Dict[str, Any]) -> List[Dict[str, str]]:
    if record.get("kind") == "offering":
        return check_offering(record)
    if record.get("kind") == "certification":
        return check_certification(record)
    return []
