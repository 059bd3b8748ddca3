"""One pair per name: a decoding constraint the relation extractor learns from its training data.

An exhibit names its issuer again and again, often several times in one sentence ("I, NAME, the
Chief Executive Officer of Quillon Inc., certify ... that the Annual Report of Quillon, Inc.").
The annotation links a name to one mention only, so the relation model, which scores each pair on
its own, pairs the officer with every mention and gains one right pair and several wrong ones.

Which labels hold the constraint is learned, not assumed: a label qualifies on a side when no
gold head of it links two children of the same name (or no child two heads of the same name) in
the training data. At prediction the best-scoring pair of each such group is kept.
"""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Dict, Iterable, List, Tuple

Offsets = Tuple[int, int]
Relations = Dict[Tuple[Offsets, Offsets], Dict[str, float]]
SIDES = ("head", "child")
MIN_GROUPS = 10  # a label seen fewer times says nothing about its names

_NOT_A_NAME_CHARACTER = re.compile(r"[\W_]+")


def name_key(text: str) -> str:
    """A mention's name with case, spacing and punctuation dropped ("Hitachi,\\nLtd." = "HITACHI LTD")."""
    return _NOT_A_NAME_CHARACTER.sub("", text).lower()


def _groups(text: str, relations: Relations, side: str) -> Dict[Tuple[str, Offsets, str], List]:
    """Pairs grouped by label, the span on `side` and the name on the other side."""
    groups: Dict[Tuple[str, Offsets, str], List] = defaultdict(list)
    for (head, child), labels in relations.items():
        fixed, other = (head, child) if side == "head" else (child, head)
        for label, prob in labels.items():
            groups[(label, fixed, name_key(text[other[0]:other[1]]))].append((prob, head, child))
    return groups


def learn_distinct_names(docs: Iterable[Tuple[str, Relations]]) -> Dict[str, List[str]]:
    """Per side, the labels whose gold never pairs one span with two mentions of the same name."""
    seen: Dict[Tuple[str, str], int] = defaultdict(int)
    repeated: Dict[Tuple[str, str], int] = defaultdict(int)
    for text, relations in docs:
        for side in SIDES:
            for (label, _, _), pairs in _groups(text, relations, side).items():
                seen[(side, label)] += 1
                repeated[(side, label)] += len(pairs) > 1
    return {
        side: sorted(label for (s, label), n in seen.items()
                     if s == side and n >= MIN_GROUPS and not repeated[(s, label)])
        for side in SIDES
    }


def keep_best_per_name(text: str, relations: Relations, distinct: Dict[str, List[str]]) -> Relations:
    """Drop, for each constrained label and side, all but the best-scoring pair of each name;
    a tie goes to the mention nearest the fixed span."""
    dropped = set()
    for side in SIDES:
        labels = set(distinct.get(side, ()))
        if not labels:
            continue
        for (label, fixed, _), pairs in _groups(text, relations, side).items():
            if label not in labels or len(pairs) < 2:
                continue
            other = 1 if side == "head" else 0
            best = max(pairs, key=lambda p: (p[0], -abs(p[1 + other][0] - fixed[0])))
            dropped.update((label, p[1], p[2]) for p in pairs if p is not best)
    if not dropped:
        return relations
    kept: Relations = {}
    for (head, child), labels in relations.items():
        rest = {label: prob for label, prob in labels.items() if (label, head, child) not in dropped}
        if rest:
            kept[(head, child)] = rest
    return kept
