"""The certification record: company, certified report (form, amendment, period), officers."""
from __future__ import annotations

import re
from typing import Any, Dict, List, Optional

from .grouping import distinct_titles, group_people, pick_company
from .periods import find_period
from .view import Mention, RecordView

# "this Amendment No. 1 to the Annual Report on Form 10-K": the REPORT span is the original
# report's name, the filing certified is its amendment.
_AMENDMENT_BEFORE = re.compile(r"\bamendment(?: no\.? ?\d+)?(?: to)?(?: the| its| our| this)?$|\bamended$")


def build_report(view: RecordView) -> Dict[str, Any]:
    """The first certified REPORT (the first REPORT when no CERTIFIES relation names one)."""
    reports = view.of("REPORT")
    if not reports:
        return {"form": None, "amendment": None, "period": find_period(view.text)}
    certified = sorted((m for m in view.relation_ends({"CERTIFIES"}, as_head=False)
                        if m.label == "REPORT"), key=lambda m: m.start)
    report = (certified or reports)[0]
    value = report.value if isinstance(report.value, dict) else {}
    form: Optional[str] = value.get("form")
    amendment = bool(value.get("amendment"))
    if not amendment and _AMENDMENT_BEFORE.search(view.before(report, 60)):
        amendment = True
        if form and not form.endswith("/A"):
            form += "/A"
    return {"form": form, "amendment": amendment,
            "period": find_period(view.text, report.start, report.end)}


def _title_text(title: Mention) -> str:
    return title.value if isinstance(title.value, str) else title.name


def build_officers(view: RecordView) -> List[Dict[str, Any]]:
    """Each officer once (all their mentions merged), with the titles of all their HAS_TITLE."""
    officers = []
    for person in group_people(view.of("OFFICER")):
        titles = sorted({t for m in person.mentions for t in view.related(m, "HAS_TITLE")},
                        key=lambda t: t.start)
        officers.append({"name": person.name, "titles": distinct_titles(_title_text(t) for t in titles)})
    return officers


def build_certification(view: RecordView) -> Dict[str, Any]:
    return {
        "kind": "certification",
        "company": pick_company(view, {"OFFICER_OF"}, as_head=False),
        "report": build_report(view),
        "officers": build_officers(view),
    }
