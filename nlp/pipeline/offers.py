"""The `offers` step of exhibit_relation_rules: OFFERS from the sentences that state a sale, by the guide's reading.

A release states what its issuer sells in the sentence that names the issuer first and the
securities after a word of sale ("announced the pricing of its public offering of 9,505,705
shares of its common stock"; "has granted the underwriters a 30-day option to purchase up to an
additional 1,425,855 shares"). Securities only described inside another ("warrants to purchase
shares of common stock", "each unit includes a share"), defined terms ("(the “Units”)") and
repeats of a security already taken in the sentence hold no OFFERS. A sentence may also name the
issuer after the security, as the one selling it ("shares of common stock to be issued and sold
by Quillon", "an additional 500,000 shares of common stock from Quillon"). The rule replaces the
model's OFFERS, which it beats on every split of the corpus.
"""
from __future__ import annotations

import re
from typing import List, Sequence, Tuple

from ..issuer_names import issuers_by_sentence
from ..ml.candidates import is_defined_term
from ..pattern_files import alternation, load_patterns
from .relation_rules import Offsets, pair_rule
from ..structure import segment_ranges

_CUES = load_patterns("offering_cues")
_SALE = re.compile(rf"\b(?:{alternation(_CUES['sale_stems'])})", re.IGNORECASE)
# the few words before a security that make it part of another one's description
_DESCRIBED = re.compile(
    rf"(?:{alternation(_CUES['description_cues'])})\W*(?:\w+\W+){{0,4}}$",
    re.IGNORECASE,
)
_SOLD_BY = re.compile(rf"(?:{alternation(_CUES['passive_sale_cues'])})\s+(?:the\s+)?", re.IGNORECASE)


def _described(text: str, floor: int, start: int) -> bool:
    """Whether the few words before the security at `start` (none before `floor`) describe it as
    part of another security."""
    return bool(_DESCRIBED.search(text[max(floor, start - 50):start]))


def offer_pairs(text: str, issuers: Sequence[Offsets], securities: Sequence[Offsets]) -> List[Tuple[Offsets, Offsets]]:
    """(issuer, security) pairs of the sentences that state a sale."""
    securities = sorted(s for s in securities if not is_defined_term(text, s[0]))
    pairs = []
    for (start, end), heads in issuers_by_sentence(text, issuers, segment_ranges(text)):
        head, taken = heads[0], set()
        for security in (s for s in securities if head[1] <= s[0] < end):
            if not _SALE.search(text[head[1]:security[0]]):
                continue
            if _described(text, head[1], security[0]):
                continue
            name = " ".join(text[security[0]:security[1]].lower().split())
            if name not in taken:
                taken.add(name)
                pairs.append((head, security))
        pairs += _sold_by_pairs(text, heads, [s for s in securities if start <= s[0] < end], pairs)
    return pairs


def _sold_by_pairs(text: str, heads: Sequence[Offsets], securities: Sequence[Offsets],
                   taken: Sequence[Tuple[Offsets, Offsets]]) -> List[Tuple[Offsets, Offsets]]:
    """(issuer, security) where the issuer is named right after the security as its seller."""
    paired = {security for _, security in taken}
    pairs = []
    for head in heads:
        before = [s for s in securities if s[1] <= head[0]]
        if not before or before[-1] in paired:
            continue
        security = before[-1]
        if _SOLD_BY.fullmatch(text, security[1], head[0]) and not _described(text, 0, security[0]):
            pairs.append((head, security))
            paired.add(security)
    return pairs


make_offered_securities = pair_rule(
    label="OFFERS", head_label="ISSUER", child_label="SECURITY",
    find=offer_pairs, replaces=True,
)
