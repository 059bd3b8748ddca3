"""Rebuild a model saved with one component per rule as the staged pipeline of a current config.

Models trained before the rule steps were gathered into exhibit_entity_rules and
exhibit_relation_rules hold a folder per rule component (exhibit_officers/, exhibit_issuers/, ...).
Their trained parts (tok2vec, ner, exhibit_relations) and the rules' saved states (on/off
switches, the issuer scorer's weights) carry over unchanged, so the rebuilt model predicts
exactly what the old one did:

    python -m training.migrate_model OLD_MODEL configs/default.cfg NEW_MODEL
"""
from __future__ import annotations

import shutil
from pathlib import Path
from typing import List

import spacy
import typer
from spacy.util import load_config

from nlp.errors import ConfigError, ModelError
from training.cli import run

# the rule step `step` was the component `exhibit_<step>` before the stages
OLD_PREFIX = "exhibit_"
STAGES = ("exhibit_entity_rules", "exhibit_relation_rules")


def migrate(old_dir: Path, config_path: Path, out_dir: Path) -> List[str]:
    """Write the migrated model to `out_dir`; returns its pipeline."""
    old_dir, out_dir = Path(old_dir), Path(out_dir)
    if not (old_dir / "config.cfg").exists():
        raise ModelError("E387", f"{old_dir}: no config.cfg, not a saved spaCy pipeline")
    if out_dir.exists() and any(out_dir.iterdir()):
        raise ConfigError("E388", f"{out_dir}: exists and is not empty; choose a new folder")
    config = load_config(config_path)
    target = list(config["nlp"]["pipeline"])
    old_pipeline = list(load_config(old_dir / "config.cfg")["nlp"]["pipeline"])
    gone = [name for name in old_pipeline if name not in target]
    nlp = spacy.load(old_dir, exclude=gone)
    for position, name in enumerate(target):
        if name in nlp.pipe_names:
            continue
        settings = dict(config["components"][name])
        factory = settings.pop("factory")
        nlp.add_pipe(factory, name=name, config=settings, before=_next_present(target, position, nlp))
    for stage_name in STAGES:
        if stage_name not in nlp.pipe_names:
            continue
        stage = nlp.get_pipe(stage_name)
        for step in stage.step_names:
            saved = old_dir / f"{OLD_PREFIX}{step}"
            if saved.exists() and hasattr(stage.step(step), "from_disk"):
                stage.step(step).from_disk(saved)
    if nlp.pipe_names != target:
        raise ConfigError("E389", f"{config_path}: the migrated pipeline {nlp.pipe_names} is not {target}")
    out_dir.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(out_dir)
    for extra in ("README.md",):  # a model card beside the weights travels with them
        if (old_dir / extra).exists():
            shutil.copy(old_dir / extra, out_dir / extra)
    return nlp.pipe_names


def _next_present(target: List[str], position: int, nlp) -> str | None:
    for name in target[position + 1:]:
        if name in nlp.pipe_names:
            return name
    return None


def main(
    old_model: Path = typer.Argument(..., help="Model folder saved with one component per rule."),
    config: Path = typer.Argument(..., help="The current training config whose pipeline to build."),
    output: Path = typer.Argument(..., help="New, empty folder for the migrated model."),
) -> None:
    """Rebuild OLD_MODEL as the pipeline of CONFIG, keeping its weights and rule states."""
    pipeline = migrate(old_model, config, output)
    typer.echo(f"wrote {output}: {' -> '.join(pipeline)}")


if __name__ == "__main__":
    run(main)
