"""How accuracy grows with data: train on a share of the training companies, score the dev split.

For each share, a seeded sample of the train split's companies (whole companies, never part of
one) trains a pipeline; model-best is picked on a share of those companies held out as in
cross-validation, so the dev split is scored and never used to choose. The locked test split is
never read.

    python -m training.learning_curve OUT_FOLDER [--config C] [--shares 0.25,0.5,0.75,1]
"""
from __future__ import annotations

import argparse
import json
import random
from pathlib import Path
from typing import Dict, List, Sequence

from nlp.errors import InputError
from nlp.io.records import ExhibitRecord, read_records, write_records
from training.split import company_key, hold_out_dev, read_splits, split_records


def sample_companies(records: Sequence[ExhibitRecord], share: float, seed: int = 0) -> List[ExhibitRecord]:
    """The records of a seeded `share` of the companies; shares are nested (a larger share holds
    every company of a smaller one) so the curve measures data, not a different draw."""
    if not 0 < share <= 1:
        raise InputError("E178", f"a learning-curve share must be above 0 and at most 1, not {share}")
    companies = sorted({company_key(r) for r in records})
    random.Random(seed).shuffle(companies)
    keep = set(companies[:max(1, round(share * len(companies)))])
    return [r for r in records if company_key(r) in keep]


def learning_curve(config: Path, corpus: Path, shares: Sequence[float], output: Path,
                   seed: int = 0, dev_share: float = 0.15) -> List[Dict]:
    from nlp.evaluation import run_model, score_system
    from nlp.models import load_model
    from training.cross_validate import train_fold

    parts = split_records(read_records(corpus / "exhibits.jsonl"), read_splits(corpus / "splits.json"))
    scored = parts["dev"]
    rows = []
    for share in shares:
        folder = Path(output) / f"share-{share:g}"
        folder.mkdir(parents=True, exist_ok=True)
        subset = sample_companies(parts["train"], share, seed)
        train, pick = hold_out_dev(subset, dev_share, seed)
        write_records(train, folder / "train.jsonl")
        write_records(pick, folder / "pick.jsonl")
        model_dir = train_fold(config, {}, folder / "train.jsonl", folder / "pick.jsonl", folder)
        scores = score_system(scored, run_model(load_model(model_dir), scored), bootstrap=None)
        row = {"share": share, "companies": len({company_key(r) for r in subset}), "exhibits": len(subset),
               "entities_f": scores["entities_strict"]["micro"]["f"],
               "relations_f": scores["relations_end_to_end"]["micro"]["f"]}
        if "facts" in scores:
            row["facts_f"] = scores["facts"]["micro"]["f"]
        rows.append(row)
        print(json.dumps(row), flush=True)
    (Path(output) / "learning_curve.json").write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    return rows


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", type=Path)
    parser.add_argument("--config", type=Path, default=Path("configs/default.cfg"))
    parser.add_argument("--corpus", type=Path, default=Path("corpus"))
    parser.add_argument("--shares", default="0.25,0.5,0.75,1")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    shares = [float(s) for s in args.shares.split(",") if s]
    learning_curve(args.config, args.corpus, shares, args.output, args.seed)


if __name__ == "__main__":
    main()
