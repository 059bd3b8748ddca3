"""Structured facts of an exhibit: the offering or certification record, and its warnings.

    extract_facts(output) -> {"record": {...}, "warnings": [{"code", "message"}, ...]}

`output` is a guide record dict (an `exhibit predict` line or a gold JSONL record): only its
text, category, entities (with `value` when present) and relations are read.

The record (other modules build on this shape; change it only together with them):

    offering       {"kind": "offering",
                    "offering": {"issuer", "gross", "net", "currency", "currency_assumed",
                                 "agents": [...], "combined_price"},
                    "securities": [{"name", "quantity", "price", "exercise_price",
                                    "conversion_price", "tranches"?}]}
    certification  {"kind": "certification", "company",
                    "report": {"form", "amendment", "period": {"text", "date"} | None},
                    "officers": [{"name", "titles": [...]}]}
    other          {"kind": "other", "company"}

Money is {"amount": "1.09999", "currency": "USD"}: the amount a plain decimal string, exact
as written with its scale applied. The offering's amounts (gross, net) and its combined price
("a combined price of $3.20 per share and accompanying warrant", which by the guide belongs to
no security) are the offering's, once per exhibit, never a security's. `currency` is the
currency written on the offering's figures (C$, US$, NOK, €); when only a bare "$" is written
it is read from the document's cues (nlp/currency.py, nlp/facts/currency_cues.json) and
`currency_assumed` is true. A security's `quantity` is an int, `tranches` appears only when
one security was sold at several prices ([{"quantity", "price"}]).
"""
from __future__ import annotations

from typing import Any, Dict

from .certification import build_certification
from .checks import check_record, check_scales
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
    view = RecordView(output)
    record = build_record(view)
    return {"record": record, "warnings": check_record(record) + check_scales(view)}
