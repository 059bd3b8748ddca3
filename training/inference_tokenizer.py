"""Give a trained model another tokenizer to predict with, its weights unchanged.

The shipped model is trained with exhibit.Tokenizer.v1 and predicts with v5: on grouped
cross-validation the fold models trained with v1 scored higher with v2 put in than with v1,
and higher than fold models trained with v2 (models/README.md, session 17), and higher again
with v3 (session 18), with v4 (session 20) and with v5 (session 30, on wrapped exhibits above
all). After `exhibit train`:

    python -m training.inference_tokenizer MODEL exhibit.Tokenizer.v5
"""
from __future__ import annotations

from pathlib import Path

import spacy
import typer
from spacy.util import load_config, registry

from nlp.tokenizer import SHIPPED_TOKENIZER  # importing it registers the exhibit tokenizers
from nlp.errors import InputError, ModelError
from training.cli import run


def use_tokenizer(model_dir: Path, name: str) -> None:
    """Rewrite MODEL's config and tokenizer file so that it loads with the tokenizer `name`."""
    model_dir = Path(model_dir)
    config_path = model_dir / "config.cfg"
    if not config_path.exists():
        raise ModelError("E387", f"{model_dir}: no config.cfg, not a saved spaCy pipeline")
    if name not in registry.tokenizers:
        known = ", ".join(sorted(n for n in registry.tokenizers.get_all() if n.startswith("exhibit.")))
        raise InputError("E147", f"tokenizer {name!r} is not registered; the exhibit tokenizers are {known}")
    config = load_config(config_path)
    config["nlp"]["tokenizer"] = {"@tokenizers": name}
    blank = spacy.blank(config["nlp"]["lang"], config={"nlp": {"tokenizer": {"@tokenizers": name}}})
    blank.tokenizer.to_disk(model_dir / "tokenizer")
    config.to_disk(config_path)


def main(
    model: Path = typer.Argument(..., help="Trained model folder; its config and tokenizer are rewritten in place."),
    name: str = typer.Argument(SHIPPED_TOKENIZER, help="Registered tokenizer to predict with."),
) -> None:
    """Make MODEL predict with the tokenizer NAME, its weights unchanged."""
    use_tokenizer(model, name)
    typer.echo(f"{model} now tokenizes with {name}")


if __name__ == "__main__":
    run(main)
