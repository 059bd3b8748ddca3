"""The period a certified report covers: "for the fiscal year ended November 29, 2003"."""
from __future__ import annotations

import datetime
import re
from typing import Dict, Optional

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = "(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\b\.?"
_DATE = (
    rf"(?P<month>{_MONTH})\s+(?P<day>\d{{1,2}}),?\s+(?P<year>\d{{4}})"
    rf"|(?P<day2>\d{{1,2}})\s+(?P<month2>{_MONTH}),?\s+(?P<year2>\d{{4}})"
    r"|(?P<iso>\d{4}-\d{2}-\d{2})"
    r"|(?P<m3>\d{1,2})/(?P<d3>\d{1,2})/(?P<y3>\d{4})"
)
_SPAN = (
    r"(?:fiscal\s+|transition\s+|annual\s+|quarterly\s+)?"
    r"(?:years?|quarters?|periods?|(?:three|six|nine|twelve|3|6|9|12)[\s-]+months?(?:\s+periods?)?)"
)
PERIOD = re.compile(rf"\b{_SPAN}\s+(?:ended|ending)\s+(?:on\s+)?(?:{_DATE})", re.IGNORECASE)
# How far from the report's name its period may stand ("... on Form 10-Q (the "Report") for ...").
NEAR_REPORT = 300


def _iso(match: re.Match) -> Optional[str]:
    groups = match.groupdict()
    try:
        if groups["iso"]:
            return datetime.date.fromisoformat(groups["iso"]).isoformat()
        if groups["m3"]:
            return datetime.date(int(groups["y3"]), int(groups["m3"]), int(groups["d3"])).isoformat()
        month = groups["month"] or groups["month2"]
        day = groups["day"] or groups["day2"]
        year = groups["year"] or groups["year2"]
        return datetime.date(int(year), _MONTHS[month.rstrip(".").lower()], int(day)).isoformat()
    except (ValueError, TypeError):
        return None  # "February 30": keep the words, give no date


def find_period(text: str, start: int = 0, end: Optional[int] = None) -> Optional[Dict[str, Optional[str]]]:
    """The period phrase nearest the report at text[start:end] (the first in the text when no
    report is given): {"text": "fiscal year ended November 29, 2003", "date": "2003-11-29"}."""
    best = None
    for match in PERIOD.finditer(text):
        if end is None:
            best = (0, match)
            break
        # a period usually follows the report's name: at equal distance, the one after it
        distance = match.start() - end if match.start() >= end else start - match.end() + 0.5
        if distance <= NEAR_REPORT and (best is None or distance < best[0]):
            best = (distance, match)
    if best is None:
        return None
    match = best[1]
    return {"text": " ".join(match.group().split()), "date": _iso(match)}
