"""Guide records <-> spaCy Docs and DocBins.

Entity offsets that do not fall on token boundaries are aligned with an explicit mode
("expand", "contract" or "strict") and counted in an AlignmentReport; nothing is dropped
silently: a span that cannot be aligned at all is listed in the report.
"""
from __future__ import annotations

import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Dict, Iterable, List, Optional, Tuple

from spacy.tokens import Doc, DocBin
from spacy.util import filter_spans

from .. import extensions  # noqa: F401  (registers Doc._.relations, Span._.value)
from ..errors import InputError
from ..schema import CATEGORIES
from ..tokenizer import source_text
from .records import Entity, ExhibitRecord, Relation

ALIGNMENT_MODES = ("expand", "contract", "strict")


@dataclass
class AlignmentReport:
    mode: str = "expand"
    spans: int = 0
    moved: List[str] = field(default_factory=list)     # span aligned to other offsets
    dropped: List[str] = field(default_factory=list)   # span that could not be aligned

    def merge(self, other: "AlignmentReport") -> None:
        self.spans += other.spans
        self.moved.extend(other.moved)
        self.dropped.extend(other.dropped)

    def summary(self) -> str:
        return (
            f"{self.spans} entity spans, {len(self.moved)} aligned to token boundaries "
            f"(mode {self.mode}), {len(self.dropped)} could not be aligned"
        )


def record_to_doc(
    make_doc: Callable[[str], Doc],
    record: ExhibitRecord,
    alignment: str = "expand",
    report: Optional[AlignmentReport] = None,
) -> Doc:
    """A Doc with the record's entities (doc.ents) and relations (doc._.relations)."""
    if alignment not in ALIGNMENT_MODES:
        raise InputError("E010", f"alignment mode {alignment!r} is not one of {ALIGNMENT_MODES}")
    report = report if report is not None else AlignmentReport(mode=alignment)
    doc = make_doc(record.text)
    aligned: Dict[Tuple[int, int], Tuple[int, int]] = {}
    spans = []
    for ent in sorted(record.entities):
        report.spans += 1
        span = doc.char_span(ent.start, ent.end, label=ent.label, alignment_mode=alignment)
        where = f"{record.id}: {ent.label} {record.text[ent.start:ent.end]!r} at {ent.start}"
        if span is None or not span.text.strip():
            report.dropped.append(where)
            continue
        if (span.start_char, span.end_char) != (ent.start, ent.end):
            report.moved.append(f"{where} -> {span.text!r}")
        aligned[(ent.start, ent.end)] = (span.start_char, span.end_char)
        spans.append(span)
    kept = filter_spans(spans)
    for span in set(spans) - set(kept):
        report.dropped.append(f"{record.id}: {span.label_} {span.text!r} overlaps after alignment")
    doc.ents = kept
    kept_offsets = {(s.start_char, s.end_char) for s in kept}
    relations: Dict = {}
    for rel in record.relations:
        head, child = aligned.get(tuple(rel.head)), aligned.get(tuple(rel.child))
        if head in kept_offsets and child in kept_offsets:
            relations.setdefault((head, child), {})[rel.label] = 1.0
    doc._.relations = relations
    if record.category in CATEGORIES:  # the exhibit's kind, as the textcat learns it
        doc.cats = {kind: float(kind == record.category) for kind in CATEGORIES}
    doc.user_data["exhibit_id"] = record.id
    doc.user_data["category"] = record.category
    doc.user_data["exhibit_meta"] = record.meta
    return doc


def doc_to_record(
    doc: Doc,
    record_id: Optional[str] = None,
    threshold: float = 0.0,
    with_scores: bool = False,
) -> ExhibitRecord:
    """The guide record of a Doc: its entities and the relations scored at or above threshold
    (by default every relation the relation component kept: its own threshold decides)."""
    entities = [Entity(e.start_char, e.end_char, e.label_) for e in doc.ents]
    spans = {e.offsets for e in entities}
    relations = []
    scores = {}
    for (head, child), labels in sorted((doc._.relations or {}).items()):
        if head not in spans or child not in spans:
            continue
        for label, prob in sorted(labels.items()):
            if prob >= threshold:
                relations.append(Relation(tuple(head), tuple(child), label))
                scores[(tuple(head), tuple(child), label)] = prob
    rid = record_id or doc.user_data.get("exhibit_id") or ""
    meta = doc.user_data.get("exhibit_meta") or {}
    meta = dict(meta) if isinstance(meta, dict) else meta  # not a dict: formats/docbin.py says so
    record = ExhibitRecord(rid, source_text(doc), doc.user_data.get("category"), entities, relations, meta)
    if doc.cats and record.category is None:  # a textcat's scores travel with the record to the facts
        record.meta["kind_scores"] = dict(doc.cats)
    if with_scores:
        record.meta["relation_scores"] = scores
    return record


def records_to_docbin(
    make_doc: Callable[[str], Doc],
    records: Iterable[ExhibitRecord],
    alignment: str = "expand",
) -> Tuple[DocBin, AlignmentReport]:
    report = AlignmentReport(mode=alignment)
    docbin = DocBin(store_user_data=True)
    for record in records:
        docbin.add(record_to_doc(make_doc, record, alignment, report))
    return docbin, report


def docbin_to_records(path: Path, vocab) -> List[ExhibitRecord]:
    docbin = read_docbin(path)
    return [doc_to_record(doc) for doc in docbin.get_docs(vocab)]


def read_docbin(path: Path) -> DocBin:
    """A .spacy file, refused (InputError naming the limit) when it inflates to more than
    limits.MAX_DECODED_BYTES or holds more than limits.MAX_READ_RECORDS docs: a small file
    can hold gigabytes of zeros, and DocBin inflates it whole."""
    from .. import limits

    data = Path(path).read_bytes()
    limits.check_decoded_bytes(_inflated_size(data, limits.MAX_DECODED_BYTES), str(path))
    docbin = DocBin(store_user_data=True).from_bytes(data)
    limits.check_record_count(len(docbin), str(path))
    return docbin


def _inflated_size(data: bytes, limit: int) -> int:
    """The size zlib data inflates to, counted in 1 MB pieces; stops counting above `limit`."""
    inflater = zlib.decompressobj()
    size, pending = 0, data
    while pending and size <= limit:
        size += len(inflater.decompress(pending, 1 << 20))
        pending = inflater.unconsumed_tail
    return size + (len(inflater.flush()) if size <= limit else 0)
