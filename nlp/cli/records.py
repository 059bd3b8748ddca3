from enum import Enum
from pathlib import Path
from typing import Optional

import typer
from typing_extensions import Annotated

from .app import command


class TableFormat(str, Enum):
    csv = "csv"
    jsonl = "jsonl"


@command("records")
def records(
    data: Annotated[Path, typer.Argument(help="JSONL of `exhibit predict` output or of gold guide records.")],
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Output file (default: standard output).")] = None,
    table_format: Annotated[TableFormat, typer.Option("--format", help="csv for spreadsheets, or jsonl: one JSON object per row.")] = TableFormat.csv,
) -> None:
    """Structured facts as a table: one row per offered security or certifying officer.

    Records without a `record` key (gold JSONL, older output) get their facts computed.
    """
    from nlp.facts.flatten import write_table
    from nlp.facts.reader import iter_fact_records

    count = write_table(iter_fact_records(data), output, table_format.value)
    if output is not None:
        typer.echo(f"wrote {count} rows to {output}", err=True)
