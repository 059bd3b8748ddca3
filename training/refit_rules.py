"""Fit a trained model's rule steps again on annotated records, leaving its networks as they are.

A rule step that learns something at `initialize` (the issuer scorer's weights, a step's on/off
switch) learns it from the text and gold entities of the training records alone, never from the
trained recognizer: spaCy initializes the pipeline before the first update. Refitting those steps
of a trained model on the records it was trained on therefore gives the model that `exhibit
train` would give with the current code, without training the networks again:

    python -m training.refit_rules MODEL TRAIN.jsonl OUT --step issuers

By default the steps see the records as the model reads text at prediction time (its own
tokenizer, the names as written). `--like-training` shows them what `exhibit train` shows them:
the training tokenizer and the names replaced in the same share of records as the model's
config asks (`augment_names`, drawn from its seed), so a refitted step matches a retrained one.
"""
from __future__ import annotations

from pathlib import Path
from typing import List, Sequence

import typer
from spacy.training import Example
from spacy.util import registry

from nlp.errors import ConfigError, ModelError
from nlp.io.corpus_reader import GuideCorpus
from nlp.io.docs import record_to_doc
from nlp.io.records import read_records
from nlp.pipeline.stages import RuleStage
from nlp.provenance import add_trained_on
from nlp.tokenizer import TRAINING_TOKENIZER
from training.cli import run


def _training_examples(nlp, records_path: Path) -> List[Example]:
    """The records as training shows them to `initialize`: the config's training corpus reader
    (names replaced in the share of records it asks, from its seed) over the training tokenizer."""
    config = nlp.config.interpolate()
    train = (config.get("corpora") or {}).get("train", {})
    reader = GuideCorpus(Path(records_path), None, None, train.get("alignment", "expand"),
                         float(train.get("augment_names", 0.0)), int((config.get("system") or {}).get("seed") or 0))
    prediction_tokenizer = nlp.tokenizer
    nlp.tokenizer = registry.tokenizers.get(TRAINING_TOKENIZER)()(nlp)
    try:
        return list(reader(nlp))  # its first pass, as the first initialize sees
    finally:
        nlp.tokenizer = prediction_tokenizer


def refit_rule_steps(model_dir: Path, records_path: Path, out_dir: Path, steps: Sequence[str],
                     like_training: bool = False) -> List[str]:
    """Write to `out_dir` the model of `model_dir` with the rule steps `steps` (named "STEP" or
    "STAGE.STEP") initialized again on the records of `records_path`; returns the refitted steps.
    `like_training`: fit on the records as training shows them (see the module's docstring)."""
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
    if like_training:
        examples = _training_examples(nlp, records_path)
    else:
        examples = [Example(nlp.make_doc(r.text), record_to_doc(nlp.make_doc, r)) for r in records]
    for stage, step in chosen:
        stages[stage].step(step).initialize(lambda: examples, nlp=nlp)
    # the model now knows these records: scoring it on them must warn
    add_trained_on(nlp.meta, records)
    nlp.to_disk(out_dir)
    return [f"{stage}.{step}" for stage, step in chosen]


def main(
    model: Path = typer.Argument(..., help="Trained model directory."),
    records: Path = typer.Argument(
        ..., help="Guide JSONL to fit the steps on (usually what the model was trained on); they join meta.json's trained_on."),
    output: Path = typer.Argument(..., help="New, empty folder for the refitted model."),
    step: List[str] = typer.Option(..., "--step", help="Rule step to fit again (repeat for more)."),
    like_training: bool = typer.Option(
        False, "--like-training",
        help="Fit on the records as `exhibit train` shows them: the training tokenizer, names replaced as the config asks."),
) -> None:
    done = refit_rule_steps(model, records, output, step, like_training)
    typer.echo(f"refitted {', '.join(done)} into {output}")


if __name__ == "__main__":
    run(main)
