import sys
from pathlib import Path
from typing import List, Optional

import typer
from typing_extensions import Annotated

from ..errors import EXIT_PROBLEMS, InputError
from .app import command


def _progress_bar(total: Optional[int]):
    """exhibits/s on stderr; shown on a terminal only, without a total for stdin."""
    from tqdm import tqdm

    return tqdm(total=total, unit=" exhibits", file=sys.stderr, disable=None, smoothing=0.1)


def _report_line(line: str) -> None:
    from tqdm import tqdm

    tqdm.write(line, file=sys.stderr)  # above the progress bar, not through it


@command("predict")
def predict(
    inputs: Annotated[List[Path], typer.Argument(help="Exhibits: .txt, .htm/.html, .jsonl (`id`, `text`, optional `meta` per line), EDGAR full-submission .txt files, folders of them, or - for standard input (one exhibit, id \"stdin\").")],
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Output file (default: JSONL on standard output); with --backend dask, a folder for the parts.")] = None,
    model: Annotated[Optional[Path], typer.Option(help="Model directory (default: the shipped model).")] = None,
    fmt: Annotated[Optional[str], typer.Option("--format", help="jsonl, csv or parquet (default: from the output's suffix, else jsonl).")] = None,
    glob: Annotated[Optional[List[str]], typer.Option(help="File pattern inside folders, searched recursively; repeat for several (default: *.txt, *.htm, *.html; JSONL only when asked, e.g. --glob '*.jsonl').")] = None,
    encoding: Annotated[str, typer.Option(help="Encoding of text, HTML, JSONL and SGML inputs.")] = "utf-8",
    exhibit_types: Annotated[str, typer.Option(help="Document types taken from EDGAR submissions, comma-separated; a prefix takes its sub-numbers (EX-99 takes EX-99.1), EX takes every exhibit.")] = "EX-31,EX-32,EX-99",
    min_score: Annotated[Optional[float], typer.Option(min=0.0, max=1.0, help="Drop relations scoring below this probability. Entities have no score (spaCy's ner gives none), so all are kept.")] = None,
    max_chars: Annotated[int, typer.Option(min=1, help="Skip (and report) exhibits longer than this many characters.")] = 2_000_000,
    max_bytes: Annotated[Optional[int], typer.Option(min=1, help="Skip (and report), unread, HTML files and EDGAR documents larger than this many bytes (default: 10 bytes per --max-chars character).")] = None,
    follow_links: Annotated[bool, typer.Option("--follow-links", help="Read files that folders link to outside themselves (skipped and reported by default).")] = False,
    batch_size: Annotated[int, typer.Option(min=1, help="Exhibits per batch.")] = 8,
    n_process: Annotated[int, typer.Option(min=1, help="Processes (spaCy multiprocessing).")] = 1,
    resume: Annotated[bool, typer.Option("--resume", help="Keep the records an interrupted run wrote to --output and predict only the rest.")] = False,
    errors: Annotated[Optional[Path], typer.Option("--errors", help="JSONL list of skipped inputs (default with --output: OUT.errors.jsonl beside it).")] = None,
    fail_fast: Annotated[bool, typer.Option("--fail-fast", help="Stop at the first bad input (exit 2) instead of skipping it.")] = False,
    summary: Annotated[bool, typer.Option("--summary", help="Print a readable listing of what was found (instead of JSON on standard output; beside the --output file).")] = False,
    backend: Annotated[str, typer.Option(help="local, or dask (a Dask distributed cluster, see --scheduler).")] = "local",
    scheduler: Annotated[Optional[str], typer.Option(help="Dask scheduler address for --backend dask, e.g. tcp://10.0.0.5:8786.")] = None,
    partition_size: Annotated[int, typer.Option(min=1, help="Exhibits per Dask partition (one part file each).")] = 64,
) -> None:
    """Find entities and relations in exhibits; one guide JSON record per exhibit.

    A bad input (undecodable, malformed JSONL line, truncated SGML document, empty, too long) is
    reported on stderr and in the errors file and skipped; the exit code is then 1.
    """
    from contextlib import ExitStack

    from nlp.inference import predict_batch
    from nlp.limits import allow_length
    from nlp.models import default_model_path, load_model
    from itertools import chain

    from nlp.exhibit_inputs import read_options
    from nlp.readers import SkippedInput, count_inputs, find_input_files, iter_inputs
    from nlp.readers.dispatch import DEFAULT_GLOBS
    from nlp.summary import summarize_record
    from nlp.writers.lock import output_locks
    from nlp.writers import (ErrorLog, check_not_an_input, check_output_file, check_output_folder,
                             default_errors_path, open_writer, output_format, prepare_resume)

    options = read_options(encoding, exhibit_types, max_chars, follow_links, max_bytes)
    fmt = output_format(output if backend == "local" else None, fmt)
    if backend not in ("local", "dask"):
        raise InputError("E361", f"--backend {backend!r}: choose local or dask")
    if resume and output is None:
        raise InputError("E065", "--resume needs --output (the file an earlier run wrote)")
    if backend == "dask" and output is None:
        raise InputError("E065", "--backend dask needs --output FOLDER for its parts")
    if backend == "dask" and summary:
        raise InputError("E065", "--summary works with the local backend only")

    # Every output place is checked before the model is loaded or an input read.
    if backend == "dask":
        check_output_folder(output)
    elif output is not None:
        check_output_file(output)
    errors_path = errors or (default_errors_path(output) if output is not None and backend == "local" else None)
    if errors_path is not None:
        check_output_file(errors_path)
    globs = tuple(glob) if glob else DEFAULT_GLOBS
    check_not_an_input([output if backend == "local" else None, errors_path], inputs, globs)
    files, outside = find_input_files(inputs, globs, exclude=[p for p in (output, errors_path) if p is not None],
                                      follow_links=follow_links)
    if outside and fail_fast:
        raise outside[0].to_error()

    if backend == "dask":
        from nlp.distributed import run_distributed

        with ErrorLog(errors_path, _report_line) as log, _progress_bar(None) as bar:
            for item in outside:  # links out of an input folder, never read
                log.report(item)

            def partition_done(result):
                for error in result["errors"]:
                    log.report(SkippedInput(error["source"], error["code"], error["reason"], error["id"]))
                bar.update(result["records"] + result["skipped"])

            manifest = run_distributed(files, output, model or default_model_path(), scheduler, fmt, options,
                                       partition_size, batch_size, min_score, resume, fail_fast, partition_done)
        typer.echo(f"wrote {manifest['records']} records in {len(manifest['parts'])} parts to {output} "
                   f"(see its manifest.json); skipped {manifest['skipped'] + len(outside)} inputs", err=True)
        if manifest["skipped"] or outside:
            raise typer.Exit(code=EXIT_PROBLEMS)
        return

    with ExitStack() as stack:
        # Held before the output is truncated, resumed or its errors file removed.
        stack.enter_context(output_locks([output, errors_path], _report_line))
        nlp = load_model(model)
        allow_length(nlp, max_chars)
        state = prepare_resume(output, fmt) if resume else None
        log = stack.enter_context(ErrorLog(errors_path, _report_line))
        total = count_inputs(files, options)
        bar = stack.enter_context(_progress_bar(None if total is None else total + len(outside)))
        writer = None if (summary and output is None) else stack.enter_context(open_writer(output, fmt, state))

        def write(record):
            if writer is not None:
                writer.write(record)
            if summary:
                typer.echo(summarize_record(record))

        stats = predict_batch(nlp, chain(outside, iter_inputs(files, options)), write, log.report,
                              state.already_done if state else None, fail_fast, batch_size, n_process,
                              min_score, progress=lambda: bar.update(1))
    where = f" to {output}" if output is not None else ""
    kept = f"; {stats.resumed} already there (--resume)" if resume else ""
    listed = f" (listed in {errors_path})" if errors_path is not None and stats.skipped else ""
    typer.echo(f"wrote {stats.written} records{where}{kept}; skipped {stats.skipped} inputs{listed}", err=True)
    if stats.skipped:
        raise typer.Exit(code=EXIT_PROBLEMS)
