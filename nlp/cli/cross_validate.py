from pathlib import Path
from typing import Optional

import typer
from typing_extensions import Annotated

from .app import DEFAULT_CONFIG, command, config_overrides


@command("cross-validate", context_settings={"allow_extra_args": True, "ignore_unknown_options": True})
def cross_validate(
    ctx: typer.Context,
    config: Annotated[Path, typer.Argument(help="spaCy training config.")] = DEFAULT_CONFIG,
    folds: Annotated[int, typer.Option(help="Number of folds (K).")] = 5,
    corpus: Annotated[Path, typer.Option(help="Guide JSONL to split into folds by company.")] = Path("corpus/exhibits.jsonl"),
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Keep each fold's data, models and scores here, with cross_validation.json (default: a temporary folder).")] = None,
    seed: Annotated[int, typer.Option(help="Seed of the fold and dev assignment.")] = 0,
    dev_share: Annotated[float, typer.Option(help="Share of the training folds' companies held out to pick model-best (0: pick on the training folds).")] = 0.15,
    any_labels: Annotated[bool, typer.Option("--any-labels", help="Accept guide labels mixed with others; a label set sharing none of the guide's is detected without it.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    markdown: Annotated[bool, typer.Option("--markdown", help="Print Markdown.")] = False,
    resume: Annotated[bool, typer.Option("--resume", help="With --output: keep the folds an interrupted run finished (same corpus, --folds and --seed).")] = False,
    split: Annotated[Optional[str], typer.Option(help="Fold only these splits of --splits (train+dev names two); 'all' folds every exhibit. Default: all but the locked test split.")] = None,
    splits: Annotated[Path, typer.Option(help="Splits file assigning exhibits to train, dev and test by company.")] = Path("corpus/splits.json"),
    extra_train: Annotated[Optional[Path], typer.Option("--extra-train", help="Guide JSONL of synthetic records (meta.synthetic) added to the training part of every fold, never to its dev or test.")] = None,
) -> None:
    """Train and score K folds grouped by company; mean, std, min and max per label and micro.
    The locked test split of --splits is left out unless --split asks for it. Extra
    --section.key value options override the config, as in `exhibit train`."""
    import json

    from nlp.errors import InputError
    from nlp.reports import markdown as markdown_report, terminal
    from nlp.reports.document import cross_validation_document
    from training.cross_validate import cross_validate as run_cross_validation

    config, overrides = config_overrides(ctx, config)
    if as_json and markdown:
        raise InputError("E100", "--json and --markdown exclude each other")
    if resume and output is None:
        raise InputError("E179", "--resume needs --output: the folder an earlier run wrote its folds to")
    report = run_cross_validation(
        config, corpus, folds, overrides, output, seed, dev_share,
        strict_schema=not any_labels, progress=lambda message: typer.echo(message, err=True),
        resume=resume, extra_train=extra_train, split=split, splits_path=splits,
    )
    if as_json:
        typer.echo(json.dumps(report, indent=2, ensure_ascii=False))
    elif markdown:
        typer.echo(markdown_report.render(cross_validation_document(report)), nl=False)
    else:
        typer.echo(terminal.render(cross_validation_document(report)))
