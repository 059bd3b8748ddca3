from pathlib import Path
from typing import Optional

import typer
from typing_extensions import Annotated

from .app import command


def _plan(value: str):
    from nlp.errors import InputError

    try:
        return tuple(int(part) for part in value.split(","))
    except ValueError:
        raise InputError("E170", f"--plan takes three whole numbers like 14,3,3, not {value!r}") from None


def _refuse_bad_line(item) -> None:
    from nlp.errors import InputError

    raise InputError(item.code, f"{item.message()} (split assigns every record of the corpus: "
                                f"fix this line, then run split again)")


@command("split")
def split(
    corpus: Annotated[Path, typer.Argument(help="The corpus JSONL file (with meta.company).")] = Path("corpus/exhibits.jsonl"),
    splits: Annotated[Path, typer.Option(help="Splits file to update (existing assignments stay put).")] = Path("corpus/splits.json"),
    seed: Annotated[int, typer.Option(help="Seed for assigning new companies.")] = 13,
    plan: Annotated[str, typer.Option(help="Folds of 20 for train,dev,test when assigning new companies.")] = "14,3,3",
    retire_test: Annotated[Optional[str], typer.Option(
        help="Before assigning, move the current test split to dev, recording this reason "
             "(for a test split that decisions were made on).")] = None,
    lock_test: Annotated[bool, typer.Option(
        "--lock-test", help="After assigning, lock the test ids with a checksum; a locked test "
                            "split takes no new companies.")] = False,
) -> None:
    """Assign train/dev/test by company (no company in two splits, categories balanced).

    Unlike the other record commands, split stops at an unreadable line (exit 2) and leaves the
    splits file as it was: the assignment is of the whole corpus, so a skipped record would
    change how the new companies are drawn and be missing from a locked test split."""
    from nlp.io.records import check_unique_ids, read_records
    from training import split as splitting

    records = read_records(corpus, _refuse_bad_line)
    check_unique_ids(records, corpus)  # assignments are keyed by id
    existing = splitting.read_splits(splits)
    if retire_test:
        existing = splitting.retire_test(existing, retire_test)
    result = splitting.make_splits(records, seed=seed, existing=existing, plan=_plan(plan))
    if lock_test:
        result = splitting.lock_test(result)
    splitting.write_splits(result, splits)
    for name, counts in splitting.split_summary(records, result).items():
        typer.echo(f"{name:<6} {sum(counts.values()):>4} documents  {counts}")
    if result.get("locked_test"):
        lock = result["locked_test"]
        typer.echo(f"locked test: {lock['exhibits']} exhibits, sha256 {lock['sha256']}")
    typer.echo(f"wrote {splits}", err=True)
