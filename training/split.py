"""Train/dev/test splits grouped by company, stratified by category, reproducible by seed.

No company is in two splits. Existing assignments never move: exhibits of a company that
already has a split join it, and only new companies are assigned, by the same rule (the fold
plan, how many of the 20 folds go to each split, may differ per delivery). Two deliberate moves
are recorded in the splits file: `retire_test` sends a test split that was looked into to dev,
and `lock_test` fixes the test ids with a checksum that tests and the datasheet repeat. A locked
test split takes no new companies: their test folds go to dev. Synthetic records
(meta.synthetic, see training.synthetic) are training-only: they always go to train and take no
part in drawing the real companies' splits.
"""
from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

from nlp.errors import InputError, shown_id
from nlp.io.records import ExhibitRecord

N_FOLDS = 20
# 14 train, 3 dev, 3 test folds of 20 (70/15/15)
DEFAULT_PLAN = (14, 3, 3)
DEFAULT_SEED = 13


def fold_plan(plan: Sequence[int] = DEFAULT_PLAN) -> List[str]:
    """The split name of each of the 20 folds, from (train, dev, test) fold counts."""
    if len(plan) != 3 or any(n < 0 for n in plan) or sum(plan) != N_FOLDS:
        raise InputError("E170", f"a fold plan is three counts (train, dev, test) adding up to "
                                 f"{N_FOLDS}, not {','.join(map(str, plan))}")
    return ["train"] * plan[0] + ["dev"] * plan[1] + ["test"] * plan[2]


def describe_plan(plan: Sequence[int]) -> str:
    return (f"StratifiedGroupKFold({N_FOLDS} folds by company, stratified by category): "
            f"{plan[0]} train, {plan[1]} dev, {plan[2]} test")


def company_key(record: ExhibitRecord) -> str:
    company = record.company or record.id
    return " ".join(company.lower().split())


def assign_companies(
    records: Sequence[ExhibitRecord], seed: int, plan: Sequence[int] = DEFAULT_PLAN
) -> Dict[str, str]:
    """company -> split for the companies of `records`, with StratifiedGroupKFold."""
    import warnings

    from sklearn.model_selection import StratifiedGroupKFold

    folds = fold_plan(plan)
    companies = sorted({company_key(r) for r in records})
    if not companies:
        return {}
    if len(companies) < N_FOLDS:
        # too few groups for the folds: assign companies round-robin over the plan, seeded
        import random

        order = companies[:]
        random.Random(seed).shuffle(order)
        return {c: folds[(k * 7) % N_FOLDS] for k, c in enumerate(order)}
    groups = [company_key(r) for r in records]
    categories = [r.category or "unknown" for r in records]
    splitter = StratifiedGroupKFold(n_splits=N_FOLDS, shuffle=True, random_state=seed)
    out: Dict[str, str] = {}
    with warnings.catch_warnings():
        # a category rarer than the fold count is expected (few offerings per delivery)
        warnings.filterwarnings("ignore", message="The least populated class")
        for fold, (_, test_index) in enumerate(splitter.split(records, categories, groups)):
            for i in test_index:
                out[groups[i]] = folds[fold]
    return out


def ids_checksum(ids: Iterable[str]) -> str:
    """sha256 of the sorted ids, one per line: what the datasheet and the lock test repeat."""
    joined = "".join(f"{i}\n" for i in sorted(ids))
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()


def split_ids(splits: dict, name: str) -> List[str]:
    return sorted(i for i, s in splits.get("assignments", {}).items() if s == name)


def _test_to_dev(mapping: Dict[str, str]) -> Dict[str, str]:
    return {key: ("dev" if name == "test" else name) for key, name in mapping.items()}


def retire_test(splits: dict, reason: str) -> dict:
    """The splits with every test company and exhibit moved to dev, the move recorded."""
    if splits.get("locked_test"):
        raise InputError("E171", "the test split is locked: it cannot be retired")
    moved = split_ids(splits, "test")
    out = dict(splits)
    out["companies"] = _test_to_dev(splits["companies"])
    out["assignments"] = _test_to_dev(splits["assignments"])
    out["history"] = list(splits.get("history", [])) + [
        {"action": "retired test to dev", "exhibits": len(moved), "reason": reason}]
    return out


