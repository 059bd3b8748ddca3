"""Structured facts of an exhibit: the offering or certification record, and its warnings.

    extract_facts(output) -> {"record": {...}, "warnings": [{"code", "message"}, ...]}

`output` is a guide record dict (an `exhibit predict` line or a gold JSONL record): only its
text, category, entities (with `value` when present) and relations are read.
"""
from __future__ import annotations

from typing import Any, Dict

from .certification import build_certification
from .checks import check_record
from .grouping import pick_company
from .offering import build_offering
from .view import RecordView

OFFERING_LABELS = ("SECURITY", "AMOUNT", "PRICE", "QUANTITY", "AGENT")
KINDS = ("offering", "certification", "other")


def decide_kind(view: RecordView) -> str:
    """The record's category when it has one; else what its entities show.

    Offering entities make an offering; a REPORT (by the guide, only a certified report is
    one) or a CERTIFIES relation a certification, with or without an OFFICER found (that case
    is warned about). When both appear (a spurious prediction), the larger body of evidence wins.
    """
    if view.category in KINDS:
        return view.category
    offering = len(view.of(*OFFERING_LABELS))
    certifying = len(view.of("REPORT")) + sum(1 for *_, label in view.relations if label == "CERTIFIES")
    if certifying:
        return "certification" if certifying >= offering else "offering"
    return "offering" if offering else "other"


def build_record(view: RecordView) -> Dict[str, Any]:
    kind = decide_kind(view)
    if kind == "offering":
        return build_offering(view)
    if kind == "certification":
        return build_certification(view)
    return {"kind": "other", "company": pick_company(view, set(), as_head=True)}


def extract_facts(output: Dict[str, Any]) -> Dict[str, Any]:
    record = build_record(RecordView(output))
    return {"record": record, "warnings": check_record(record)}
