"""Write guide records with their prose wrapped into short lines, as plain-text filings print it.

The corpus is mostly newswire copies with one line per paragraph; EDGAR's plain-text exhibits
wrap at 60 to 80 characters. Scoring a model on both copies of the same held-out exhibits shows
what the layout alone costs it (models/README.md, "Plain-text layout"). Only spaces become line
breaks, so the gold offsets stay valid:

    python -m training.wrap_corpus cv/fold-1/test.jsonl cv/fold-1/test_wrapped.jsonl --width 72
"""
from __future__ import annotations

from pathlib import Path

import typer

from nlp.errors import InputError
from nlp.io.records import read_records, write_records
from nlp.io.wrapping import wrap_record_at
from nlp.writers.target import check_not_an_input
from training.cli import run

MIN_WIDTH = 20  # narrower, a line would rarely hold a whole name


def wrap_corpus(source: Path, output: Path, width: int) -> int:
    """Write the records of `source` to `output` with their text wrapped at `width`; how many."""
    if width < MIN_WIDTH:
        raise InputError("E181", f"--width {width}: a line must hold at least {MIN_WIDTH} characters")
    check_not_an_input([output], [source])
    return write_records([wrap_record_at(r, width) for r in read_records(source)], output)


def main(
    source: Path = typer.Argument(..., help="Guide JSONL to read."),
    output: Path = typer.Argument(..., help="Guide JSONL to write, the same records wrapped."),
    width: int = typer.Option(72, "--width", help="Longest line, in characters."),
) -> None:
    """Write SOURCE's records to OUTPUT with their prose wrapped at --width characters."""
    written = wrap_corpus(source, output, width)
    typer.echo(f"wrote {written} records to {output}, wrapped at {width} characters")


if __name__ == "__main__":
    run(main)
