"""Finding and loading pipelines: the shipped default model or a user's model directory."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Optional

from .errors import ModelError

DEFAULT_MODEL_NAME = "exhibit-default"
MODEL_VARIABLE = "EXHIBIT_MODEL"


def default_model_path() -> Path:
    """$EXHIBIT_MODEL, else models/exhibit-default beside the package (the checkout of an editable
    install). Never the current folder: a models/ folder wherever the command runs must not
    decide which model predicts."""
    if os.environ.get(MODEL_VARIABLE):
        return Path(os.environ[MODEL_VARIABLE])
    return Path(__file__).resolve().parents[1] / "models" / DEFAULT_MODEL_NAME


def load_model(path: Optional[Path] = None):
    """spacy.load of a model directory, with a one-line error naming the directory."""
    import spacy

    if not path and not default_model_path().exists():
        # The package is installed without its model (a wheel carries no models/ folder).
        looked = "$" + MODEL_VARIABLE if os.environ.get(MODEL_VARIABLE) else "beside the package"
        raise ModelError("E256", f"{default_model_path()}: no default model there (looked {looked}); "
                                 f"give --model DIR or set {MODEL_VARIABLE}")
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
