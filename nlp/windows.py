"""Long exhibits in windows, so that memory stays bounded whatever the exhibit's length.

The pipeline's memory grows with the length of one Doc (tok2vec holds wide arrays per token, and
the relation candidates of document-level type pairs grow with the square of the entities), so
a text longer than WINDOW_CHARS is cut at paragraph boundaries into overlapping windows, each
window is run on its own, and the windows' entities and relations are merged back into one
result for the whole text. Texts up to WINDOW_CHARS (every exhibit of the corpus) take the
unwindowed path unchanged.
"""
from __future__ import annotations

import re
from bisect import bisect_left, insort
from dataclasses import dataclass, field
from itertools import groupby
from typing import Any, Callable, Dict, Iterable, Iterator, List, Optional, Tuple, Union

from spacy.tokens import Doc

from . import extensions  # noqa: F401  (registers Doc._.relations, Span._.value)
from .errors import ConfigError
from .io.records import Entity, ExhibitRecord, Offsets, Relation

# Chosen by measurement (benchmarks/memory.py): with the shipped model one 50,000-character text
# peaks near 260 MB (tok2vec takes about 14 KB per token), an exhibit of any length in windows
# under 300 MB, and the corpus's longest exhibit (28,000 characters) stays unwindowed.
WINDOW_CHARS = 50_000
# At least this much text is shared by neighbouring windows: a paragraph or two, so that an
# entity or relation cut by one window's border lies whole inside the other window.
OVERLAP_CHARS = 2_000

_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n\s*")
_LINE_BREAK = re.compile(r"\n\s*")
_SPACE = re.compile(r"\s+")
RelationKey = Tuple[Offsets, Offsets, str]


@dataclass(frozen=True)
class Window:
    start: int
    end: int


def _check_sizes(size: int, overlap: int) -> None:
    if size < 1 or overlap < 0 or overlap * 4 > size:
        raise ConfigError("E270", f"window of {size} characters with an overlap of {overlap}: the "
                                  "window must be positive and at least four times the overlap")


def _last_break(text: str, lo: int, hi: int) -> Optional[int]:
    """The last position in (lo, hi] where a paragraph starts, else a line, else a word."""
    for pattern in (_PARAGRAPH_BREAK, _LINE_BREAK, _SPACE):
        found = None
        for match in pattern.finditer(text, lo, hi):
            if lo < match.end() <= hi:
                found = match.end()
        if found is not None:
            return found
    return None


