"""How many partners a span takes: decoding limits the relation extractor learns from its data.

The relation model scores each pair on its own, so where the annotation gives a span one partner
it happily gives several. Two limits hold in the guide's data and are learned, not assumed:

- one mention per name: an exhibit names its issuer again and again, often several times in one
  sentence ("I, NAME, the Chief Executive Officer of Quillon Inc., certify ... that the Annual
  Report of Quillon, Inc."); the annotation links the officer to the one mention that states it;
- one partner: a title is held by one officer, a price is of one security.

A label is limited on a side when, in the training data, at most MAX_SHARE of its spans on that
side (and at least MIN_GROUPS seen) break the limit. At prediction the best-scoring pair of each
group is kept; a tie goes to the partner nearest the span.
"""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Dict, Iterable, List, Tuple

Offsets = Tuple[int, int]
Relations = Dict[Tuple[Offsets, Offsets], Dict[str, float]]
Limits = Dict[str, Dict[str, List[str]]]  # limit -> side -> labels
SIDES = ("head", "child")
ONE_PER_NAME, ONE_PARTNER = "one_per_name", "one_partner"
LIMITS = (ONE_PER_NAME, ONE_PARTNER)
MIN_GROUPS = 10  # a label seen fewer times says nothing about its partners
MAX_SHARE = 0.01  # one annotated exception in a hundred does not undo a limit

_NOT_A_NAME_CHARACTER = re.compile(r"[\W_]+")


def name_key(text: str) -> str:
    """A mention's name with case, spacing and punctuation dropped ("Hitachi,\\nLtd." = "HITACHI LTD")."""
    return _NOT_A_NAME_CHARACTER.sub("", text).lower()


def _groups(text: str, relations: Relations, side: str, limit: str) -> Dict[Tuple, List]:
    """Pairs grouped by label and the span on `side` (and, for ONE_PER_NAME, the partner's name)."""
    groups: Dict[Tuple, List] = defaultdict(list)
    for (head, child), labels in relations.items():
        fixed, other = (head, child) if side == "head" else (child, head)
        partner = name_key(text[other[0]:other[1]]) if limit == ONE_PER_NAME else ""
        for label, prob in labels.items():
            groups[(label, fixed, partner)].append((prob, head, child))
    return groups


def learn_pair_limits(docs: Iterable[Tuple[str, Relations]]) -> Limits:
    """Per limit and side, the labels whose training pairs keep to it."""
    seen: Dict[Tuple[str, str, str], int] = defaultdict(int)
    broken: Dict[Tuple[str, str, str], int] = defaultdict(int)
    for text, relations in docs:
        for limit in LIMITS:
            for side in SIDES:
                for (label, _, _), pairs in _groups(text, relations, side, limit).items():
                    seen[(limit, side, label)] += 1
                    broken[(limit, side, label)] += len(pairs) > 1
    return {
        limit: {
            side: sorted(label for (lim, s, label), n in seen.items()
                         if (lim, s) == (limit, side) and n >= MIN_GROUPS
                         and broken[(lim, s, label)] <= MAX_SHARE * n)
            for side in SIDES
        }
        for limit in LIMITS
    }


def keep_best_pairs(text: str, relations: Relations, limits: Limits) -> Relations:
    """Drop, for each limited label and side, all but the best-scoring pair of each group."""
    dropped = set()
    for limit, sides in limits.items():
        for side, labels in sides.items():
            if not labels:
                continue
            other = 1 if side == "head" else 0  # where the partner stands in (head, child)
            for (label, fixed, _), pairs in _groups(text, relations, side, limit).items():
                if label not in labels or len(pairs) < 2:
                    continue
                best = max(pairs, key=lambda p: (p[0], -abs(p[1:][other][0] - fixed[0])))
                dropped.update((label, p[1], p[2]) for p in pairs if p is not best)
    if not dropped:
        return relations
    kept: Relations = {}
    for (head, child), labels in relations.items():
        rest = {label: prob for label, prob in labels.items() if (label, head, child) not in dropped}
        if rest:
            kept[(head, child)] = rest
    return kept
