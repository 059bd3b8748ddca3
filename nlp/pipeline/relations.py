"""exhibit_relations: a trainable relation extractor over the entities of a Doc.

Candidates are entity pairs of schema-allowed types inside one segment (sentence, headline,
signature or contact block); the model scores each pair for every relation label. Truth for
a pair is looked up by the character offsets of both spans, so predicted entities with no
gold counterpart are simply negatives, never errors.
"""
from __future__ import annotations

from itertools import islice
from typing import Callable, Dict, Iterable, List, Optional, Sequence, Tuple

import numpy
from spacy.language import Language
from spacy.pipeline import TrainablePipe
from spacy.tokens import Doc, Span
from spacy.training import Example, validate_get_examples
from spacy.util import registry
from thinc.api import Config, Model, Optimizer, set_dropout_rate

from .. import extensions  # noqa: F401
from ..scoring import prf
from ..ml.candidates import DocCandidates, RelationBatch, build_batch, find_candidates, n_pair_features
from ..ml.pair_limits import keep_best_pairs, learn_pair_limits

DEFAULT_REL_MODEL = """
[model]
@architectures = "exhibit.RelationModel.v1"
hidden_width = 128
dropout = 0.1

[model.tok2vec]
@architectures = "spacy.Tok2Vec.v2"

[model.tok2vec.embed]
@architectures = "spacy.MultiHashEmbed.v2"
width = 96
attrs = ["NORM", "PREFIX", "SUFFIX", "SHAPE"]
rows = [5000, 1000, 2500, 2500]
include_static_vectors = false

[model.tok2vec.encode]
@architectures = "spacy.MaxoutWindowEncoder.v2"
width = 96
depth = 2
window_size = 1
maxout_pieces = 3
"""
DEFAULT_MODEL = Config().from_str(DEFAULT_REL_MODEL)["model"]

TRAIN_ON = ("gold", "predicted", "both")


def relation_triples(doc: Doc, threshold: float = 0.0) -> set:
    """{(head offsets, child offsets, label)} of doc._.relations at or above threshold."""
    return {
        (tuple(h), tuple(c), label)
        for (h, c), labels in (doc._.relations or {}).items()
        for label, prob in labels.items()
        if prob >= threshold
    }


def score_relations(examples: Iterable[Example], threshold: float = 0.0, **kwargs) -> Dict:
    """Strict relation P/R/F: both spans' offsets and the label must match, per label and micro."""
    tp: Dict[str, int] = {}
    fp: Dict[str, int] = {}
    fn: Dict[str, int] = {}
    for eg in examples:
        pred = relation_triples(eg.predicted, threshold)
        gold = relation_triples(eg.reference)
        for triple in pred & gold:
            tp[triple[2]] = tp.get(triple[2], 0) + 1
        for triple in pred - gold:
            fp[triple[2]] = fp.get(triple[2], 0) + 1
        for triple in gold - pred:
            fn[triple[2]] = fn.get(triple[2], 0) + 1

    labels = sorted(set(tp) | set(fp) | set(fn))
    micro = prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))  # the project's P/R/F
    return {
        "rel_micro_p": micro["p"],
        "rel_micro_r": micro["r"],
        "rel_micro_f": micro["f"],
        "rel_f_per_type": {
            label: prf(tp.get(label, 0), fp.get(label, 0), fn.get(label, 0)) for label in labels
        },
    }


@registry.scorers("exhibit.relation_scorer.v1")
def make_relation_scorer() -> Callable:
    return score_relations


