"""Which components earn their place: rescore cross-validation fold models with some left out.

Rule components hold no weights, so leaving one out needs no retraining: each fold's model
(from `exhibit cross-validate --output`) scores its held-out fold once per variant, and the
variant is compared with the full pipeline fold by fold. A component is kept only when the
paired gain is beyond its spread over the folds.

    python -m training.ablation CV_FOLDER [--variant NAME=comp1,comp2 ...]
                                [--setting NAME=component.key=value ...] [--json OUT]

A --setting variant changes one inference-time setting of a component's cfg instead (a relation
threshold, say), which also needs no retraining.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

import numpy as np

from nlp.errors import InputError
from nlp.io.records import read_records

# The trained components every variant keeps; anything else in a pipeline may be left out.
LEARNED = ("tok2vec", "ner", "exhibit_relations")
MEASURES = (("entities", "entities_strict"), ("relations", "relations_end_to_end"),
            ("relations_gold", "relations_gold_entities"))


def fold_folders(cv_folder: Path) -> List[Path]:
    """The fold folders of a cross-validation output that hold a trained model and a test file."""
    folders = sorted(p for p in Path(cv_folder).glob("fold-*") if (p / "test.jsonl").exists())
    done = [p for p in folders if (p / "model-best").exists() or (p / "model-last").exists()]
    if not done:
        raise InputError("E174", f"{cv_folder}: no fold folder with a trained model and test.jsonl")
    return done


def default_variants(pipe_names: Sequence[str]) -> Dict[str, List[str]]:
    """full; every rule component left out alone; all rules out (learned components only)."""
    rules = [name for name in pipe_names if name not in LEARNED]
    variants = {"full": []}
    for name in rules:
        variants[f"-{name}"] = [name]
    variants["learned-only"] = rules
    return variants


def load_fold_model(model_dir: Path):
    """A fold model without the components whose factory the package no longer has (a rule
    component removed after the folds were trained): the rest are scored as they are."""
    import spacy
    from spacy.util import load_config

    config = load_config(Path(model_dir) / "config.cfg")
    spacy.blank("en")  # loads the factories that entry points register
    gone = [name for name, block in config["components"].items()
            if "factory" in block and not spacy.Language.has_factory(block["factory"])]
    return spacy.load(model_dir, exclude=gone)


def micro_f(scores: Dict) -> Dict[str, float]:
    return {short: scores[key]["micro"]["f"] for short, key in MEASURES if key in scores}


def score_fold(folder: Path, variants: Dict[str, List[str]],
               settings: Optional[Dict[str, Tuple[str, str, float]]] = None) -> Dict[str, Dict[str, float]]:
    """{variant: {measure: micro F1}} on the fold's held-out exhibits; `settings` variants
    (name -> (component, cfg key, value)) run the full pipeline with that one value changed."""
    from nlp.evaluation import run_model, score_system

    model_dir = folder / "model-best" if (folder / "model-best").exists() else folder / "model-last"
    nlp = load_fold_model(model_dir)
    test = read_records(folder / "test.jsonl")
    results = {}
    for name, disabled in variants.items():
        present = [d for d in disabled if d in nlp.pipe_names]
        with nlp.select_pipes(disable=present):
            results[name] = micro_f(score_system(test, run_model(nlp, test), bootstrap=None))
    for name, (component, key, value) in (settings or {}).items():
        cfg = nlp.get_pipe(component).cfg
        saved, cfg[key] = cfg[key], value
        try:
            results[name] = micro_f(score_system(test, run_model(nlp, test), bootstrap=None))
        finally:
            cfg[key] = saved
    return results


def paired_summary(per_fold: List[Dict[str, Dict[str, float]]]) -> Dict[str, Dict[str, Dict[str, float]]]:
    """{variant: {measure: {mean, std, delta_mean, delta_std}}}, deltas against "full" per fold."""
    summary = {}
    for name in per_fold[0]:
        summary[name] = {}
        for measure in per_fold[0][name]:
            values = np.array([fold[name][measure] for fold in per_fold])
            deltas = values - np.array([fold["full"][measure] for fold in per_fold])
            summary[name][measure] = {
                "mean": float(values.mean()), "std": float(values.std()),
                "delta_mean": float(deltas.mean()), "delta_std": float(deltas.std()),
            }
    return summary


def format_table(summary: Dict) -> str:
    measures = list(next(iter(summary.values())))
    head = "| variant | " + " | ".join(f"{m} F1 (Δ vs full ± sd)" for m in measures) + " |"
    lines = [head, "|---|" + "---:|" * len(measures)]
    for name, row in summary.items():
        cells = [f"{row[m]['mean']:.3f} ({row[m]['delta_mean']:+.3f} ± {row[m]['delta_std']:.3f})" for m in measures]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def parse_variant(text: str) -> tuple:
    name, _, components = text.partition("=")
    if not name or not components:
        raise InputError("E175", f"--variant {text!r}: write NAME=component1,component2")
    return name, [c.strip() for c in components.split(",") if c.strip()]


def parse_setting(text: str) -> Tuple[str, Tuple[str, str, float]]:
    name, _, assignment = text.partition("=")
    target, _, value = assignment.partition("=")
    component, _, key = target.partition(".")
    try:
        return name, (component, key, float(value))
    except ValueError:
        raise InputError("E180", f"--setting {text!r}: write NAME=component.key=number") from None


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cv_folder", type=Path)
    parser.add_argument("--variant", action="append", default=[], help="NAME=comp1,comp2 (components left out)")
    parser.add_argument("--setting", action="append", default=[], help="NAME=component.key=value (one cfg value changed)")
    parser.add_argument("--json", type=Path, help="Write per-fold scores and the summary here.")
    args = parser.parse_args(argv)
    folders = fold_folders(args.cv_folder)
    settings = dict(parse_setting(s) for s in args.setting)
    if args.variant or settings:
        variants = {"full": [], **dict(parse_variant(v) for v in args.variant)}
    else:
        first = folders[0] / ("model-best" if (folders[0] / "model-best").exists() else "model-last")
        variants = default_variants(load_fold_model(first).pipe_names)
    per_fold = []
    for folder in folders:
        per_fold.append(score_fold(folder, variants, settings))
        print(f"{folder.name}: " + ", ".join(f"{k} {v['relations']:.3f}" for k, v in per_fold[-1].items()), flush=True)
    summary = paired_summary(per_fold)
    print(format_table(summary))
    if args.json:
        args.json.write_text(json.dumps({"folds": [f.name for f in folders], "per_fold": per_fold,
                                         "summary": summary}, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
