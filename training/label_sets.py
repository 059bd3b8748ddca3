"""Which label set the training data uses: the guide's, a foreign one, or a mix of both.

A foreign set (no label in common with the guide's) is unambiguous, so training takes its
labels from the data with no flag; a mix is most likely a typo in a guide label, so it stays
an error unless the user accepts it (--any-labels).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, List

from nlp.io.records import expand_jsonl_paths, iter_json_lines
from nlp.schema import GUIDE_ENTITY_LABELS, Schema

GUIDE, FOREIGN, MIXED = "guide", "foreign", "mixed"
# components (by factory) that apply the guide's conventions: its labels' rules, its span edges,
# its kinds of exhibit
GUIDE_FACTORIES = ("exhibit_entity_rules", "exhibit_normalizer", "exhibit_relation_rules", "textcat")
# the relation extractor and the structure it reads: of use only when the data has relations
RELATION_FACTORIES = ("exhibit_structure", "exhibit_segmenter", "exhibit_relations")


@dataclass(frozen=True)
class LabelSet:
    labels: frozenset
    has_relations: bool = False

    @property
    def kind(self) -> str:
        """GUIDE when every label is the guide's (or there is none), FOREIGN when none is, else MIXED."""
        guide = self.labels & frozenset(GUIDE_ENTITY_LABELS)
        if guide == self.labels:
            return GUIDE
        return FOREIGN if not guide else MIXED

    @property
    def unknown(self) -> list:
        return sorted(self.labels - frozenset(GUIDE_ENTITY_LABELS))

    def schema(self, accept_any: bool) -> Schema:
        """The schema to validate with: the guide's, unless the labels are foreign or accepted."""
        if accept_any or self.kind == FOREIGN:
            return Schema(frozenset(), {}, "from-data", False)
        return Schema.guide()

    def note(self, pipeline: Iterable[str]) -> str:
        """One line telling that a foreign label set was detected and what follows from it."""
        return (f"training data uses labels {', '.join(sorted(self.labels))}; not the guide's: "
                f"guide-specific rule steps are off (pipeline: {', '.join(pipeline)})")

    def fit_pipeline(self, config) -> List[str]:
        """For a foreign label set, leave out of the config's pipeline (in place) the guide's
        components, and the relation ones when the data has no relation; the pipeline kept.
        The guide's rules would only switch themselves off, and its span-edge cleaning or an
        idle relation model sharing the tok2vec cost the recognizer accuracy."""
        pipeline = list(config["nlp"]["pipeline"])
        if self.kind != FOREIGN:
            return pipeline
        left_out = GUIDE_FACTORIES + (() if self.has_relations else RELATION_FACTORIES)
        components = config["components"]
        kept = [name for name in pipeline if components.get(name, {}).get("factory") not in left_out]
        config["nlp"]["pipeline"] = kept
        return kept


def entity_labels(paths: Iterable[Path]) -> LabelSet:
    """The entity labels of every record of the files (folders give their *.jsonl). Bad lines
    are passed over: validation reports them with their line numbers."""
    labels, has_relations = set(), False
    for path in expand_jsonl_paths(paths):
        for item in iter_json_lines(path):
            data = item.data if isinstance(item.data, dict) and not item.error else {}
            entities = data.get("entities")
            for entity in entities if isinstance(entities, list) else ():
                label = entity.get("label") if isinstance(entity, dict) else None
                if isinstance(label, str):
                    labels.add(label)
            has_relations = has_relations or bool(data.get("relations"))
    return LabelSet(frozenset(labels), has_relations)
