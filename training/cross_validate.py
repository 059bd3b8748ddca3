"""K-fold cross-validation grouped by company: train on K-1 folds, score the held-out fold.

No company is in two folds (meta.company, falling back to the record id, as in training.split).
Folds are stratified by category where scikit-learn's StratifiedGroupKFold can do it, else
GroupKFold. Within the training folds, a share of the companies is held out as the dev set
that picks model-best, so the scored fold never takes part in training or model choice.
"""
from __future__ import annotations

import contextlib
import json
import tempfile
import time
import warnings
from pathlib import Path
from typing import Callable, Dict, List, Optional, Sequence, Tuple

import numpy as np

from nlp.errors import InputError
from nlp.io.records import ExhibitRecord, read_records, write_records
from nlp.provenance import record_trained_on
from training.label_sets import FOREIGN, entity_labels
from training.split import company_key, hold_out_dev  # noqa: F401  (hold_out_dev moved to training.split)
from training.synthetic import extra_training_records, refuse_synthetic_in_corpus
from training.train import (
    check_training_data, file_overrides, init_pipeline, load_training_config, make_output_folder,
)

Progress = Callable[[str], None]

# The split that stays out of the folds by default: it is locked, so it neither trains a fold
# model nor picks one (the card scores it once per shipped model).
LOCKED_SPLIT = "test"
ALL_RECORDS = "all"


def records_to_fold(
    corpus: Path, split: Optional[str], splits_path: Optional[Path], progress: Progress = lambda message: None,
) -> List[ExhibitRecord]:
    """The records of `corpus` to fold. With no `split`, all but those the splits file assigns to
    the locked test split (exhibits it does not assign are folded); with split "all", every
    record; else only the records of `split` ("train+dev" names two). A split asked for that
    holds no record is error E320 (nlp.evaluation)."""
    from nlp.evaluation import select_gold, splits_present
    from nlp.io.corpus_reader import load_split_ids

    records = read_records(corpus)  # an empty corpus was refused by read_records (E161)
    if split == ALL_RECORDS:
        return records
    if split is None:
        if splits_path is None or not Path(splits_path).exists():
            return records
        locked = load_split_ids(Path(splits_path), LOCKED_SPLIT)
        chosen = [record for record in records if record.id not in locked]
        if len(chosen) < len(records):
            progress(f"left out the {len(records) - len(chosen)} exhibits of the locked {LOCKED_SPLIT} split "
                     f"({splits_path}; --split all folds them too)")
        return chosen
    chosen = select_gold(corpus, split, splits_path)
    if len(chosen) < len(records):
        kept = {record.id for record in chosen}
        left = splits_present([r for r in records if r.id not in kept], Path(splits_path))
        listed = ", ".join(f"{name} {count}" for name, count in left.items())
        progress(f"folding the {len(chosen)} exhibits of {split} ({splits_path}); left out: {listed}")
    return chosen


def assign_folds(records: Sequence[ExhibitRecord], k: int, seed: int = 0) -> Tuple[List[int], str]:
    """The fold (0..k-1) of each record, and how the folds were made."""
    from sklearn.model_selection import GroupKFold, StratifiedGroupKFold

    if k < 2:
        raise InputError("E111", f"--folds must be 2 or more, not {k}")
    groups = [company_key(r) for r in records]
    if len(set(groups)) < k:
        raise InputError("E112", f"{k} folds need at least {k} companies; the corpus has {len(set(groups))}")
    categories = [r.category or "unknown" for r in records]
    folds = [0] * len(records)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # "least populated class" when categories are rare
        splits = list(StratifiedGroupKFold(n_splits=k, shuffle=True, random_state=seed).split(records, categories, groups))
    how = f"StratifiedGroupKFold by company, stratified by category, seed {seed}"
    if any(len(test) == 0 for _, test in splits):
        splits = list(GroupKFold(n_splits=k).split(records, groups=groups))
        how = "GroupKFold by company"
    for fold, (_, test) in enumerate(splits):
        for i in test:
            folds[i] = fold
    return folds, how


def train_fold(config_path: Path, overrides: Dict[str, str], train: Path, dev: Path, output: Path) -> Path:
    """Train one fold's pipeline into `output` (spaCy's log goes to output/train.log); the model
    directory to score: model-best, or model-last when no evaluation ever ran."""
    from spacy.training.loop import train as train_nlp

    config = load_training_config(config_path, {**overrides, **file_overrides(train, dev)})
    entity_labels([train, dev]).fit_pipeline(config)  # a foreign label set: the guide's steps aside
    output = make_output_folder(output)
    with (output / "train.log").open("w", encoding="utf-8") as log, contextlib.redirect_stdout(log):
        nlp = init_pipeline(config, config_path)
        record_trained_on(nlp.meta, read_records(train))
        train_nlp(nlp, output, stdout=log, stderr=log)
    (output / FINISHED).write_text("spaCy's training loop returned\n", encoding="utf-8")
    best = output / "model-best"
    return best if best.exists() else output / "model-last"


# spaCy rewrites model-last at every evaluation, so a model-last alone may be an interrupted run's
FINISHED = "training-finished"


def finished_model(folder: Path) -> Optional[Path]:
    """The model an earlier run finished in a fold folder, or None when training did not end."""
    if not (folder / FINISHED).exists() or not (folder / "model-last" / "meta.json").exists():
        return None
    best = folder / "model-best"
    return best if (best / "meta.json").exists() else folder / "model-last"


def spread(values: Sequence[float]) -> Dict[str, float]:
    """Mean, population standard deviation, min and max."""
    array = np.asarray(values, dtype=np.float64)
    return {"mean": float(array.mean()), "std": float(array.std()), "min": float(array.min()), "max": float(array.max())}


