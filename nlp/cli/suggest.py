from pathlib import Path
from typing import List, Optional

import typer
from typing_extensions import Annotated

from .app import command


@command("suggest")
def suggest(
    inputs: Annotated[List[Path], typer.Argument(help="Exhibits, read as `exhibit predict` reads them: .txt, .htm/.html (as text), .jsonl, EDGAR full-submission .txt files (one task per chosen exhibit), folders of them, or - for standard input.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="File (or folder, for hf) to write the pre-annotated exhibits to.")],
    to_format: Annotated[Optional[str], typer.Option("--to", help="prodigy, label-studio, doccano, jsonl, conll, docbin or hf (default: from the output suffix).")] = None,
    model: Annotated[Optional[Path], typer.Option(help="Model directory (default: the shipped model).")] = None,
    glob: Annotated[Optional[List[str]], typer.Option(help="File pattern inside folders, searched recursively; repeat for several (default: *.txt, *.htm, *.html).")] = None,
    encoding: Annotated[str, typer.Option(help="Encoding of text, HTML, JSONL and SGML inputs.")] = "utf-8",
    exhibit_types: Annotated[str, typer.Option(help="Document types taken from EDGAR submissions, comma-separated (as for predict).")] = "EX-31,EX-32,EX-99",
    batch_size: Annotated[int, typer.Option(help="Exhibits per batch.")] = 8,
    scheme: Annotated[Optional[str], typer.Option(help="CoNLL tags: iob1, iob2 (default) or biluo.")] = None,
    max_chars: Annotated[int, typer.Option(min=1, help="Stop at an exhibit longer than this many characters.")] = 2_000_000,
    follow_links: Annotated[bool, typer.Option("--follow-links", help="Read files that folders link to outside themselves (an error by default).")] = False,
) -> None:
    """Pre-annotate exhibits with a model for correction in an annotation tool, the most uncertain first (meta.uncertainty)."""
    from nlp.convert import infer_format, write_any
    from nlp.formats import ConversionReport, FormatOptions, get_format
    from nlp.formats.base import prepare_output
    from nlp.exhibit_inputs import read_exhibits, read_options
    from nlp.limits import allow_length
    from nlp.models import load_model
    from nlp.suggest import suggest_records

    options = read_options(encoding, exhibit_types, max_chars, follow_links)
    fmt = to_format or infer_format(output, output=True)
    get_format(fmt)
    prepare_output(output)  # before any work: the folder to write into exists
    items = read_exhibits(inputs, options, glob, exclude=[output])
    nlp = load_model(model)
    allow_length(nlp, max_chars)
    records = suggest_records(nlp, items, batch_size=batch_size)
    options = FormatOptions(scheme=scheme, as_predictions=True, make_doc=nlp.make_doc,
                            model_version=f"{nlp.meta.get('name', 'exhibit')}-{nlp.meta.get('version', '')}".rstrip("-"))
    report = ConversionReport()
    write_any(records, output, fmt, options, report)
    for warning in report.warnings:
        typer.echo(f"warning: {warning}", err=True)
    if fmt == "label-studio":
        from nlp.formats.label_studio_annotations import config_path

        typer.echo(f"labeling config for the Label Studio project: {config_path(output)}", err=True)
    for record in records[:5]:
        typer.echo(f"{record.meta['uncertainty']:.3f}  {record.id}", err=True)
    typer.echo(f"wrote {len(records)} pre-annotated exhibits ({fmt}), most uncertain first: {output}", err=True)
