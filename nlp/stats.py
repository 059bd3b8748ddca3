"""Corpus statistics: label counts, documents per category and company, tokens."""
from __future__ import annotations

from collections import Counter
from typing import Dict, Iterable

from .io.records import ExhibitRecord


def corpus_stats(records: Iterable[ExhibitRecord], make_doc=None) -> Dict:
    """Counts over records; tokens are counted with `make_doc` (spaCy's English tokenizer by default)."""
    if make_doc is None:
        import spacy

        make_doc = spacy.blank("en").make_doc
    entities: Counter = Counter()
    relations: Counter = Counter()
    categories: Counter = Counter()
    companies: Counter = Counter()
    docs = tokens = chars = 0
    for record in records:
        docs += 1
        chars += len(record.text)
        tokens += sum(1 for t in make_doc(record.text) if not t.is_space)
        categories[record.category or "unknown"] += 1
        companies[record.company or "unknown"] += 1
        entities.update(e.label for e in record.entities)
        relations.update(r.label for r in record.relations)
    return {
        "documents": docs,
        "tokens": tokens,
        "characters": chars,
        "entities": dict(sorted(entities.items())),
        "relations": dict(sorted(relations.items())),
        "entities_total": sum(entities.values()),
        "relations_total": sum(relations.values()),
        "categories": dict(sorted(categories.items())),
        "companies": dict(sorted(companies.items())),
    }
