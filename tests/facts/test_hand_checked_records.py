"""The facts built from the gold annotations of train and dev exhibits equal the records an
analyst wrote by reading those exhibits (corpus/records/, see its README)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from nlp.facts import extract_facts

ROOT = Path(__file__).resolve().parents[2]
RECORDS = ROOT / "corpus" / "records"
CHECKED = sorted(RECORDS.glob("*.json"))


def _splits():
    return json.loads((ROOT / "corpus" / "splits.json").read_text(encoding="utf-8"))["assignments"]


@pytest.fixture(scope="module")
def gold():
    """The gold records of the hand-checked exhibits only (never the locked test split)."""
    wanted = {path.stem for path in CHECKED}
    splits = _splits()
    found = {}
    with (ROOT / "corpus" / "exhibits.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            head = line[:200]
            if not any(f'"{rid}"' in head for rid in wanted):
                continue
            record = json.loads(line)
            if record["id"] in wanted and splits.get(record["id"]) in ("train", "dev"):
                found[record["id"]] = record
    return found


def test_enough_records_from_train_and_dev_of_every_category(gold):
    splits = _splits()
    assert len(CHECKED) >= 40
    assert all(splits.get(path.stem) in ("train", "dev") for path in CHECKED)
    kinds = {json.loads(path.read_text(encoding="utf-8"))["record"]["kind"] for path in CHECKED}
    assert kinds == {"offering", "certification", "other"}
    assert set(gold) == {path.stem for path in CHECKED}


@pytest.mark.parametrize("path", CHECKED, ids=[path.stem for path in CHECKED])
def test_facts_from_gold_equal_the_hand_checked_record(path, gold):
    checked = json.loads(path.read_text(encoding="utf-8"))
    assert checked["id"] == path.stem
    assert extract_facts(gold[path.stem])["record"] == checked["record"]
