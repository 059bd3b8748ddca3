"""exhibit.GuideCorpus.v1: a spaCy corpus reader over guide JSONL, so training configs read the
annotated corpus directly (optionally one split of it) with no conversion step.
"""
from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Callable, Iterator, List, Optional

from spacy.language import Language
from spacy.training import Example
from spacy.util import registry

from ..errors import InputError
from .augment import substitute_names
from .docs import AlignmentReport, record_to_doc
from .records import ExhibitRecord, OnBadLine, read_many
from .wrapping import wrap_record


def load_split_ids(splits_path: Path, split: str) -> set:
    """Ids assigned to `split` in a splits file ({"assignments": {id: split}}); "train+dev"
    names several splits."""
    names = {name.strip() for name in split.replace(",", "+").split("+") if name.strip()}
    try:
        data = json.loads(Path(splits_path).read_text(encoding="utf-8"))
        return {rid for rid, name in data["assignments"].items() if name in names}
    except FileNotFoundError:
        raise InputError("E020", f"{splits_path}: splits file not found") from None
    except (ValueError, KeyError, AttributeError) as err:
        raise InputError("E021", f"{splits_path}: not a splits file ({err})") from None


def select_records(
    path: Path, split: Optional[str] = None, splits_path: Optional[Path] = None,
    on_bad_line: Optional[OnBadLine] = None,
) -> List[ExhibitRecord]:
    records = read_many([Path(path)], on_bad_line)
    if split:
        if splits_path is None:
            raise InputError("E022", f"split {split!r} asked for {path} without a splits file")
        wanted = load_split_ids(splits_path, split)
        records = [r for r in records if r.id in wanted]
    return records


class GuideCorpus:
    def __init__(
        self,
        path: Path,
        split: Optional[str],
        splits_path: Optional[Path],
        alignment: str,
        augment_names: float = 0.0,
        seed: int = 0,
        augment_wrap: float = 0.0,
    ):
        self.path = path
        self.split = split or None
        self.splits_path = splits_path
        self.alignment = alignment
        self.augment_names = augment_names
        self.augment_wrap = augment_wrap
        self.seed = seed
        self.passes = 0
        self.report = AlignmentReport(mode=alignment)

    def __call__(self, nlp: Language) -> Iterator[Example]:
        # a new draw of invented names on every pass (epoch), reproducible from the seed
        rng = random.Random(self.seed * 1000 + self.passes)
        self.passes += 1
        for record in select_records(self.path, self.split, self.splits_path):
            if self.augment_names and rng.random() < self.augment_names:
                record = substitute_names(record, rng)
            if self.augment_wrap and rng.random() < self.augment_wrap:
                record = wrap_record(record, rng)
            reference = record_to_doc(nlp.make_doc, record, self.alignment, self.report)
            yield Example(nlp.make_doc(record.text), reference)


@registry.readers("exhibit.GuideCorpus.v1")
def create_guide_corpus_reader(
    path: Path,
    split: Optional[str] = None,
    splits_path: Optional[Path] = None,
    alignment: str = "expand",
    augment_names: float = 0.0,
    seed: int = 0,
    augment_wrap: float = 0.0,
) -> Callable[[Language], Iterator[Example]]:
    """Examples from a guide JSONL file or folder, optionally only the ids of one split.

    augment_names: the share of records whose ISSUER and OFFICER names are replaced by
    invented ones on each pass (training only), so the model learns names from context.
    augment_wrap: the share of records whose prose is wrapped into lines of 60 to 80
    characters on each pass (training only), as plain-text filings are.
    """
    return GuideCorpus(
        Path(path), split, Path(splits_path) if splits_path else None, alignment, augment_names, seed,
        augment_wrap,
    )
