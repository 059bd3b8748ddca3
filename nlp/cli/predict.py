import sys
from pathlib import Path
from typing import List, Optional

import typer
from typing_extensions import Annotated

from .app import command


@command("predict")
def predict(
    inputs: Annotated[List[Path], typer.Argument(help=".txt exhibits, or folders of them.")],
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Output JSONL (default: standard output).")] = None,
    model: Annotated[Optional[Path], typer.Option(help="Model directory (default: the shipped model).")] = None,
    glob: Annotated[str, typer.Option(help="File pattern inside folders (searched recursively).")] = "*.txt",
    batch_size: Annotated[int, typer.Option(help="Exhibits per batch.")] = 8,
    n_process: Annotated[int, typer.Option(help="Processes (spaCy multiprocessing).")] = 1,
    summary: Annotated[bool, typer.Option("--summary", help="Print a readable listing of what was found (instead of JSON on standard output; beside the --output file).")] = False,
) -> None:
    """Find entities and relations in exhibits; one guide JSON record per exhibit."""
    import json

    from nlp.inference import iter_text_inputs, predict_exhibits, write_jsonl_stream
    from nlp.models import load_model
    from nlp.summary import summarize_record

    nlp = load_model(model)
    inputs_list = list(iter_text_inputs(inputs, glob))
    records = predict_exhibits(nlp, inputs_list, batch_size=batch_size, n_process=n_process)
    if output is None:
        for record in records:
            sys.stdout.write((summarize_record(record) if summary else json.dumps(record, ensure_ascii=False)) + "\n")
        return
    def shown(record):
        bar.update(1)
        if summary:
            typer.echo(summarize_record(record))

    with typer.progressbar(length=len(inputs_list), label="exhibits", file=sys.stderr) as bar:
        count = write_jsonl_stream(records, output, progress=shown)
    typer.echo(f"wrote {count} records to {output}", err=True)
