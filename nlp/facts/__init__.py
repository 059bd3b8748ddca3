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
from ..schema import CATEGORIES
from ..structure import CERTIFYING_STATEMENT, structure_regions

# The relations that say something is offered; entities alone do not: an earnings release
# names its common stock and an amount without offering anything.
OFFERING_LABELS = ("SECURITY", "AMOUNT", "PRICE", "QUANTITY", "AGENT")
OFFERING_RELATIONS = ("OFFERS", "RAISES", "QUANTITY_OF", "PRICE_OF")
KINDS = CATEGORIES  # the guide's kinds of exhibit, which the textcat also learns


def _certified_reports(view: RecordView) -> int:
    """REPORT mentions inside a certifying statement (nlp.structure): a report a release only
    cites ("our Annual Report on Form 10-K") is no evidence of a certification."""
    statements = [(start, end) for start, end, label in structure_regions(view.text)
                  if label == CERTIFYING_STATEMENT]
    return sum(1 for report in view.of("REPORT") if any(a <= report.start < b for a, b in statements))


def decide_kind(view: RecordView) -> str:
    """The record's category when it has one; else the textcat's kind when the pipeline has a
    textcat; else what its relations show.

    The textcat reads the whole text, so it tells a release that only names its stock from an
    offering; an offering it names still needs an offering relation, or there is nothing offered
    to report. Without a textcat: an offering relation makes an offering; a CERTIFIES relation,
    or a REPORT in a certifying statement, a certification, with or without an OFFICER found
    (that case is warned about). A record without relations is judged by its entities' labels.
    When both kinds of evidence appear (a spurious prediction), the larger body wins.
    """
    if view.category in KINDS:
        return view.category
    if view.kind_scores:
        return _kind_from_scores(view)
    if view.relations:
        offering = sum(1 for *_, label in view.relations if label in OFFERING_RELATIONS)
        certifying = _certified_reports(view) + sum(1 for *_, label in view.relations if label == "CERTIFIES")
    else:  # entities alone (a recognizer without a relation model): judged by their labels
        offering = len(view.of(*OFFERING_LABELS))
        certifying = len(view.of("REPORT"))
    if certifying:
        return "certification" if certifying >= offering else "offering"
    return "offering" if offering else "other"


def _kind_from_scores(view: RecordView) -> str:
    kind = max(KINDS, key=lambda k: view.kind_scores.get(k, 0.0))
    if kind == "offering" and view.relations and not any(label in OFFERING_RELATIONS for *_, label in view.relations):
        return "other"
    return kind


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