def split_windows(text: str, size: int = WINDOW_CHARS, overlap: int = OVERLAP_CHARS) -> List[Window]:
    """Windows of at most `size` characters covering the text, each ending and the next starting
    at a paragraph boundary (else a line break, else whitespace, else anywhere), neighbours
    sharing at least `overlap` characters. A text up to `size` is one window."""
    _check_sizes(size, overlap)
    windows: List[Window] = []
    start = 0
    while len(text) - start > size:
        hard_end = start + size
        end = _last_break(text, start + size // 2, hard_end) or hard_end
        windows.append(Window(start, end))
        # the next window opens at a boundary at least `overlap` before this one's end and
        # more than a quarter of a window after this one's start, so the loop always advances
        next_start = _last_break(text, start + size // 4, end - overlap) or end - overlap
        start = next_start
    windows.append(Window(start, len(text)))
    return windows


@dataclass
class WindowResult:
    """What the pipeline found in one window, in offsets of the whole text."""

    window: Window
    entities: List[Entity] = field(default_factory=list)
    values: Dict[Offsets, Any] = field(default_factory=dict)
    scores: Dict[RelationKey, float] = field(default_factory=dict)  # every relation the doc holds
    cats: Dict[str, float] = field(default_factory=dict)  # the textcat's kind scores of the window


def window_result(doc: Doc, window: Window) -> WindowResult:
    shift = window.start
    result = WindowResult(window, cats=dict(doc.cats))
    for ent in doc.ents:
        entity = Entity(ent.start_char + shift, ent.end_char + shift, ent.label_)
        result.entities.append(entity)
        result.values[entity.offsets] = ent._.value
    for (head, child), labels in (doc._.relations or {}).items():
        for label, score in labels.items():
            key = ((head[0] + shift, head[1] + shift), (child[0] + shift, child[1] + shift), label)
            result.scores[key] = score
    return result


@dataclass
class MergedText:
    """The merged predictions of a windowed text: one record's entities, their values, and the
    score of every relation (head offsets, child offsets, label)."""

    text: str
    entities: List[Entity]
    values: Dict[Offsets, Any]
    scores: Dict[RelationKey, float]
    cats: Dict[str, float] = field(default_factory=dict)

    def to_record(self, record_id: str, threshold: float = 0.0) -> ExhibitRecord:
        """The guide record, relations scored below threshold left out, in the order
        nlp.io.docs.doc_to_record gives a Doc's (entities by offsets, relations by ends then label)."""
        relations = [Relation(head, child, label) for (head, child, label), score in sorted(self.scores.items())
                     if score >= threshold]
        meta = {"kind_scores": dict(self.cats)} if self.cats else {}
        return ExhibitRecord(record_id, self.text, None, list(self.entities), relations, meta)


def _margin(entity: Entity, window: Window, text_length: int) -> float:
    """How far an entity lies from the borders of its window that cut the text (the text's own
    start and end are no borders): the farther, the more context the pipeline saw around it."""
    left = entity.start - window.start if window.start > 0 else float("inf")
    right = window.end - entity.end if window.end < text_length else float("inf")
    return min(left, right)


def merge_windows(text: str, results: List[WindowResult]) -> MergedText:
    """One set of entities and relations for the whole text. Where windows overlap, an entity
    is taken from the window where it lies farthest from the border and any entity it overlaps
    from other windows is dropped; a relation is kept when both its ends are kept entities with
    the labels they had in the window that found it, with the highest score any window gave it."""
    found = [
        (_margin(entity, result.window, len(text)), index, entity)
        for index, result in enumerate(results) for entity in result.entities
    ]
    found.sort(key=lambda item: (-item[0], item[2], item[1]))
    taken: List[Tuple[int, int]] = []  # kept spans, in text order, to test overlap quickly
    kept: Dict[Offsets, Tuple[Entity, int]] = {}
    for _, index, entity in found:
        at = bisect_left(taken, (entity.start, entity.end))
        before = taken[at - 1] if at > 0 else None
        after = taken[at] if at < len(taken) else None
        if (before and before[1] > entity.start) or (after and after[0] < entity.end):
            continue
        insort(taken, (entity.start, entity.end))
        kept[entity.offsets] = (entity, index)
    entities = sorted(entity for entity, _ in kept.values())
    values = {offsets: results[index].values.get(offsets) for offsets, (_, index) in kept.items()}
    scores: Dict[RelationKey, float] = {}
    for result in results:
        labels = {entity.offsets: entity.label for entity in result.entities}
        for key, score in result.scores.items():
            head, child, _ = key
            ends_kept = all(end in kept and kept[end][0].label == labels.get(end) for end in (head, child))
            if ends_kept and score > scores.get(key, float("-inf")):
                scores[key] = score
    return MergedText(text, entities, values, scores, _length_weighted_cats(results))


def _length_weighted_cats(results: List[WindowResult]) -> Dict[str, float]:
    """The windows' kind scores averaged, each window weighing as much as the text it covers."""
    weights = [(r.window.end - r.window.start, r.cats) for r in results if r.cats]
    total = sum(w for w, _ in weights)
    if not total:
        return {}
    kinds = {kind for _, cats in weights for kind in cats}
    return {kind: sum(w * cats.get(kind, 0.0) for w, cats in weights) / total for kind in sorted(kinds)}


def predict_windowed(
    nlp, text: str, size: int = WINDOW_CHARS, overlap: int = OVERLAP_CHARS,
    restore: Callable[[Doc], Doc] = lambda doc: doc,
) -> MergedText:
    """Run the pipeline on each window of `text` in turn (one at a time: a batch of windows
    would hold them all in memory at once) and merge the results."""
    windows = split_windows(text, size, overlap)
    docs = nlp.pipe((text[w.start:w.end] for w in windows), batch_size=1)
    results = [window_result(restore(doc), window) for doc, window in zip(docs, windows)]
    return merge_windows(text, results)


Context = Any


def pipe_texts(
    nlp, pairs: Iterable[Tuple[str, Context]], batch_size: int = 8, n_process: int = 1,
    size: int = WINDOW_CHARS, overlap: int = OVERLAP_CHARS,
    restore: Callable[[Doc], Doc] = lambda doc: doc,
) -> Iterator[Tuple[Union[Doc, MergedText], Context]]:
    """(result, context) per (text, context) pair, in input order, streamed: a Doc from
    nlp.pipe for a text up to `size` characters (the unwindowed path, batched and with
    n_process as asked), a MergedText for a longer one (its windows run in this process).
    `restore` is applied to every Doc the pipeline returns (see nlp.inference's wire step)."""
    _check_sizes(size, overlap)
    for windowed, run in groupby(pairs, key=lambda pair: len(pair[0]) > size):
        if windowed:
            for text, context in run:
                yield predict_windowed(nlp, text, size, overlap, restore), context
        else:
            for doc, context in nlp.pipe(run, as_tuples=True, batch_size=batch_size, n_process=n_process):
                yield restore(doc), context
