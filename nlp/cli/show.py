from pathlib import Path
from typing import List, Optional

import typer
from typing_extensions import Annotated

from .app import command


@command("show")
def show(
    inputs: Annotated[List[Path], typer.Argument(help="Exhibits, read as `exhibit predict` reads them: .txt, .htm/.html (as text), .jsonl, EDGAR full-submission .txt files (each chosen exhibit shown), folders of them, or - for standard input.")],
    html: Annotated[Path, typer.Option("--html", help="The HTML page to write.")],
    model: Annotated[Optional[Path], typer.Option(help="Model directory (default: the shipped model).")] = None,
    glob: Annotated[Optional[List[str]], typer.Option(help="File pattern inside folders, searched recursively; repeat for several (default: *.txt, *.htm, *.html).")] = None,
    encoding: Annotated[str, typer.Option(help="Encoding of text, HTML, JSONL and SGML inputs.")] = "utf-8",
    exhibit_types: Annotated[str, typer.Option(help="Document types taken from EDGAR submissions, comma-separated (as for predict).")] = "EX-31,EX-32,EX-99",
    max_chars: Annotated[int, typer.Option(min=1, help="Stop at an exhibit longer than this many characters.")] = 2_000_000,
    follow_links: Annotated[bool, typer.Option("--follow-links", help="Read files that folders link to outside themselves (an error by default).")] = False,
) -> None:
    """Write one offline HTML page of a model's facts and warnings, then each exhibit's text with entities marked and each sentence's relations after it, to open in a browser."""
    from nlp.exhibit_inputs import read_exhibits, read_options
    from nlp.limits import allow_length
    from nlp.models import default_model_path, load_model
    from nlp.readers.dispatch import DEFAULT_GLOBS
    from nlp.show import check_page_path, show_exhibits, write_page
    from nlp.writers import check_not_an_input

    options = read_options(encoding, exhibit_types, max_chars, follow_links)
    check_page_path(html)
    check_not_an_input([html], inputs, glob or DEFAULT_GLOBS)
    items = read_exhibits(inputs, options, glob, exclude=[html])
    nlp = load_model(model)
    allow_length(nlp, max_chars)
    title = f"exhibit show: {len(items)} exhibits, model {model or default_model_path()}"
    write_page(show_exhibits(nlp, items, title=title), html)
    typer.echo(f"wrote {html} ({len(items)} exhibits)", err=True)
