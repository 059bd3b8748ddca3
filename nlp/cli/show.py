from pathlib import Path
from typing import List, Optional

import typer
from typing_extensions import Annotated

from .app import command


@command("show")
def show(
    inputs: Annotated[List[Path], typer.Argument(help=".txt exhibits, or folders of them.")],
    html: Annotated[Path, typer.Option("--html", help="The HTML page to write.")],
    model: Annotated[Optional[Path], typer.Option(help="Model directory (default: the shipped model).")] = None,
    glob: Annotated[str, typer.Option(help="File pattern inside folders (searched recursively).")] = "*.txt",
    max_chars: Annotated[int, typer.Option(min=1, help="Stop at an exhibit longer than this many characters.")] = 2_000_000,
) -> None:
    """Write one offline HTML page of a model's entities (displaCy) and relations by sentence, to open in a browser."""
    from nlp.limits import allow_length, checked_exhibits
    from nlp.models import default_model_path, load_model
    from nlp.readers import iter_text_inputs
    from nlp.show import check_page_path, show_exhibits, write_page

    check_page_path(html)
    items = checked_exhibits(iter_text_inputs(inputs, glob), max_chars)
    nlp = load_model(model)
    allow_length(nlp, max_chars)
    title = f"exhibit show: {len(items)} exhibits, model {model or default_model_path()}"
    write_page(show_exhibits(nlp, items, title=title), html)
    typer.echo(f"wrote {html} ({len(items)} exhibits)", err=True)
