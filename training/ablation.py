"""Which components earn their place: rescore cross-validation fold models with some left out.

Rule steps hold no weights, so leaving one out needs no retraining: each fold's model
(from `exhibit cross-validate --output`) scores its held-out fold once per variant, and the
variant is compared with the full pipeline fold by fold. A step is kept only when the paired
gain is beyond its spread over the folds. A variant names components ("exhibit_normalizer") or
steps of the rule stages ("exhibit_entity_rules.issuers").

    python -m training.ablation CV_FOLDER [--variant NAME=comp1,comp2 ...]
                                [--setting NAME=component.key=value ...] [--json OUT]
    python -m training.ablation CV_FOLDER --rule-share

A --setting variant changes one inference-time setting of a component's cfg instead (a relation
threshold, say; "exhibit_entity_rules.issuers.threshold" for a step's), which also needs no
retraining.
"""
from __future__ import annotations

import argparse
import json
from contextlib import ExitStack
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

import numpy as np

from nlp.errors import InputError
from nlp.io.records import read_records

# The trained components (and the structure they read) every variant keeps; anything else in a
# pipeline, and every step of a rule stage, may be left out.
LEARNED = ("exhibit_structure", "tok2vec", "ner", "exhibit_relations")
MEASURES = (("entities", "entities_strict"), ("relations", "relations_end_to_end"),
            ("relations_gold", "relations_gold_entities"), ("facts", "facts"))


def fold_folders(cv_folder: Path) -> List[Path]:
    """The fold folders of a cross-validation output that hold a trained model and a test file."""
    folders = sorted(p for p in Path(cv_folder).glob("fold-*") if (p / "test.jsonl").exists())
    done = [p for p in folders if (p / "model-best").exists() or (p / "model-last").exists()]
    if not done:
        raise InputError("E174", f"{cv_folder}: no fold folder with a trained model and test.jsonl")
    return done


def ablation_units(nlp) -> List[str]:
    """What a variant may leave out: the components not in LEARNED, a rule stage as its steps."""
    units = []
    for name, proc in nlp.pipeline:
        if name in LEARNED:
            continue
        steps = getattr(proc, "step_names", None)
        units.extend(f"{name}.{step}" for step in steps) if steps is not None else units.append(name)
    return units


def default_variants(units: Sequence[str]) -> Dict[str, List[str]]:
    """full; every rule left out alone; all rules out (learned components only)."""
    rules = [name for name in units if name not in LEARNED]
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
        with leaving_out(nlp, disabled):
            results[name] = micro_f(score_system(test, run_model(nlp, test), bootstrap=None))
    for name, (component, key, value) in (settings or {}).items():
        owner = nlp.get_pipe(component)
        if "." in key:  # a step's setting: exhibit_entity_rules.issuers.threshold
            step, key = key.split(".", 1)
            owner = owner.step(step)
        cfg = owner.cfg
        saved, cfg[key] = cfg[key], value
        try:
            results[name] = micro_f(score_system(test, run_model(nlp, test), bootstrap=None))
        finally:
            cfg[key] = saved
    return results


def leaving_out(nlp, units: Sequence[str]) -> ExitStack:
    """A context in which the components and stage steps `units` do not run."""
    stack = ExitStack()
    components = [u for u in units if "." not in u and u in nlp.pipe_names]
    stack.enter_context(nlp.select_pipes(disable=components))
    by_stage: Dict[str, List[str]] = {}
    for unit in units:
        if "." in unit:
            stage, step = unit.split(".", 1)
            by_stage.setdefault(stage, []).append(step)
    for stage, steps in by_stage.items():
        if stage in nlp.pipe_names:
            stack.enter_context(nlp.get_pipe(stage).skipping(steps))
    return stack


def rule_decisions(nlp, docs) -> Dict[str, Tuple[int, int]]:
    """{relation label: (final pairs a relation rule step found, all final pairs)} over `docs`
    (already run through `nlp`): how much of the output the rules decide, label by label."""
    stage = nlp.get_pipe("exhibit_relation_rules") if "exhibit_relation_rules" in nlp.pipe_names else None
    steps = [step for step in (stage.steps.values() if stage else ()) if getattr(step, "active", True)]
    counts: Dict[str, List[int]] = {}
    for doc in docs:
        found = {(step.label, tuple(map(tuple, pair))) for step in steps for pair in step.find_pairs(doc)}
        for pair, labels in (doc._.relations or {}).items():
            key = tuple(map(tuple, pair))
            for label in labels:
                row = counts.setdefault(label, [0, 0])
                row[0] += (label, key) in found
                row[1] += 1
    return {label: (ruled, total) for label, (ruled, total) in sorted(counts.items())}


def fold_rule_decisions(folder: Path) -> Dict[str, Tuple[int, int]]:
    """rule_decisions of a fold model on its held-out exhibits."""
    model_dir = folder / "model-best" if (folder / "model-best").exists() else folder / "model-last"
    nlp = load_fold_model(model_dir)
    return rule_decisions(nlp, nlp.pipe(record.text for record in read_records(folder / "test.jsonl")))


def format_rule_share(per_fold: List[Dict[str, Tuple[int, int]]]) -> str:
    totals: Dict[str, List[int]] = {}
    for fold in per_fold:
        for label, (ruled, total) in fold.items():
            row = totals.setdefault(label, [0, 0])
            row[0] += ruled
            row[1] += total
    lines = ["| relation label | decided by a rule step | predicted | share |", "|---|---:|---:|---:|"]
    for label, (ruled, total) in sorted(totals.items()):
        lines.append(f"| {label} | {ruled} | {total} | {ruled / total:.0%} |")
    ruled, total = (sum(v[i] for v in totals.values()) for i in (0, 1))
    lines.append(f"| all | {ruled} | {total} | {ruled / max(total, 1):.0%} |")
    return "\n".join(lines)


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
    parser.add_argument("--rule-share", action="store_true",
                        help="Instead: the share of predicted relations the relation rule steps decide.")
    args = parser.parse_args(argv)
    folders = fold_folders(args.cv_folder)
    if args.rule_share:
        print(format_rule_share([fold_rule_decisions(folder) for folder in folders]))
        return
    settings = dict(parse_setting(s) for s in args.setting)
    if args.variant or settings:
        variants = {"full": [], **dict(parse_variant(v) for v in args.variant)}
    else:
        first = folders[0] / ("model-best" if (folders[0] / "model-best").exists() else "model-last")
        variants = default_variants(ablation_units(load_fold_model(first)))
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
