"""A price of several securities together, which by the guide is a PRICE with no PRICE_OF.

"the weighted average combined price of the shares and the warrants is $3.20", "a combined
public offering price of $1.00 per share and accompanying warrant": the words before or after
the price say it is paid for a bundle. The relation step and the facts read it alike.
"""
from __future__ import annotations

import re

_BEFORE = re.compile(r"\bcombined\b[\w\s,-]{0,40}\bprices?\b[\w\s]{0,60}$")
_AFTER = re.compile(r"^(?:per|for each|for every)\s+[\w\s-]{0,40}?\b(?:and|with)\s+"
                    r"(?:the\s+)?(?:an?\s+|one\s+)?(?:accompanying|associated|related)\b")
# how far the cues reach from the price, in characters of raw text
BEFORE_CHARS = 90
AFTER_CHARS = 80


def _folded(text: str) -> str:
    return " ".join(text.split()).lower()


def states_combined_price(before: str, after: str) -> bool:
    """True when `before` (the text up to the price, in its sentence) or `after` (the text from
    the price's end) says the price is for several securities together."""
    return bool(_BEFORE.search(_folded(before[-BEFORE_CHARS:])) or _AFTER.match(_folded(after[:AFTER_CHARS])))