def summarize_folds(fold_scores: Sequence[Dict]) -> Dict:
    """{block: {"micro": {p/r/f: spread}, "macro_f": spread, "per_label": {label: {p/r/f: spread, "folds"}}}}.

    A label is summarized over the folds where it occurs (in gold or predictions)."""
    summary = {}
    blocks = [k for k in fold_scores[0] if k.startswith(("entities_", "relations_")) or k == "facts"]
    for key in blocks:
        present = [s[key] for s in fold_scores if key in s]
        labels = sorted({label for block in present for label in block["per_label"]})
        per_label = {}
        for label in labels:
            rows = [block["per_label"][label] for block in present if label in block["per_label"]]
            per_label[label] = {m: spread([r[m] for r in rows]) for m in ("p", "r", "f")}
            per_label[label]["folds"] = len(rows)
        summary[key] = {
            "micro": {m: spread([b["micro"][m] for b in present]) for m in ("p", "r", "f")},
            "macro_f": spread([b["macro_f"] for b in present]),
            "per_label": per_label,
        }
    return summary


def cross_validate(
    config_path: Path,
    corpus: Path,
    k: int,
    overrides: Optional[Dict[str, str]] = None,
    output: Optional[Path] = None,
    seed: int = 0,
    dev_share: float = 0.15,
    strict_schema: bool = True,
    progress: Progress = lambda message: None,
    resume: bool = False,
    extra_train: Optional[Path] = None,
    split: Optional[str] = None,
    splits_path: Optional[Path] = None,
) -> Dict:
    """Train and score k folds; the report has every fold's scores and their spread ("summary").

    With `output`, each fold's data, log, models and scores stay in output/fold-N and the report
    is written to output/cross_validation.json; without, they go to a temporary folder. With
    `resume`, a fold whose model (and scores) an earlier run into `output` left is not redone:
    the fold assignment is the same for the same records, k and seed. `extra_train` is a file of
    synthetic records (training.synthetic) added to the training part of every fold, never to a
    fold's dev or test. `split` and `splits_path` choose the records folded (`records_to_fold`):
    without a splits file, every record of `corpus`."""
    from nlp.evaluation import run_model, score_system
    from nlp.models import load_model

    overrides = dict(overrides or {})
    load_training_config(config_path, overrides)  # a bad config fails before any fold trains
    label_set = check_training_data(Path(corpus), Path(corpus), strict_schema)
    if label_set.kind == FOREIGN:
        pipeline = label_set.fit_pipeline(load_training_config(config_path, overrides))
        progress(label_set.note(pipeline))
    records = records_to_fold(Path(corpus), split, splits_path, progress)
    refuse_synthetic_in_corpus(records, Path(corpus))
    extra: List[ExhibitRecord] = []
    if extra_train is not None:
        check_training_data(Path(extra_train), Path(extra_train), strict_schema)
        extra = extra_training_records(Path(extra_train), records)
    fold_of, how = assign_folds(records, k, seed)
    with contextlib.ExitStack() as stack:
        root = Path(output) if output else Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="exhibit-cv-")))
        folds = []
        for fold in range(k):
            test = [r for r, f in zip(records, fold_of) if f == fold]
            train, dev = hold_out_dev([r for r, f in zip(records, fold_of) if f != fold], dev_share, seed)
            train = train + extra  # after the dev hold-out: synthetic records only ever train
            folder = root / f"fold-{fold + 1}"
            folder.mkdir(parents=True, exist_ok=True)
            for name, part in (("train", train), ("dev", dev), ("test", test)):
                write_records(part, folder / f"{name}.jsonl")
            companies = len({company_key(r) for r in test})
            added = f", {len(extra)} of them synthetic" if extra else ""
            progress(f"fold {fold + 1}/{k}: training on {len(train)} exhibits{added} (dev {len(dev)}), "
                     f"testing on {len(test)} exhibits of {companies} companies")
            started = time.time()
            model_dir = finished_model(folder) if resume else None
            if model_dir is None:
                model_dir = train_fold(config_path, overrides, folder / "train.jsonl", folder / "dev.jsonl", folder)
            scores_path = folder / "scores.json"
            if resume and scores_path.exists():
                scores = json.loads(scores_path.read_text(encoding="utf-8"))
            else:
                scores = score_system(test, run_model(load_model(model_dir), test), bootstrap=None)
            minutes = (time.time() - started) / 60
            scores_path.write_text(json.dumps(scores, indent=2) + "\n", encoding="utf-8")
            folds.append({
                "fold": fold + 1, "train_documents": len(train), "dev_documents": len(dev),
                "test_documents": len(test), "test_ids": [r.id for r in test],
                "model": model_dir.name, "minutes": round(minutes, 2), "scores": scores,
            })
            progress(f"fold {fold + 1}/{k}: entity F1 {scores['entities_strict']['micro']['f']:.3f}, "
                     f"relation F1 {scores['relations_end_to_end']['micro']['f']:.3f} ({minutes:.1f} min)")
        report = {
            "config": str(config_path), "corpus": str(corpus), "k": k, "seed": seed, "dev_share": dev_share,
            "grouping": how, "overrides": overrides, "documents": len(records),
            "split": split, "splits": str(splits_path) if splits_path is not None else None,
            "extra_train": str(extra_train) if extra_train is not None else None,
            "extra_train_documents": len(extra),
            "folds": folds, "summary": summarize_folds([f["scores"] for f in folds]),
        }
        if output:
            (root / "cross_validation.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return report
