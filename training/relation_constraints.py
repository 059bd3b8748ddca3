"""Give a model trained before relation decoding learned its pair limits the ones its data teaches.

The relation extractor learns at `initialize` how many partners a span of each label takes (one
mention per name, one partner; `nlp/ml/pair_limits.py`). A model trained before that has no
limits in its cfg and decodes as before. The limits depend on the training data only, not on the
weights, so they can be learned afterwards from the exhibits the model's meta.json says it was
trained on:

    python -m training.relation_constraints MODEL CORPUS.jsonl
"""
from __future__ import annotations

from pathlib import Path
from typing import Dict, List

import srsly
import typer
from spacy.util import load_config

from nlp.errors import InputError, ModelError
from nlp.io.records import read_records
from nlp.ml.pair_limits import learn_pair_limits
from nlp.provenance import META_KEY, TRAINED_ON
from training.cli import run

RELATION_FACTORY = "exhibit_relations"


def _relations_cfg(model_dir: Path) -> Path:
    """The cfg file of the model's relation extractor."""
    if not (model_dir / "config.cfg").exists():
        raise ModelError("E387", f"{model_dir}: no config.cfg, not a saved spaCy pipeline")
    components = load_config(model_dir / "config.cfg")["components"]
    names = [name for name, settings in components.items() if settings.get("factory") == RELATION_FACTORY]
    if not names:
        raise ModelError("E390", f"{model_dir}: has no {RELATION_FACTORY} component")
    return model_dir / names[0] / "cfg"


def learn_into_model(model_dir: Path, corpus: Path) -> Dict[str, Dict[str, List[str]]]:
    """Learn the constraints from the corpus records the model was trained on and write them
    into its relation cfg; returns them."""
    model_dir = Path(model_dir)
    cfg_path = _relations_cfg(model_dir)
    meta = srsly.read_json(model_dir / "meta.json")
    trained_on = set(meta.get(META_KEY, {}).get(TRAINED_ON, {}).get("ids", []))
    if not trained_on:
        raise ModelError("E391", f"{model_dir}/meta.json: names no training exhibits ({META_KEY}.{TRAINED_ON})")
    records = [r for r in read_records(corpus) if r.id in trained_on]
    missing = len(trained_on) - len(records)
    if missing:
        raise InputError("E392", f"{corpus}: lacks {missing} of the {len(trained_on)} exhibits {model_dir} was trained on")
    docs = []
    for record in records:
        relations: Dict = {}
        for relation in record.relations:
            relations.setdefault((tuple(relation.head), tuple(relation.child)), {})[relation.label] = 1.0
        docs.append((record.text, relations))
    learned = learn_pair_limits(docs)
    cfg = srsly.read_json(cfg_path)
    cfg["pair_limits"] = learned
    srsly.write_json(cfg_path, cfg)
    return learned


def main(
    model: Path = typer.Argument(..., help="Trained model folder; its relation cfg is updated in place."),
    corpus: Path = typer.Argument(..., help="Guide JSONL holding the exhibits the model was trained on."),
) -> None:
    """Write into MODEL the relation decoding constraints its training exhibits teach."""
    learned = learn_into_model(model, corpus)
    for limit, sides in learned.items():
        for side, labels in sides.items():
            typer.echo(f"{limit.replace('_', ' ')}, {side} side: {', '.join(labels) or 'none'}")


if __name__ == "__main__":
    run(main)