class RelationExtractor(TrainablePipe):
    """Predicts doc._.relations for the entity pairs of doc.ents."""

    def __init__(
        self,
        vocab,
        model: Model,
        name: str = "exhibit_relations",
        *,
        threshold: float = 0.5,
        max_distance: int = 150,
        train_on: str = "gold",
        doc_level_pairs: Sequence[Sequence[str]] = (),
        structure_features: bool = False,
        scorer: Optional[Callable] = score_relations,
    ):
        if train_on not in TRAIN_ON:
            raise ValueError(f"train_on must be one of {TRAIN_ON}, not {train_on!r}")
        self.vocab = vocab
        self.model = model
        self.name = name
        self.scorer = scorer
        self.cfg = {
            "labels": [],
            "entity_labels": [],
            "allowed": [],          # [head label, child label, relation label]
            "threshold": threshold,
            "max_distance": max_distance,
            "train_on": train_on,
            "doc_level_pairs": [list(p) for p in doc_level_pairs],
            "structure_features": bool(structure_features),
            # how many partners a span of each label takes, as the training data has it (learned)
            "pair_limits": {},
        }

    # -- labels and schema ---------------------------------------------------------------
    @property
    def labels(self) -> Tuple[str, ...]:
        return tuple(self.cfg["labels"])

    @property
    def threshold(self) -> float:
        return float(self.cfg["threshold"])

    @property
    def allowed_pairs(self) -> Dict[Tuple[str, str], Tuple[str, ...]]:
        pairs: Dict[Tuple[str, str], List[str]] = {}
        for head, child, label in self.cfg["allowed"]:
            pairs.setdefault((head, child), []).append(label)
        return {k: tuple(v) for k, v in pairs.items()}

    def add_label(self, label: str) -> int:
        if label in self.cfg["labels"]:
            return 0
        self.cfg["labels"] = sorted(self.cfg["labels"] + [label])
        return 1

    def _label_mask(self, cands: Sequence[DocCandidates]) -> numpy.ndarray:
        """1 where a pair's entity types allow the label (other labels are never predicted)."""
        allowed = self.allowed_pairs
        index = {label: k for k, label in enumerate(self.labels)}
        rows = []
        for dc in cands:
            for i, j in dc.pairs:
                row = numpy.zeros(len(index), dtype="float32")
                for label in allowed.get((dc.spans[i].label_, dc.spans[j].label_), ()):
                    row[index[label]] = 1
                rows.append(row)
        return numpy.vstack(rows) if rows else numpy.zeros((0, len(index)), dtype="float32")

    # -- candidates --------------------------------------------------------------------
    def _candidates(self, doc: Doc, spans: Sequence[Span]) -> DocCandidates:
        return find_candidates(
            doc, spans, self.allowed_pairs, int(self.cfg["max_distance"]),
            [tuple(p) for p in self.cfg["doc_level_pairs"]],
        )

    def _batch(self, docs: Sequence[Doc], cands: Sequence[DocCandidates]) -> RelationBatch:
        # a model saved before the structure features existed has no such setting: off
        return build_batch(docs, cands, self.cfg["entity_labels"], self.cfg.get("structure_features", False))

    # -- prediction ----------------------------------------------------------------------
    def predict(self, docs: Iterable[Doc]):
        docs = list(docs)
        cands = [self._candidates(doc, list(doc.ents)) for doc in docs]
        batch = self._batch(docs, cands)
        if batch.size == 0 or not self.labels:
            return cands, numpy.zeros((0, len(self.labels)), dtype="float32")
        scores = self.model.predict(batch)
        return cands, self.model.ops.to_numpy(scores) * self._label_mask(cands)

    def set_annotations(self, docs: Iterable[Doc], predictions) -> None:
        cands, scores = predictions
        row = 0
        for doc, dc in zip(docs, cands):
            relations: Dict = {}
            for i, j in dc.pairs:
                key = ((dc.spans[i].start_char, dc.spans[i].end_char),
                       (dc.spans[j].start_char, dc.spans[j].end_char))
                for k, label in enumerate(self.labels):
                    prob = float(scores[row, k])
                    if prob >= self.threshold:
                        relations.setdefault(key, {})[label] = round(prob, 4)
                row += 1
            # a model saved before the limits were learned has none; no pair, nothing to limit
            limits = self.cfg.get("pair_limits")
            doc._.relations = keep_best_pairs(doc.text, relations, limits) if limits and relations else relations

    # -- training ------------------------------------------------------------------------
    def _training_spans(self, eg: Example, train_on: Optional[str] = None) -> List[Span]:
        """Entity spans on the predicted doc to build candidates from, per cfg train_on."""
        train_on = train_on or self.cfg["train_on"]
        doc = eg.predicted
        spans: List[Span] = []
        if train_on in ("gold", "both"):
            for ent in eg.reference.ents:
                span = doc.char_span(ent.start_char, ent.end_char, ent.label_, alignment_mode="expand")
                if span is not None:
                    spans.append(span)
        if train_on in ("predicted", "both"):
            taken = {(s.start, s.end) for s in spans}
            spans.extend(
                e for e in doc.ents
                if (e.start, e.end) not in taken
                and not any(s.start < e.end and e.start < s.end for s in spans)
            )
        return spans

    def _truth(self, examples: Sequence[Example], cands: Sequence[DocCandidates]) -> numpy.ndarray:
        index = {label: k for k, label in enumerate(self.labels)}
        rows = []
        for eg, dc in zip(examples, cands):
            gold = eg.reference._.relations or {}
            for i, j in dc.pairs:
                key = ((dc.spans[i].start_char, dc.spans[i].end_char),
                       (dc.spans[j].start_char, dc.spans[j].end_char))
                row = numpy.zeros(len(index), dtype="float32")
                for label in gold.get(key, {}):
                    if label in index:
                        row[index[label]] = 1
                rows.append(row)
        return numpy.vstack(rows) if rows else numpy.zeros((0, len(index)), dtype="float32")

    def update(
        self,
        examples: Iterable[Example],
        *,
        drop: float = 0.0,
        sgd: Optional[Optimizer] = None,
        losses: Optional[Dict[str, float]] = None,
    ) -> Dict[str, float]:
        losses = {} if losses is None else losses
        losses.setdefault(self.name, 0.0)
        examples = list(examples)
        validate_get_examples(lambda: examples, "RelationExtractor.update")
        cands = [self._candidates(eg.predicted, self._training_spans(eg)) for eg in examples]
        batch = self._batch([eg.predicted for eg in examples], cands)
        if batch.size == 0:
            self._pass_no_gradient([eg.predicted for eg in examples])
            return losses
        set_dropout_rate(self.model, drop)
        scores, backprop = self.model.begin_update(batch)
        loss, gradient = self._loss_and_gradient(scores, self._truth(examples, cands), self._label_mask(cands))
        backprop(gradient)
        if sgd is not None:
            self.finish_update(sgd)
        losses[self.name] += loss
        return losses

    def _pass_no_gradient(self, docs: List[Doc]) -> None:
        """Hand a shared tok2vec a zero gradient for a batch without candidate pairs.

        The last listener of a shared tok2vec carries the callback that backpropagates what
        every listener accumulated; skipping it would drop the ner's gradients of this batch.
        """
        tok2vec = self.model.get_ref("tok2vec")
        tokvecs, backprop = tok2vec.begin_update(docs)
        backprop([self.model.ops.alloc2f(*t.shape) for t in tokvecs])

    def _loss_and_gradient(self, scores, truth, mask):
        truth = self.model.ops.asarray2f(truth)
        mask = self.model.ops.asarray2f(mask)
        gradient = (scores - truth) * mask
        # binary cross-entropy, reported per pair
        eps = 1e-7
        bce = -(truth * self.model.ops.xp.log(scores + eps) + (1 - truth) * self.model.ops.xp.log(1 - scores + eps))
        loss = float((bce * mask).sum()) / max(1, len(truth))
        return loss, gradient / max(1, len(truth))

    def get_loss(self, examples: Iterable[Example], scores) -> Tuple[float, numpy.ndarray]:
        examples = list(examples)
        cands = [self._candidates(eg.predicted, list(eg.predicted.ents)) for eg in examples]
        return self._loss_and_gradient(scores, self._truth(examples, cands), self._label_mask(cands))

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Example]],
        *,
        nlp: Optional[Language] = None,
        labels: Optional[Dict] = None,
    ) -> None:
        """Learn labels, entity labels and allowed type pairs from the data (or `labels`)."""
        validate_get_examples(get_examples, "RelationExtractor.initialize")
        if labels is not None:
            self.cfg.update({k: labels[k] for k in ("labels", "entity_labels", "allowed")})
        else:
            rel_labels, ent_labels, allowed = set(), set(), set()
            for eg in get_examples():
                ref = eg.reference
                by_span = {(e.start_char, e.end_char): e.label_ for e in ref.ents}
                ent_labels.update(by_span.values())
                for (head, child), labs in (ref._.relations or {}).items():
                    for label in labs:
                        rel_labels.add(label)
                        if head in by_span and child in by_span:
                            allowed.add((by_span[head], by_span[child], label))
            self.cfg["labels"] = sorted(rel_labels)
            self.cfg["entity_labels"] = sorted(ent_labels)
            self.cfg["allowed"] = sorted(list(x) for x in allowed)
        self.cfg["pair_limits"] = learn_pair_limits(
            (eg.reference.text, eg.reference._.relations or {}) for eg in get_examples()
        )
        sample = list(islice(get_examples(), 10))
        # gold spans give the sample its shape even when training on predicted entities
        cands = [self._candidates(eg.predicted, self._training_spans(eg, "gold")) for eg in sample]
        batch = self._batch([eg.predicted for eg in sample], cands)
        truth = self._truth(sample, cands)
        if batch.size == 0:
            # no candidate pair in the data (a corpus without relations): no sample to infer
            # the layer widths from, so size the hidden and output layers from the inputs
            width = self.model.get_ref("tok2vec").get_dim("nO")
            hidden = next(layer for layer in self.model.walk() if layer.name == "relu")
            n_features = n_pair_features(self.cfg["entity_labels"], self.cfg.get("structure_features", False))
            hidden.set_dim("nI", 4 * width + n_features)
            self.model.get_ref("output_layer").set_dim("nI", hidden.get_dim("nO"))
            self.model.get_ref("output_layer").set_dim("nO", max(1, len(self.labels)))
            self.model.initialize()
        else:
            self.model.initialize(X=batch, Y=self.model.ops.asarray2f(truth))

    @property
    def label_data(self) -> Dict:
        return {k: self.cfg[k] for k in ("labels", "entity_labels", "allowed")}


@Language.factory(
    "exhibit_relations",
    default_config={
        "model": DEFAULT_MODEL,
        "threshold": 0.5,
        "max_distance": 150,
        "train_on": "gold",
        "doc_level_pairs": [],
        "structure_features": False,
        "scorer": {"@scorers": "exhibit.relation_scorer.v1"},
    },
    requires=["doc.ents"],
    assigns=["doc._.relations"],
    default_score_weights={"rel_micro_f": 1.0, "rel_micro_p": 0.0, "rel_micro_r": 0.0},
)
def make_relation_extractor(
    nlp: Language,
    name: str,
    model: Model,
    threshold: float,
    max_distance: int,
    train_on: str,
    doc_level_pairs: List[List[str]],
    structure_features: bool,
    scorer: Optional[Callable],
) -> RelationExtractor:
    return RelationExtractor(
        nlp.vocab, model, name,
        threshold=threshold, max_distance=max_distance, train_on=train_on,
        doc_level_pairs=doc_level_pairs, structure_features=structure_features, scorer=scorer,
    )
