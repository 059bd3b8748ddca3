"""Shared fixtures: the two reference records the annotation guide ships, and small builders."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy

import nlp.models

from nlp.io.records import ExhibitRecord, read_records

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).resolve().parents[1]


def char_offsets(text: str, phrase: str, nth: int = 1) -> tuple:
    """(start, end) of the nth occurrence of `phrase` in `text`: tests name spans, not count."""
    start = -1
    for _ in range(nth):
        start = text.index(phrase, start + 1)
    return (start, start + len(phrase))

def texts_at(text: str, offsets) -> list:
    """The pieces of `text` at (start, end) offsets: what a span finder found, readable in asserts."""
    return [text[start:end] for start, end in offsets]


def doc_with_guesses(nlp, text: str, *guesses: tuple):
    """A Doc of `text` whose entities are the (phrase, label) guesses, each at its first occurrence,
    or (phrase, label, nth) at the nth."""
    doc = nlp.make_doc(text)
    doc.ents = [doc.char_span(*char_offsets(text, phrase, *nth), label) for phrase, label, *nth in guesses]
    return doc


# config overrides that train a model in a few seconds (tests never train a real one)
TINY = [
    "--components.tok2vec.model.encode.width", "32",
    "--components.tok2vec.model.encode.depth", "1",
    "--training.max_steps", "12",
    "--training.eval_frequency", "6",
    "--training.logger.progress_bar", "false",
]


@pytest.fixture(scope="session")
def seed_records() -> list[ExhibitRecord]:
    return read_records(DATA / "seeds.jsonl")


@pytest.fixture(scope="session")
def seeds_path() -> Path:
    return DATA / "seeds.jsonl"


@pytest.fixture(scope="session")
def blank_nlp():
    return spacy.blank("en")


def write_jsonl(path: Path, rows) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for row in rows:
            out.write((row if isinstance(row, str) else json.dumps(row)) + "\n")
    return path


def small_record(**changes) -> dict:
    """A valid little offering record to break one rule at a time."""
    text = "Acme Corp. sold 1,000 shares of Common Stock at $2.00 per share."
    record = {
        "id": "acme",
        "text": text,
        "category": "offering",
        "entities": [
            {"start": 0, "end": 10, "label": "ISSUER"},
            {"start": 16, "end": 21, "label": "QUANTITY"},
            {"start": 32, "end": 44, "label": "SECURITY"},
            {"start": 48, "end": 53, "label": "PRICE"},
        ],
        "relations": [
            {"head": [0, 10], "child": [32, 44], "label": "OFFERS"},
            {"head": [16, 21], "child": [32, 44], "label": "QUANTITY_OF"},
            {"head": [48, 53], "child": [32, 44], "label": "PRICE_OF"},
        ],
        "meta": {"company": "Acme Corp."},
    }
    record.update(changes)
    return record


@pytest.fixture(scope="session")
def shipped_model():
    """The shipped default model, loaded once for the whole test run."""
    return nlp.models.load_model(None)


@pytest.fixture
def cached_model(monkeypatch, shipped_model):
    """The CLI's load_model(None) answers with the session's model (loaded once, not per command)."""
    real = nlp.models.load_model
    monkeypatch.setattr(nlp.models, "load_model", lambda path=None: shipped_model if path is None else real(path))


def add_rule_step(nlp, step: str, **settings):
    """Add one rule step alone, as a stage named rules_<step>, and return the step's object."""
    from nlp.pipeline.stages import ENTITY_STEPS

    factory = "exhibit_entity_rules" if step in ENTITY_STEPS else "exhibit_relation_rules"
    stage = nlp.add_pipe(factory, name=f"rules_{step}", config={"steps": [step], "settings": {step: settings}})
    return stage.step(step)



def after_step(step: str, text: str, *guesses: tuple) -> set:
    """(text, label) of the entities after rule step `step` alone runs on a Doc of `text` with
    the recognizer's `guesses` (as doc_with_guesses takes them)."""
    nlp = spacy.blank("en")
    rule = add_rule_step(nlp, step)
    return {(e.text, e.label_) for e in rule(doc_with_guesses(nlp, text, *guesses)).ents}