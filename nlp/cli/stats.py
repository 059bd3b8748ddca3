import json
from pathlib import Path
from typing import List

import typer
from typing_extensions import Annotated

from ..io.records import read_many
from ..stats import corpus_stats
from .app import command


def _table(title: str, counts: dict) -> str:
    if not counts:
        return f"{title}: none"
    width = max(len(k) for k in counts)
    lines = [title]
    lines += [f"  {k:<{width}}  {v:>7}" for k, v in counts.items()]
    return "\n".join(lines)


@command("stats")
def stats(
    paths: Annotated[List[Path], typer.Argument(help="Guide JSONL files, or folders of them.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")] = False,
) -> None:
    """Count entities and relations per label, documents per category and company, and tokens."""
    result = corpus_stats(read_many(paths))
    if as_json:
        typer.echo(json.dumps(result, indent=2, ensure_ascii=False))
        return
    typer.echo(
        f"documents {result['documents']}  tokens {result['tokens']}  "
        f"entities {result['entities_total']}  relations {result['relations_total']}"
    )
    for key in ("entities", "relations", "categories", "companies"):
        typer.echo(_table(key, result[key]))
