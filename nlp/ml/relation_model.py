"""exhibit.RelationModel.v1: scores candidate entity pairs for every relation label.

Input: a RelationBatch (docs, token ranges of each pair's head and child, pair features).
Per pair the instance vector is [mean(head tokens), mean(child tokens), mean(tokens between),
head * child, pair features]; a hidden ReLU layer and one logistic output per label follow,
so a pair may carry several labels and each label has its own threshold downstream.
"""
from __future__ import annotations

from typing import List, Tuple

from spacy.util import registry
from thinc.api import Linear, Logistic, Model, Relu, chain
from thinc.types import Floats2d

from .candidates import RelationBatch


@registry.architectures("exhibit.RelationModel.v1")
def build_relation_model(
    tok2vec: Model,
    hidden_width: int = 128,
    dropout: float = 0.1,
    nO: int | None = None,
) -> Model[RelationBatch, Floats2d]:
    instances = Model(
        "exhibit_pair_instances",
        _instances_forward,
        init=_instances_init,
        layers=[tok2vec],
        refs={"tok2vec": tok2vec},
    )
    output = chain(Linear(nO=nO), Logistic())
    model = chain(instances, Relu(nO=hidden_width, dropout=dropout), output)
    model.set_ref("tok2vec", tok2vec)
    model.set_ref("output_layer", output.layers[0])
    return model


def _instances_init(model: Model, X: RelationBatch | None = None, Y=None) -> None:
    model.get_ref("tok2vec").initialize(X=X.docs if X is not None else None)


def _ranges_mean(ops, cumsum, starts, ends):
    """Mean of token vectors over [start, end) ranges via a prefix sum; empty ranges give 0."""
    lengths = (ends - starts).astype("float32")
    safe = ops.xp.maximum(lengths, 1.0)[:, None]
    means = (cumsum[ends] - cumsum[starts]) / safe
    return means * (lengths > 0)[:, None], safe, lengths > 0


def _scatter_ranges(ops, n_tokens, width, starts, ends, grads, safe, nonempty):
    """Gradient of _ranges_mean w.r.t. the token vectors, as a (n_tokens, width) array."""
    delta = ops.alloc2f(n_tokens + 1, width)
    g = grads * nonempty[:, None] / safe
    ops.xp.add.at(delta, starts, g)
    ops.xp.add.at(delta, ends, -g)
    return ops.xp.cumsum(delta, axis=0)[:n_tokens]


def _instances_forward(
    model: Model, batch: RelationBatch, is_train: bool
) -> Tuple[Floats2d, callable]:
    ops = model.ops
    tok2vec = model.get_ref("tok2vec")
    tokvecs, backprop_tok2vec = tok2vec(batch.docs, is_train)
    width = tokvecs[0].shape[1] if tokvecs else tok2vec.get_dim("nO")
    rows, saved = [], []
    for vecs, heads, children in zip(tokvecs, batch.heads, batch.children):
        if len(heads) == 0:
            saved.append(None)
            continue
        cumsum = ops.xp.vstack([ops.alloc2f(1, width), ops.xp.cumsum(vecs, axis=0)])
        head_first = heads[:, 0] < children[:, 0]
        gap_start = ops.xp.where(head_first, heads[:, 1], children[:, 1])
        gap_end = ops.xp.maximum(ops.xp.where(head_first, children[:, 0], heads[:, 0]), gap_start)
        ranges = [(heads[:, 0], heads[:, 1]), (children[:, 0], children[:, 1]), (gap_start, gap_end)]
        parts = [_ranges_mean(ops, cumsum, s, e) for s, e in ranges]
        head_vec, child_vec = parts[0][0], parts[1][0]
        rows.append(ops.xp.hstack([head_vec, child_vec, parts[2][0], head_vec * child_vec]))
        saved.append((ranges, parts, len(vecs)))
    n_out = 4 * width
    pooled = ops.xp.vstack(rows) if rows else ops.alloc2f(0, n_out)
    features = ops.asarray2f(batch.features)
    output = ops.xp.hstack([pooled, features]).astype("float32")

    def backprop(d_output: Floats2d) -> List:
        d_pooled = d_output[:, :n_out]
        d_tokvecs, row = [], 0
        for vecs, item in zip(tokvecs, saved):
            if item is None:
                d_tokvecs.append(ops.alloc2f(*vecs.shape))
                continue
            ranges, parts, n_tokens = item
            n_pairs = len(ranges[0][0])
            d = d_pooled[row:row + n_pairs]
            row += n_pairs
            head_vec, child_vec = parts[0][0], parts[1][0]
            d_head = d[:, :width] + d[:, 3 * width:] * child_vec
            d_child = d[:, width:2 * width] + d[:, 3 * width:] * head_vec
            d_gap = d[:, 2 * width:3 * width]
            d_vecs = ops.alloc2f(n_tokens, width)
            for (starts, ends), (_, safe, nonempty), grad in zip(ranges, parts, (d_head, d_child, d_gap)):
                d_vecs += _scatter_ranges(ops, n_tokens, width, starts, ends, grad, safe, nonempty)
            d_tokvecs.append(d_vecs)
        return backprop_tok2vec(d_tokvecs)

    return output, backprop
