"""Running a pipeline over exhibits: inputs in, guide records (with values and scores) out.

predict_exhibits streams records in input order; predict_batch adds what a batch run needs:
skipped inputs reported and logged, exhibits already written (--resume) passed over, the
first problem raised with --fail-fast, progress counted.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Dict, Iterable, Iterator, List, Optional

from spacy.language import Language

from .io.docs import doc_to_record
from .readers.items import ExhibitInput, InputItem, SkippedInput
from .readers.text import iter_text_inputs  # noqa: F401  (moved to nlp.readers; kept importable here)
from .windows import MergedText, pipe_texts


def doc_to_output(doc, record_id: str, min_score: Optional[float] = None) -> Dict:
    """The guide record of a predicted doc, entities with `value`, relations with `score`;
    relations scoring below min_score are left out (before the facts are built from them, so
    everything derived from relations agrees). Entities carry no score to filter."""
    record = doc_to_record(doc, record_id, threshold=min_score or 0.0, with_scores=True)
    scores = record.meta.pop("relation_scores")
    values = {(e.start_char, e.end_char): e._.value for e in doc.ents}
    return _output(record, values, scores)


def merged_to_output(merged: MergedText, record_id: str, min_score: Optional[float] = None) -> Dict:
    """The output record of a text predicted in windows (nlp.windows), built as doc_to_output
    builds a Doc's: relations below min_score left out first, the facts built once, on the whole."""
    return _output(merged.to_record(record_id, min_score or 0.0), merged.values, merged.scores)


def _output(record, values: Dict, scores: Dict) -> Dict:
    cats = record.meta.pop("kind_scores", None)
    out = record.to_dict()
    out.pop("meta")
    out["category"] = None
    if cats:  # the textcat's kind of exhibit, which the facts weigh with the relations
        out["kind_scores"] = {kind: round(score, 4) for kind, score in sorted(cats.items())}
    for ent in out["entities"]:
        ent["value"] = values.get((ent["start"], ent["end"]))
    for rel in out["relations"]:
        rel["score"] = scores.get((tuple(rel["head"]), tuple(rel["child"]), rel["label"]))
    from .facts import extract_facts  # the structured record and its warnings (nlp/facts/)

    out.update(extract_facts(out))
    return out


# With n_process > 1 spaCy sends docs back from its workers as bytes, and Doc.from_bytes cannot
# restore doc._.relations (its tuple keys come back as lists). A last step in the workers moves
# the relations into user_data as plain lists; the parent puts them back.
WIRE_STEP = "exhibit_relations_to_wire"
_WIRE_KEY = "exhibit_relations_wire"


@Language.component(WIRE_STEP)
def relations_to_wire(doc):
    if doc._.relations:
        doc.user_data[_WIRE_KEY] = [[*head, *child, labels] for (head, child), labels in doc._.relations.items()]
        doc._.relations = None
    return doc


def relations_from_wire(doc):
    wire = doc.user_data.pop(_WIRE_KEY, None)
    if wire:
        doc._.relations = {((h0, h1), (c0, c1)): dict(labels) for h0, h1, c0, c1, labels in wire}
    return doc


def predict_exhibits(
    nlp, inputs: Iterable[ExhibitInput], batch_size: int = 8, n_process: int = 1,
    min_score: Optional[float] = None,
) -> Iterator[Dict]:
    """Output records in input order, streamed; `meta` added for inputs that carry one (SGML, JSONL).
    An exhibit longer than nlp.windows.WINDOW_CHARS is predicted in windows, so memory stays bounded."""
    pairs = ((item.text, (item.id, item.meta)) for item in inputs)
    wire = n_process != 1 and WIRE_STEP not in nlp.pipe_names
    if wire:
        nlp.add_pipe(WIRE_STEP, last=True)
    try:
        # an exhibit longer than a window is predicted in windows, in this process (nlp.windows)
        for result, (record_id, meta) in pipe_texts(nlp, pairs, batch_size, n_process, restore=relations_from_wire):
            if isinstance(result, MergedText):
                record = merged_to_output(result, record_id, min_score)
            else:
                record = doc_to_output(result, record_id, min_score)
            if meta:
                record["meta"] = meta
            yield record
    finally:
        if wire:
            nlp.remove_pipe(WIRE_STEP)


@dataclass
class BatchStats:
    written: int = 0
    skipped: int = 0
    resumed: int = 0  # exhibits an earlier run already wrote (--resume)


def predict_batch(
    nlp,
    items: Iterable[InputItem],
    write: Callable[[Dict], None],
    report: Callable[[SkippedInput], None],
    already_done: Optional[Callable[[str], bool]] = None,
    fail_fast: bool = False,
    batch_size: int = 8,
    n_process: int = 1,
    min_score: Optional[float] = None,
    progress: Optional[Callable[[], None]] = None,
) -> BatchStats:
    """Predict every exhibit among items and write its record; report the skipped ones and go on.

    With fail_fast the input stream ends at the first skipped input, the exhibits before it are
    still predicted and written, then its InputError is raised. progress() is called once per
    item, whatever became of it.
    """
    stats = BatchStats()
    tick = progress or (lambda: None)
    stopped_at: List[SkippedInput] = []

    def exhibits() -> Iterator[ExhibitInput]:
        for item in items:
            if isinstance(item, SkippedInput):
                stats.skipped += 1
                report(item)
                tick()
                if fail_fast:
                    stopped_at.append(item)
                    return
            elif already_done is not None and already_done(item.id):
                stats.resumed += 1
                tick()
            else:
                yield item

    for record in predict_exhibits(nlp, exhibits(), batch_size, n_process, min_score):
        write(record)
        stats.written += 1
        tick()
    if stopped_at:
        raise stopped_at[0].to_error()
    return stats