def lock_test(splits: dict) -> dict:
    """The splits with the test ids fixed by a checksum (see `check_locked_test`)."""
    ids = split_ids(splits, "test")
    if not ids:
        raise InputError("E172", "no exhibit is in the test split: nothing to lock")
    out = dict(splits)
    out["locked_test"] = {"exhibits": len(ids), "sha256": ids_checksum(ids)}
    return out


def check_locked_test(splits: dict) -> None:
    """Raise unless the test ids still match the checksum they were locked with."""
    lock = splits.get("locked_test")
    if lock and ids_checksum(split_ids(splits, "test")) != lock.get("sha256"):
        raise InputError("E173", "the locked test split changed: its ids no longer match "
                                 "the checksum in splits.json")


def check_synthetic_stay_in_train(
    records: Sequence[ExhibitRecord], companies: Dict[str, str], assignments: Dict[str, str]
) -> None:
    """Raise unless every synthetic record can go to train: not already in dev or test, and no
    real exhibit's company (a company is never in two splits)."""
    from training.synthetic import is_synthetic

    real_companies = {company_key(r) for r in records if not is_synthetic(r)}
    for record in records:
        if not is_synthetic(record):
            continue
        key = company_key(record)
        held = assignments.get(record.id) or companies.get(key)
        if held not in (None, "train"):
            raise InputError("E404", f"record {shown_id(record.id)} is synthetic (training-only) but the "
                                     f"splits file puts it or its company in {held}")
        if key in real_companies:
            raise InputError("E404", f"record {shown_id(record.id)} is synthetic (training-only) but shares "
                                     f"its company {record.company!r} with real exhibits")


def make_splits(
    records: Sequence[ExhibitRecord],
    seed: int = DEFAULT_SEED,
    existing: Optional[dict] = None,
    plan: Sequence[int] = DEFAULT_PLAN,
) -> dict:
    """The splits document: {"seed", "plan", "companies": {company: split}, "assignments": {id: split}}
    plus "history" (one entry per delivery or move) and "locked_test" where set."""
    from training.synthetic import is_synthetic

    existing = existing or {}
    check_locked_test(existing)
    companies: Dict[str, str] = dict(existing.get("companies", {}))
    assignments: Dict[str, str] = dict(existing.get("assignments", {}))
    check_synthetic_stay_in_train(records, companies, assignments)
    fresh = [r for r in records if company_key(r) not in companies and not is_synthetic(r)]
    assigned = assign_companies(fresh, seed, plan)
    if existing.get("locked_test"):
        assigned = _test_to_dev(assigned)
    companies.update(assigned)
    for record in records:
        if is_synthetic(record):
            companies.setdefault(company_key(record), "train")
    added = [r for r in records if r.id not in assignments]
    for record in added:
        assignments[record.id] = companies[company_key(record)]
    history = list(existing.get("history", []))
    if added:
        history.append({"action": "assigned new exhibits", "exhibits": len(added),
                        "companies": len(assigned), "seed": seed, "plan": describe_plan(plan)})
    out = {
        "seed": existing.get("seed", seed),
        "plan": existing.get("plan", describe_plan(plan)),
        "history": history,
        "companies": dict(sorted(companies.items())),
        "assignments": dict(sorted(assignments.items())),
    }
    if existing.get("locked_test"):
        out["locked_test"] = existing["locked_test"]
    return out


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


def hold_out_dev(
    records: Sequence[ExhibitRecord], dev_share: float, seed: int = 0
) -> Tuple[List[ExhibitRecord], List[ExhibitRecord]]:
    """(train, dev) with about dev_share of the companies in dev. With dev_share 0, or a single
    company, dev is the training data itself (model-best is then chosen on what it trained on)."""
    from sklearn.model_selection import GroupShuffleSplit

    if not 0 <= dev_share < 1:
        raise InputError("E115", f"--dev-share must be at least 0 and below 1, not {dev_share}")
    groups = [company_key(r) for r in records]
    if dev_share == 0 or len(set(groups)) < 2:
        return list(records), list(records)
    splitter = GroupShuffleSplit(n_splits=1, test_size=dev_share, random_state=seed)
    train_index, dev_index = next(splitter.split(records, groups=groups))
    return [records[i] for i in train_index], [records[i] for i in dev_index]
