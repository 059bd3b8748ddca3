"""Fit a trained model's rule steps again on annotated records, leaving its networks as they are.

A rule step that learns something at `initialize` (the issuer scorer's weights, a step's on/off
switch) learns it from the text and gold entities of the training records alone, never from the
trained recognizer: spaCy initializes the pipeline before the first update. Refitting those steps
of a trained model on the records it was trained on therefore gives the model that `exhibit
train` would give with the current code, without training the networks again:

    python -m training.refit_rules MODEL TRAIN.jsonl OUT --step issuers
"""
from __future__ import annotations

from pathlib import Path
from typing import List, Sequence

import typer
from spacy.training import Example

from nlp.errors import ConfigError, ModelError
from nlp.io.docs import record_to_doc
from nlp.io.records import read_records
from nlp.pipeline.stages import RuleStage
from training.cli import run


def refit_rule_steps(model_dir: Path, records_path: Path, out_dir: Path, steps: Sequence[str]) -> List[str]:
    """Write to `out_dir` the model of `model_dir` with the rule steps `steps` (named "STEP" or
    "STAGE.STEP") initialized again on the records of `records_path`; returns the refitted steps."""
    from nlp.models import load_model

    out_dir = Path(out_dir)
    if out_dir.exists() and any(out_dir.iterdir()):
        raise ConfigError("E388", f"{out_dir}: exists and is not empty; choose a new folder")
    nlp = load_model(Path(model_dir))
    stages = {name: proc for name, proc in nlp.pipeline if isinstance(proc, RuleStage)}
    chosen = []
    for wanted in steps:
        found = [(stage, step) for stage, proc in stages.items() for step in proc.step_names
                 if wanted in (step, f"{stage}.{step}")]
        if len(found) != 1:
            raise ModelError("E393", f"{model_dir}: {'no' if not found else 'more than one'} rule step {wanted!r}")
        chosen.append(found[0])
    records = read_records(Path(records_path))
    examples = [Example(nlp.make_doc(r.text), record_to_doc(nlp.make_doc, r)) for r in records]
    for stage, step in chosen:
        stages[stage].step(step).initialize(lambda: examples, nlp=nlp)
    nlp.to_disk(out_dir)
    return [f"{stage}.{step}" for stage, step in chosen]


def main(
    model: Path = typer.Argument(..., help="Trained model directory."),
    records: Path = typer.Argument(..., help="Guide JSONL the model was trained on."),
    output: Path = typer.Argument(..., help="New, empty folder for the refitted model."),
    step: List[str] = typer.Option(..., "--step", help="Rule step to fit again (repeat for more)."),
) -> None:
    done = refit_rule_steps(model, records, output, step)
    typer.echo(f"refitted {', '.join(done)} into {output}")


if __name__ == "__main__":
    run(main)
