from pathlib import Path

import typer
from typing_extensions import Annotated

from .app import command


@command("split")
def split(
    corpus: Annotated[Path, typer.Argument(help="The corpus JSONL file (with meta.company).")] = Path("corpus/exhibits.jsonl"),
    splits: Annotated[Path, typer.Option(help="Splits file to update (existing assignments stay put).")] = Path("corpus/splits.json"),
    seed: Annotated[int, typer.Option(help="Seed for assigning new companies.")] = 13,
) -> None:
    """Assign train/dev/test by company (no company in two splits, categories balanced)."""
    from nlp.io.records import check_unique_ids, read_records
    from training.split import make_splits, read_splits, split_summary, write_splits

    records = read_records(corpus)
    check_unique_ids(records, corpus)  # assignments are keyed by id
    result = make_splits(records, seed=seed, existing=read_splits(splits))
    write_splits(result, splits)
    for name, counts in split_summary(records, result).items():
        typer.echo(f"{name:<6} {sum(counts.values()):>4} documents  {counts}")
    typer.echo(f"wrote {splits}", err=True)
