"""Train/dev/test splits grouped by company, stratified by category, reproducible by seed.

No company is in two splits. Existing assignments never move: exhibits of a company that
already has a split join it, and only new companies are assigned, by the same rule.
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Dict, List, Optional, Sequence

from nlp.errors import InputError
from nlp.io.records import ExhibitRecord

# 20 folds: 14 train, 3 dev, 3 test (70/15/15)
FOLD_PLAN = ["train"] * 14 + ["dev"] * 3 + ["test"] * 3
DEFAULT_SEED = 13


def company_key(record: ExhibitRecord) -> str:
    company = record.company or record.id
    return " ".join(company.lower().split())


def assign_companies(records: Sequence[ExhibitRecord], seed: int) -> Dict[str, str]:
    """company -> split for the companies of `records`, with StratifiedGroupKFold."""
    from sklearn.model_selection import StratifiedGroupKFold

    companies = sorted({company_key(r) for r in records})
    if not companies:
        return {}
    n_folds = len(FOLD_PLAN)
    if len(companies) < n_folds:
        # too few groups for the folds: assign companies round-robin over the plan, seeded
        import random

        order = companies[:]
        random.Random(seed).shuffle(order)
        return {c: FOLD_PLAN[(k * 7) % n_folds] for k, c in enumerate(order)}
    groups = [company_key(r) for r in records]
    categories = [r.category or "unknown" for r in records]
    splitter = StratifiedGroupKFold(n_splits=n_folds, shuffle=True, random_state=seed)
    out: Dict[str, str] = {}
    for fold, (_, test_index) in enumerate(splitter.split(records, categories, groups)):
        for i in test_index:
            out[groups[i]] = FOLD_PLAN[fold]
    return out


def make_splits(
    records: Sequence[ExhibitRecord],
    seed: int = DEFAULT_SEED,
    existing: Optional[dict] = None,
) -> dict:
    """The splits document: {"seed", "plan", "companies": {company: split}, "assignments": {id: split}}."""
    existing = existing or {}
    companies: Dict[str, str] = dict(existing.get("companies", {}))
    assignments: Dict[str, str] = dict(existing.get("assignments", {}))
    fresh = [r for r in records if company_key(r) not in companies]
    companies.update(assign_companies(fresh, seed))
    for record in records:
        if record.id not in assignments:
            assignments[record.id] = companies[company_key(record)]
    return {
        "seed": existing.get("seed", seed),
        "plan": "StratifiedGroupKFold(20 folds by company, stratified by category): 14 train, 3 dev, 3 test",
        "companies": dict(sorted(companies.items())),
        "assignments": dict(sorted(assignments.items())),
    }


def read_splits(path: Path) -> dict:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except ValueError as err:
        raise InputError("E021", f"{path}: not a splits file ({err})") from None
    except OSError as err:
        raise InputError("E164", f"{path}: cannot read the splits file ({err.strerror})") from None
    if not isinstance(data, dict) or not all(isinstance(data.get(k, {}), dict) for k in ("companies", "assignments")):
        raise InputError("E021", f"{path}: not a splits file (expected an object with "
                                 "\"companies\" and \"assignments\" objects)")
    return data


def write_splits(splits: dict, path: Path) -> None:
    path = Path(path)
    try:
        path.write_text(json.dumps(splits, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    except OSError as err:
        raise InputError("E164", f"{path}: cannot write the splits file ({err.strerror})") from None


def split_records(records: Sequence[ExhibitRecord], splits: dict) -> Dict[str, List[ExhibitRecord]]:
    out: Dict[str, List[ExhibitRecord]] = {}
    for record in records:
        name = splits["assignments"].get(record.id)
        if name is None:
            raise InputError("E023", f"record {record.id} has no split: run `exhibit split` first")
        out.setdefault(name, []).append(record)
    return out


def split_summary(records: Sequence[ExhibitRecord], splits: dict) -> Dict[str, Dict[str, int]]:
    """documents per split and category."""
    table: Dict[str, Counter] = {}
    for record in records:
        name = splits["assignments"].get(record.id, "unassigned")
        table.setdefault(name, Counter())[record.category or "unknown"] += 1
    return {k: dict(sorted(v.items())) for k, v in sorted(table.items())}
