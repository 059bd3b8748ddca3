"""Nothing from a particular document in the package: no person or company name that the corpus
annotates appears in the library's code, its pattern files or the training code. Knowledge goes in
as general patterns and trained weights; a rule written around one exhibit's names does not
generalize (rule tests use invented text instead)."""
from __future__ import annotations

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCANNED = [ROOT / "nlp", ROOT / "training", ROOT / "configs"]
SUFFIXES = {".py", ".json", ".jsonl", ".cfg", ".txt", ".toml", ".yml", ".yaml"}
NAME_LABELS = {"OFFICER", "ISSUER", "AGENT"}
# Words that make up generic references ("the Company", "Holdings Inc."), not names
GENERIC = {
    "the", "company", "companies", "corporation", "corp", "inc", "incorporated", "ltd", "limited",
    "llc", "lp", "plc", "co", "group", "holdings", "holding", "registrant", "trust", "fund",
    "partnership", "partners", "bank", "bancorp", "securities", "capital", "markets", "and", "of",
    "&", "sa", "nv", "ag", "se", "us", "usa", "issuer", "partnership's", "company's", "inc.",
}


def corpus_names():
    names = set()
    with (ROOT / "corpus" / "exhibits.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            for entity in record["entities"]:
                if entity["label"] not in NAME_LABELS:
                    continue
                name = " ".join(record["text"][entity["start"]:entity["end"]].split())
                words = re.findall(r"[\w'&]+", name.lower())
                distinctive = [w for w in words if w not in GENERIC and len(w) > 1]
                if len(words) >= 2 and distinctive:
                    names.add(name.lower())
    return names


def scanned_files():
    for folder in SCANNED:
        for path in folder.rglob("*"):
            if path.is_file() and path.suffix in SUFFIXES and "__pycache__" not in path.parts:
                yield path


def test_the_corpus_has_names_to_look_for():
    assert len(corpus_names()) > 500


def test_no_corpus_name_in_code_or_patterns():
    names = corpus_names()
    found = []
    for path in scanned_files():
        text = " ".join(path.read_text(encoding="utf-8", errors="replace").lower().split())
        found += [f"{path.relative_to(ROOT)}: {name!r}" for name in names if name in text]
    assert not found, "corpus names in the package:\n" + "\n".join(sorted(found))
