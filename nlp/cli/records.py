from enum import Enum
from pathlib import Path
from typing import Optional

import typer
from typing_extensions import Annotated

from .app import command
from .skipping import FailFast, skipping_bad_lines


class TableFormat(str, Enum):
    csv = "csv"
    jsonl = "jsonl"
    parquet = "parquet"
    xlsx = "xlsx"


class TableName(str, Enum):
    offerings = "offerings"
    securities = "securities"
    officers = "officers"


@command("records")
def records(
    data: Annotated[Path, typer.Argument(help="JSONL of `exhibit predict` output or of gold guide records, or - for standard input.")],
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Output file, or a folder (existing, or a new name without suffix) for one file per table (default: standard output).")] = None,
    table_format: Annotated[Optional[TableFormat], typer.Option("--format", help="csv (UTF-8 with BOM, for spreadsheets), jsonl, parquet or xlsx (one sheet per table; needs openpyxl) (default: from the output's suffix, else csv).")] = None,
    table: Annotated[Optional[TableName], typer.Option("--table", help="offerings (one row per offering exhibit, its amounts), securities (one per offered security) or officers (one per certifying officer). Without it: all three into a folder or XLSX workbook, else the combined table.")] = None,
    fail_fast: FailFast = False,
) -> None:
    """Structured facts as tables: offerings, securities and officers, or one combined table
    (one row per offered security or certifying officer).

    Records without a `record` key (gold JSONL, older output) get their facts computed. Raw
    exhibits are refused with the `exhibit predict` command to run first. An unreadable line is
    named on stderr and skipped (the tables hold the other records); the exit code is then 1.
    """
    from nlp.facts.export import plan_tables, write_tables
    from nlp.facts.flatten import write_table
    from nlp.facts.sources import iter_predictions
    from nlp.writers import check_not_an_input
    from nlp.writers.failure import naming_write_errors

    check_not_an_input([output], [data])
    target = plan_tables(output, table_format and table_format.value, table and table.value)
    with skipping_bad_lines(fail_fast) as skipped:
        with naming_write_errors(output):  # a full disk: the message names the table
            if target.combined:
                shown = f"{write_table(iter_predictions(data, on_bad_line=skipped), output, target.fmt)} rows"
            else:
                counts = write_tables(iter_predictions(data, on_bad_line=skipped), target)
                shown = ", ".join(f"{count} {name}" for name, count in counts.items()) + " rows"
        if output is not None:
            typer.echo(f"wrote {shown} to {output}", err=True)
