from pathlib import Path
from typing import Optional

import typer
from typing_extensions import Annotated

from ..errors import EXIT_PROBLEMS
from .app import command
from .skipping import FailFast, skipping_bad_lines

FORMAT_HELP = "jsonl, prodigy, label-studio, doccano, conll, docbin or hf"


@command("convert")
def convert(
    source: Annotated[Path, typer.Argument(help="File (or folder, for hf) to read.")],
    target: Annotated[Path, typer.Argument(help="File (or folder, for hf) to write.")],
    from_format: Annotated[Optional[str], typer.Option("--from", help=f"Input format: {FORMAT_HELP} (default: from the suffix or content).")] = None,
    to_format: Annotated[Optional[str], typer.Option("--to", help=f"Output format: {FORMAT_HELP} (default: from the suffix).")] = None,
    scheme: Annotated[Optional[str], typer.Option(help="CoNLL tags: iob1, iob2 or biluo (default: detected when reading, iob2 when writing).")] = None,
    conll_docs: Annotated[str, typer.Option(help="CoNLL documents: 'docstart' (one per -DOCSTART-), 'block' (one per blank-line block) or 'auto' (docstart if the file has any).")] = "auto",
    tokenizer: Annotated[str, typer.Option(help="For CoNLL, Prodigy and DocBin output: 'exhibit' (the pipeline's tokenizer) or 'whitespace' (split at whitespace, one CoNLL sentence per line: the exact inverse of text rebuilt from CoNLL).")] = "exhibit",
    annotation: Annotated[str, typer.Option(help="Reading Label Studio: which annotation of a task with several is the gold one: first, latest (by updated_at), or an annotator's (their completed_by id or email). Cancelled annotations are never taken.")] = "first",
    strict: Annotated[bool, typer.Option("--strict", help="Exit 1 when anything could not be kept.")] = False,
    fail_fast: FailFast = False,
) -> None:
    """Convert annotations between the guide's JSONL and Prodigy, Label Studio, doccano, CoNLL, spaCy DocBin and Hugging Face datasets; warns about anything the target cannot hold."""
    from nlp.convert import convert as run_conversion
    from nlp.formats import FormatOptions

    from nlp.formats.label_studio_annotations import check_annotation_choice, config_path

    with skipping_bad_lines(fail_fast) as skipped:  # unreadable guide JSONL lines: named, skipped, exit 1
        options = FormatOptions(scheme=scheme, conll_docs=conll_docs, tokenizer_name=tokenizer,
                                annotation=check_annotation_choice(annotation), on_bad_line=skipped)
        result = run_conversion(source, target, from_format, to_format, options)
        for warning in result.warnings:
            typer.echo(f"warning: {warning}", err=True)
        if result.target_format == "label-studio":
            typer.echo(f"labeling config for the Label Studio project: {config_path(target)}", err=True)
        typer.echo(f"converted {result.records} records from {result.source_format} to "
                   f"{result.target_format}: {target} ({len(result.warnings)} warnings)", err=True)
    if strict and result.warnings:
        raise typer.Exit(code=EXIT_PROBLEMS)
