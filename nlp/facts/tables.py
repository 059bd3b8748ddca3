"""The facts as three tidy tables, one row per thing, so a spreadsheet or pandas can sum and filter:

- offerings:  one row per offering exhibit, its amounts (gross and net proceeds are facts of the
  offering, so summing the gross column counts each offering once);
- securities: one row per offered security of an offering, with its quantity and prices;
- officers:   one row per certifying officer of a certification.

This module is the only one that knows how a fact record is laid out; the table writers see
rows of plain values (str, int, Decimal, bool, None) under the columns listed here.
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any, Dict, Iterable, List, Optional

from . import extract_facts

JOIN = "; "  # lists in one cell (agents, titles)

TABLES: Dict[str, List[str]] = {
    "offerings": ["id", "accession", "form", "filed", "issuer", "gross", "net", "combined_price",
                  "currency", "currency_assumed", "agents"],
    "securities": ["id", "issuer", "security", "quantity", "price", "exercise_price",
                   "conversion_price", "currency"],
    "officers": ["id", "name", "titles", "company", "report_form", "period"],
}
# What the typed formats (Parquet, XLSX) store each column as; everything else is text.
COLUMN_TYPES: Dict[str, str] = {
    "quantity": "integer", "gross": "decimal", "net": "decimal", "combined_price": "decimal", "price": "decimal",
    "exercise_price": "decimal", "conversion_price": "decimal", "currency_assumed": "boolean",
}
PRICE_COLUMNS = ("price", "exercise_price", "conversion_price")

_COMPACT_DATE = re.compile(r"(\d{4})(\d{2})(\d{2})")


def facts_of(output: Dict[str, Any]) -> Dict[str, Any]:
    """The fact record of an output record; computed when it carries none, or an offering of
    the layout before the offering-level dict (older predict output)."""
    record = output.get("record")
    if isinstance(record, dict) and (record.get("kind") != "offering" or isinstance(record.get("offering"), dict)):
        return record
    return extract_facts(output)["record"]


def decimal_of(money: Any) -> Optional[Decimal]:
    """The amount of a money fact ({"amount": "9000000.00", "currency": "USD"}, or a bare number)."""
    amount = money.get("amount") if isinstance(money, dict) else money
    if amount is None or isinstance(amount, bool):
        return None
    try:
        number = Decimal(str(amount))
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def currency_of(*monies: Any) -> Optional[str]:
    for money in monies:
        if isinstance(money, dict) and money.get("currency"):
            return money["currency"]
    return None


def joined(items: Any) -> Optional[str]:
    return JOIN.join(str(item) for item in items or [] if item) or None


def iso_date(value: Any) -> Optional[str]:
    """SGML headers give 20031202; the corpus 2003-12-02. Both become 2003-12-02."""
    if not value:
        return None
    match = _COMPACT_DATE.fullmatch(str(value))
    return f"{match[1]}-{match[2]}-{match[3]}" if match else str(value)


def offering_row(output: Dict[str, Any], record: Dict[str, Any]) -> Dict[str, Any]:
    meta = output.get("meta") if isinstance(output.get("meta"), dict) else {}
    offering = record.get("offering") or {}
    assumed = offering.get("currency_assumed")
    return {
        "id": output.get("id"),
        "accession": meta.get("accession"),
        "form": meta.get("form"),
        "filed": iso_date(meta.get("filed") or meta.get("date")),
        "issuer": offering.get("issuer"),
        "gross": decimal_of(offering.get("gross")),
        "net": decimal_of(offering.get("net")),
        "combined_price": decimal_of(offering.get("combined_price")),
        "currency": offering.get("currency") or currency_of(offering.get("gross"), offering.get("net")),
        "currency_assumed": bool(assumed) if assumed is not None else None,
        "agents": joined(offering.get("agents")),
    }


def security_rows(output: Dict[str, Any], record: Dict[str, Any], currency: Optional[str]) -> List[Dict[str, Any]]:
    rows = []
    for security in record.get("securities") or []:
        prices = [security.get(kind) for kind in PRICE_COLUMNS]
        quantity = security.get("quantity")
        rows.append({
            "id": output.get("id"),
            "issuer": (record.get("offering") or {}).get("issuer"),
            "security": security.get("name"),
            "quantity": quantity if isinstance(quantity, int) and not isinstance(quantity, bool) else None,
            **{kind: decimal_of(price) for kind, price in zip(PRICE_COLUMNS, prices)},
            "currency": security.get("currency") or currency_of(*prices) or currency,
        })
    return rows


def officer_rows(output: Dict[str, Any], record: Dict[str, Any]) -> List[Dict[str, Any]]:
    report = record.get("report") if isinstance(record.get("report"), dict) else {}
    period = report.get("period")
    if isinstance(period, dict):
        period = period.get("date") or period.get("text")
    return [{
        "id": output.get("id"),
        "name": officer.get("name"),
        "titles": joined(officer.get("titles")),
        "company": record.get("company"),
        "report_form": report.get("form"),
        "period": period,
    } for officer in record.get("officers") or []]


def table_rows(outputs: Iterable[Dict[str, Any]]) -> Dict[str, List[Dict[str, Any]]]:
    """The three tables of a run's records: {"offerings": [row, ...], "securities": ..., "officers": ...}.

    An offering gives one offerings row (even with no security found) and one securities row
    per security; a certification one officers row per officer; an exhibit of neither kind no row.
    """
    tables: Dict[str, List[Dict[str, Any]]] = {name: [] for name in TABLES}
    for output in outputs:
        record = facts_of(output)
        if record.get("kind") == "offering":
            offering = offering_row(output, record)
            tables["offerings"].append(offering)
            tables["securities"].extend(security_rows(output, record, offering["currency"]))
        elif record.get("kind") == "certification":
            tables["officers"].extend(officer_rows(output, record))
    return tables
