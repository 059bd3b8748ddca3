"""Records the format tests convert: the two seed exhibits and one corpus exhibit per category."""
from __future__ import annotations

import functools
from pathlib import Path
from typing import Dict, List

from nlp.io.records import ExhibitRecord, read_records

ROOT = Path(__file__).resolve().parents[2]
CORPUS_IDS = (
    "off_airnet_technology_20250828",
    "cert_accentia_biopharmaceuticals_ex32_2005",
    "oth_jeffersonville_bancorp_20250212",
)
MISALIGNED_ID = "off_atco_mining_20250213"  # "Atco" ends inside the token "Atcois"


@functools.lru_cache(maxsize=1)
def corpus_by_id() -> Dict[str, ExhibitRecord]:
    return {r.id: r for r in read_records(ROOT / "corpus" / "exhibits.jsonl")}


def sample_records() -> List[ExhibitRecord]:
    seeds = read_records(ROOT / "tests" / "data" / "seeds.jsonl")
    return seeds + [corpus_by_id()[i] for i in CORPUS_IDS]
