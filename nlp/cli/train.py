from pathlib import Path
from typing import Optional

import typer
from typing_extensions import Annotated

from .app import DEFAULT_CONFIG, command, config_overrides


@command("train", context_settings={"allow_extra_args": True, "ignore_unknown_options": True})
def train(
    ctx: typer.Context,
    config: Annotated[Path, typer.Argument(help="spaCy training config.")] = DEFAULT_CONFIG,
    corpus: Annotated[Path, typer.Option(help="Corpus folder with exhibits.jsonl and splits.json.")] = Path("corpus"),
    output: Annotated[Path, typer.Option("--output", "-o", help="Where model-best, model-last and metrics.json go.")] = Path("training/output"),
    train_file: Annotated[Optional[Path], typer.Option("--train", help="Train on this guide JSONL instead of the corpus.")] = None,
    dev_file: Annotated[Optional[Path], typer.Option("--dev", help="Dev (evaluation) guide JSONL, with --train.")] = None,
    dev_share: Annotated[Optional[float], typer.Option(help="With --train instead of --dev: hold out about this share of the train file's companies as dev (no company in both), e.g. 0.15; the parts go to OUTPUT/data/.")] = None,
    dev_seed: Annotated[int, typer.Option(help="Seed of the --dev-share hold-out.")] = 0,
    gpu_id: Annotated[int, typer.Option(help="GPU id, -1 for CPU.")] = -1,
    any_labels: Annotated[bool, typer.Option("--any-labels", help="Accept guide labels mixed with others (labels come from the data); a label set sharing none of the guide's is detected without it.")] = False,
    base: Annotated[Optional[Path], typer.Option("--from", help="Continue training this model's networks (tok2vec, recognizer, relation model, textcat; their settings and labels come with them) instead of starting from random weights, e.g. models/exhibit-default; the rule steps are fitted on the training data as usual.")] = None,
) -> None:
    """Train a pipeline; extra --section.key value options override the config."""
    from nlp.errors import InputError
    from training.train import corpus_overrides, file_overrides, held_out_dev_overrides, train_pipeline

    config, overrides = config_overrides(ctx, config)
    if dev_share is not None:
        if train_file is None or dev_file is not None:
            raise InputError("E321", "--dev-share goes with --train and instead of --dev")
        overrides = {**held_out_dev_overrides(train_file, dev_share, output, dev_seed), **overrides}
    elif train_file or dev_file:
        if not (train_file and dev_file):
            raise InputError("E062", "--train and --dev go together (or --train with --dev-share)")
        overrides = {**file_overrides(train_file, dev_file), **overrides}
    else:
        overrides = {**corpus_overrides(corpus), **overrides}
    metrics = train_pipeline(config, output, overrides, gpu_id=gpu_id, strict_schema=not any_labels, base=base)
    dev = metrics.get("dev", {})
    if dev:
        ents = dev["entities_strict"]["micro"]["f"]
        rels = dev["relations_end_to_end"]["micro"]["f"]
        typer.echo(f"dev: entity F1 {ents:.3f}, relation F1 (end to end) {rels:.3f}")
    typer.echo(f"model: {output / 'model-best'}  metrics: {output / 'metrics.json'}  "
               f"({metrics['train_minutes']} min)")
