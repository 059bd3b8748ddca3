import json
from pathlib import Path
from typing import Optional

import typer
from typing_extensions import Annotated

from ..errors import InputError
from .app import command


def format_report(result: dict) -> str:
    lines = [f"documents: {result['documents']}"]
    for key in [k for k in result if k.startswith(("entities_", "relations_"))]:
        block = result[key]
        micro = block["micro"]
        lines.append(f"\n{key}  micro P {micro['p']:.3f}  R {micro['r']:.3f}  F {micro['f']:.3f}  "
                     f"(macro F {block['macro_f']:.3f})")
        for label, v in block["per_label"].items():
            lines.append(f"  {label:<12} P {v['p']:.3f}  R {v['r']:.3f}  F {v['f']:.3f}  "
                         f"tp {v['tp']:>4} fp {v['fp']:>4} fn {v['fn']:>4}")
    if result.get("missing_ids"):
        lines.append(f"\nmissing from predictions: {', '.join(result['missing_ids'])}")
    return "\n".join(lines)


@command("evaluate")
def evaluate(
    data: Annotated[Optional[Path], typer.Argument(help="Gold guide JSONL (with --model).")] = None,
    model: Annotated[Optional[Path], typer.Option(help="Model directory to run on DATA.")] = None,
    predictions: Annotated[Optional[Path], typer.Option(help="Prediction JSONL of any system.")] = None,
    gold: Annotated[Optional[Path], typer.Option(help="Gold JSONL for --predictions.")] = None,
    split: Annotated[Optional[str], typer.Option(help="Only this split of DATA (needs --splits).")] = None,
    splits: Annotated[Path, typer.Option(help="Splits file for --split.")] = Path("corpus/splits.json"),
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Precision/recall/F1 of a model on gold data, or of a prediction file against gold."""
    from nlp.evaluation import evaluate_model, evaluate_predictions
    from nlp.io.corpus_reader import select_records
    from nlp.io.records import read_records
    from nlp.models import load_model

    if predictions is not None:
        if gold is None:
            raise InputError("E080", "--predictions needs --gold")
        result = evaluate_predictions(read_records(gold), read_records(predictions))
    else:
        if data is None:
            raise InputError("E081", "give DATA (gold JSONL) with --model, or --predictions with --gold")
        records = select_records(data, split, splits if split else None)
        result = evaluate_model(load_model(model), records)
    typer.echo(json.dumps(result, indent=2) if as_json else format_report(result))
