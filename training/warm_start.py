"""Continue training a model's networks on annotations (`exhibit train --from MODEL`).

The config's components that hold weights (the tok2vec, the recognizer, the relation model, the
textcat) are sourced from MODEL, so spaCy resumes training them instead of starting from random
weights; the rule components are built from the config and fitted on the training data as usual.
A sourced component keeps MODEL's settings and labels (the relation model's pair limits, the
textcat's kinds).

It lets new annotations improve a trained model without training it again from scratch.
Measured in session 27 (models/HISTORY.md): fold models trained on the corpus's earlier
exhibits and continued on all of train+dev gained entities and relations on held-out companies,
about as much as models trained from scratch on all of it, which did better on facts.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Dict, Iterable, List

from nlp.errors import ConfigError


def components_with_weights(config) -> List[str]:
    """The pipeline's components whose config builds a model (trainable weights)."""
    return [name for name in config["nlp"]["pipeline"] if "model" in config["components"].get(name, {})]


def base_model_meta(base: Path) -> Dict[str, Any]:
    """MODEL's meta.json, or a clear error when the folder holds no trained spaCy pipeline."""
    meta_path, config_path = Path(base) / "meta.json", Path(base) / "config.cfg"
    if not meta_path.is_file() or not config_path.is_file():
        raise ConfigError("E323", f"{base}: no trained model to continue from (a model folder holds meta.json and config.cfg)")
    try:
        return json.loads(meta_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise ConfigError("E323", f"{meta_path}: cannot be read as a model's meta ({err})") from None


def warm_start(config, base: Path):
    """`config` with its components that hold weights sourced from the model at `base`."""
    meta = base_model_meta(base)
    has = set(meta.get("pipeline") or [])
    for name in components_with_weights(config):
        if name not in has:
            raise ConfigError("E324", f"{base}: has no component {name!r} to continue from "
                                      f"(it has {', '.join(sorted(has)) or 'none'}); train it from scratch without --from")
        config["components"][name] = {"source": str(base)}
        # its labels come with its weights (a config may have no [initialize.components])
        config["initialize"].get("components", {}).pop(name, None)
    # pretrained tok2vec weights would overwrite the sourced ones
    config["initialize"]["init_tok2vec"] = None
    return config


def check_base_labels(base: Path, meta: Dict[str, Any], labels: Iterable[str]) -> None:
    """An error naming the training data's entity labels that the base model's recognizer does
    not know: a sourced recognizer keeps its labels and would never learn new ones."""
    known = set((meta.get("labels") or {}).get("ner") or [])
    unknown = sorted(set(labels) - known)
    if unknown:
        raise ConfigError("E325", f"{base}: its recognizer knows no label {', '.join(unknown)}, which the training data "
                                  f"uses (it knows {', '.join(sorted(known)) or 'none'}); train from scratch without --from")


def continued_from(meta: Dict[str, Any]) -> Dict[str, str]:
    """What a continued model's meta says about the model it started from."""
    return {"name": str(meta.get("name", "")), "version": str(meta.get("version", ""))}
