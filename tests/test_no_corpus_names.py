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


def scanned_text(path: Path) -> str:
    """The file's text, lower-cased with runs of whitespace as one space; a JSON file (the pattern
    files) also as its decoded values, so that a name written with \\u escapes is seen too."""
    raw = path.read_text(encoding="utf-8", errors="replace")
    if path.suffix == ".json":
        try:
            raw += "\n" + json.dumps(json.loads(raw), ensure_ascii=False)
        except ValueError:
            pass  # a broken JSON file is still scanned as text
    return " ".join(raw.lower().split())


def names_in(path: Path, names) -> list:
    """The corpus names that occur in the file at `path`."""
    text = scanned_text(path)
    return sorted(name for name in names if name in text)


def test_the_corpus_has_names_to_look_for():
    assert len(corpus_names()) > 500


def test_no_corpus_name_in_code_or_patterns():
    names = corpus_names()
    found = []
    for path in scanned_files():
        found += [f"{path.relative_to(ROOT)}: {name!r}" for name in names_in(path, names)]
    assert not found, "corpus names in the package:\n" + "\n".join(sorted(found))


def test_the_scan_covers_every_pattern_file():
    pattern_files = set((ROOT / "nlp" / "patterns").glob("*.json"))
    assert pattern_files and pattern_files <= set(scanned_files())


def test_a_name_planted_in_a_pattern_file_is_caught(tmp_path):
    names = corpus_names()
    planted = sorted(names)[0]
    clean = tmp_path / "clean.json"
    clean.write_text(json.dumps({"_about": {"words": "generic words"}, "words": ["chief", "officer"]}), encoding="utf-8")
    assert names_in(clean, names) == []
    # in capitals, one word per line of the file
    plain = tmp_path / "plain.json"
    plain.write_text('{"words": ["chief", "' + planted.upper().replace(" ", "\n  ") + '"]}', encoding="utf-8")
    assert planted in names_in(plain, names)
    # every character \u-escaped: the file holds the name only once its JSON is decoded
    escaped = tmp_path / "escaped.json"
    code = "".join(f"\\u{ord(c):04x}" for c in planted)
    escaped.write_text('{"_about": {"words": "words"}, "words": ["' + code + '"]}', encoding="utf-8")
    assert planted in names_in(escaped, names)
