"""Finding and loading pipelines: the shipped default model or a user's model directory."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Optional

from .errors import ModelError

DEFAULT_MODEL_NAME = "exhibit-default"


def default_model_path() -> Path:
    """$EXHIBIT_MODEL, else models/exhibit-default of this checkout, else of the current folder."""
    if os.environ.get("EXHIBIT_MODEL"):
        return Path(os.environ["EXHIBIT_MODEL"])
    beside_package = Path(__file__).resolve().parents[1] / "models" / DEFAULT_MODEL_NAME
    if beside_package.exists():
        return beside_package
    return Path.cwd() / "models" / DEFAULT_MODEL_NAME


def load_model(path: Optional[Path] = None):
    """spacy.load of a model directory, with a one-line error naming the directory."""
    import spacy

    path = Path(path) if path else default_model_path()
    if not path.exists():
        raise ModelError("E040", f"{path}: no model directory there")
    if not (path / "config.cfg").exists() or not (path / "meta.json").exists():
        raise ModelError("E041", f"{path}: not a spaCy model directory (config.cfg or meta.json missing)")
    try:
        return spacy.load(path)
    except Exception as err:  # spaCy raises many kinds on a corrupted directory
        first = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        raise ModelError("E042", f"{path}: cannot load model ({first})") from None
