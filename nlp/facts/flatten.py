"""The spreadsheet view of the facts: one row per offered security or per certifying officer.

A document with no security (or no officer) still gives one row, so every exhibit appears.
The offering's own figures (gross and net amount, combined price, agents) fill the first row
of its exhibit only, so that a column sum counts each offering once.
"""
from __future__ import annotations

import csv
import json
import os
import sys
from pathlib import Path
from typing import Any, Dict, Iterable, List, Optional, TextIO

from ..errors import InputError
from ..writers.cells import spreadsheet_value
from . import extract_facts
from .offering import PRICE_KINDS

COLUMNS = [
    "id", "kind", "company", "security", "quantity", "price", "currency", "exercise_price",
    "conversion_price", "amount_gross", "amount_net", "agents", "report_form", "period",
    "officer", "titles", "warnings", "combined_price", "currency_assumed",
]
FORMATS = ("csv", "jsonl")
JOIN = "; "


def _amount(money: Optional[Dict[str, Any]]) -> Optional[str]:
    return money.get("amount") if money else None


def _currency(*monies: Optional[Dict[str, Any]]) -> Optional[str]:
    for money in monies:
        if money and money.get("currency"):
            return money["currency"]
    return None


def _offering_rows(record: Dict[str, Any], base: Dict[str, Any]) -> List[Dict[str, Any]]:
    offering = record.get("offering") or {}
    base.update(company=offering.get("issuer"), currency_assumed=offering.get("currency_assumed"))
    once = dict(amount_gross=_amount(offering.get("gross")), amount_net=_amount(offering.get("net")),
                combined_price=_amount(offering.get("combined_price")),
                agents=JOIN.join(offering.get("agents") or []) or None)
    rows = []
    for security in record.get("securities") or []:
        prices = [security.get(k) for k in PRICE_KINDS]
        rows.append(dict(base, security=security.get("name"), quantity=security.get("quantity"),
                         price=_amount(prices[0]), exercise_price=_amount(prices[1]),
                         conversion_price=_amount(prices[2]),
                         currency=_currency(*prices) or offering.get("currency")))
    rows = rows or [dict(base, currency=offering.get("currency"))]
    rows[0].update(once)
    return rows


def _certification_rows(record: Dict[str, Any], base: Dict[str, Any]) -> List[Dict[str, Any]]:
    report = record.get("report") or {}
    period = report.get("period") or {}
    base.update(report_form=report.get("form"), period=period.get("date") or period.get("text"))
    rows = [dict(base, officer=officer.get("name"), titles=JOIN.join(officer.get("titles") or []) or None)
            for officer in record.get("officers") or []]
    return rows or [base]


def record_rows(output: Dict[str, Any]) -> List[Dict[str, Any]]:
    """The rows of one output record; its facts are computed when it has no `record`."""
    facts = output if "record" in output else extract_facts(output)
    record = facts["record"]
    base: Dict[str, Any] = dict.fromkeys(COLUMNS)
    base.update(id=output.get("id"), kind=record.get("kind"),
                company=record.get("company"),
                warnings=JOIN.join(w["code"] for w in facts.get("warnings") or []) or None)
    if record.get("kind") == "offering":
        return _offering_rows(record, base)
    if record.get("kind") == "certification":
        return _certification_rows(record, base)
    return [base]


def _write(rows: Iterable[Dict[str, Any]], handle: TextIO, fmt: str) -> int:
    count = 0
    writer = csv.DictWriter(handle, COLUMNS, lineterminator="\n") if fmt == "csv" else None
    if writer:
        writer.writeheader()
    for row in rows:
        if writer:
            writer.writerow({k: spreadsheet_value(v) for k, v in row.items()})  # no formula cells
        else:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        count += 1
    return count


def write_table(outputs: Iterable[Dict[str, Any]], path: Optional[Path], fmt: str = "csv") -> int:
    """Write the rows of every record as CSV or JSONL to `path` (standard output when None);
    returns the number of rows. A file is written whole or not at all."""
    if fmt not in FORMATS:
        raise InputError("E123", f"format {fmt!r} is not one of {', '.join(FORMATS)}")
    rows = (row for output in outputs for row in record_rows(output))
    if path is None:
        return _write(rows, sys.stdout, fmt)
    path = Path(path)
    if path.is_dir():
        raise InputError("E124", f"{path}: is a folder, expected an output file")
    if not path.parent.is_dir():
        raise InputError("E124", f"{path}: folder {path.parent} does not exist")
    part = path.with_name(path.name + ".part")
    try:
        handle = part.open("w", encoding="utf-8", newline="")
    except PermissionError:
        raise InputError("E125", f"{path}: permission denied") from None
    try:
        with handle:
            count = _write(rows, handle, fmt)
    except BaseException:
        part.unlink(missing_ok=True)  # a bad input line leaves no half-written table behind
        raise
    os.replace(part, path)
    return count
