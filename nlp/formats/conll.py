"""CoNLL token files for entities: one token per line, the entity tag in the last column.

Tags follow one of three schemes: IOB1 (as in the original CoNLL-2003 release: I- inside
every entity, B- only to start an entity right after one of the same type), IOB2 (B- starts
every entity) and BILUO (B-, I-, L- last, U- single token; BIOES's E- and S- read as L- and
U-). Reading detects the scheme unless one is given.

Documents: one per `-DOCSTART-` line, sentences as blank-line blocks; or one per blank-line
block. CoNLL holds tokens, not text, so a document's text is rebuilt as its tokens joined by
single spaces, its sentences by newlines, and entity offsets refer to that text. Writing
tokenizes with the exhibit tokenizer, leaves out whitespace tokens and, in docstart mode,
breaks sentences where the exhibit segmenter does (never inside an entity); with the
"whitespace" tokenizer it splits at whitespace only and makes one sentence per line, the
exact inverse of the rebuilt text, so CoNLL -> JSONL -> CoNLL gives the same tokens back. Ids, categories,
meta, relations and the original spacing cannot be kept: each record that loses any of
them gets a warning line.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable, List, Optional, Sequence, Tuple

from ..errors import InputError
from ..io.records import Entity, ExhibitRecord
from ..structure import doc_segment_ids, protect_spans
from .base import ConversionReport, FormatOptions, fallback_id, prepare_output

SCHEMES = ("iob1", "iob2", "biluo")
DOC_MODES = ("docstart", "block", "auto")
DOCSTART = "-DOCSTART-"
_TAG = re.compile(r"^(?:O|[BIELSU]-\S+)$")

# A sentence is a list of (token, label or None, entity number or None) for writing, and
# (token, tag, line number) when read.
Token = Tuple[str, Optional[str], Optional[int]]


# -- tags ------------------------------------------------------------------------------
def encode_tags(sentence: Sequence[Token], scheme: str) -> List[str]:
    """The tag of every token; entities are runs of tokens with the same entity number."""
    tags = []
    for k, (_, label, number) in enumerate(sentence):
        if label is None:
            tags.append("O")
            continue
        prev = sentence[k - 1] if k else (None, None, None)
        nxt = sentence[k + 1] if k + 1 < len(sentence) else (None, None, None)
        first, last = prev[2] != number, nxt[2] != number
        if scheme == "iob1":
            # B- only where an entity of the same type ends right before this one
            tags.append(f"B-{label}" if first and prev[1] == label else f"I-{label}")
        elif scheme == "iob2":
            tags.append(f"{'B' if first else 'I'}-{label}")
        else:
            prefix = "U" if first and last else "B" if first else "L" if last else "I"
            tags.append(f"{prefix}-{label}")
    return tags


def detect_scheme(tags: Iterable[str]) -> str:
    """biluo if L-/U-/E-/S- tags occur; iob1 if an entity opens with I-; otherwise iob2."""
    previous = "O"
    scheme = "iob2"
    for tag in tags:
        if tag == "":  # sentence boundary
            previous = "O"
            continue
        if tag[0] in "LUES":
            return "biluo"
        if tag.startswith("I-") and previous[2:] != tag[2:]:
            scheme = "iob1"
        previous = tag
    return scheme


def decode_tags(tags: Sequence[str], scheme: str, where: Sequence[str], warn) -> List[Tuple[int, int, str]]:
    """Entity token ranges [start, end) with labels. An ill-formed sequence is read the
    forgiving way (a stray I- starts an entity) and reported through warn(where, message)."""
    spans: List[Tuple[int, int, str]] = []
    open_start, open_label = None, None

    def close(end: int) -> None:
        nonlocal open_start, open_label
        if open_start is not None:
            spans.append((open_start, end, open_label))
        open_start, open_label = None, None

    for k, tag in enumerate(tags):
        if tag == "O":
            if scheme == "biluo" and open_start is not None:
                warn(where[k - 1], f"entity {open_label} ends without an L- tag")
            close(k)
            continue
        prefix, label = tag[0].replace("E", "L").replace("S", "U"), tag[2:]
        continues = open_start is not None and open_label == label
        if scheme == "biluo":
            if prefix in "IL" and not continues:
                warn(where[k], f"{tag} does not continue a {label} entity; read as its start")
            elif prefix in "BU" and open_start is not None:
                warn(where[k - 1], f"entity {open_label} ends without an L- tag")
            if prefix in "BU" or not continues:
                close(k)
                open_start, open_label = k, label
            if prefix in "LU":
                close(k + 1)
        else:
            if prefix not in "BI":
                raise InputError("E140", f"{where[k]}: tag {tag!r} does not belong to {scheme.upper()}")
            if prefix == "I" and not continues and scheme == "iob2":
                warn(where[k], f"{tag} does not continue a {label} entity; read as its start")
            if prefix == "B" or not continues:
                close(k)
                open_start, open_label = k, label
    if scheme == "biluo" and open_start is not None:
        warn(where[-1], f"entity {open_label} ends without an L- tag")
    close(len(tags))
    return spans


# -- reading ---------------------------------------------------------------------------
def _parse_lines(path: Path) -> Tuple[List[Tuple[int, List[List[Tuple[str, str, int]]]]], bool]:
    """Documents (line of their start, sentences of (token, tag, line)) split at -DOCSTART-
    lines, and whether the file has any -DOCSTART-."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise InputError("E001", f"{path}: no such file") from None
    except UnicodeDecodeError as err:
        raise InputError("E141", f"{path}: not UTF-8 text (byte {err.start})") from None
    documents: List[Tuple[int, List]] = []
    sentence: List[Tuple[str, str, int]] = []
    has_docstart = False

    def flush() -> None:
        if sentence:
            documents[-1][1].append(list(sentence))
            sentence.clear()

    for number, line in enumerate(lines, 1):
        columns = line.split()
        if not columns:
            flush()
        elif columns[0] == DOCSTART:
            flush()
            has_docstart = True
            documents.append((number, []))
        else:
            if len(columns) < 2:
                raise InputError("E142", f"{path}:{number}: expected a token and a tag, got {line.strip()!r}")
            if not _TAG.match(columns[-1]):
                raise InputError("E143", f"{path}:{number}: tag {columns[-1]!r} is not O or B-/I-/L-/U-/E-/S-LABEL")
            if not documents:  # tokens before any -DOCSTART-
                documents.append((number, []))
            sentence.append((columns[0], columns[-1], number))
    flush()
    return documents, has_docstart


def sentences_to_record(rid: str, sentences: Sequence[Sequence[Tuple[str, str, int]]], scheme: str,
                        path: Path, report: ConversionReport) -> ExhibitRecord:
    """The record of tokens joined by single spaces, sentences by newlines."""
    lines, entities, offset = [], [], 0
    for sentence in sentences:
        starts, position = [], offset
        for token, _, _ in sentence:
            starts.append(position)
            position += len(token) + 1
        where = [f"{path}:{line}" for _, _, line in sentence]
        warn = lambda at, message: report.warn(rid, f"conll: {message} ({at})")  # noqa: E731
        for start, end, label in decode_tags([tag for _, tag, _ in sentence], scheme, where, warn):
            last = sentence[end - 1][0]
            entities.append(Entity(starts[start], starts[end - 1] + len(last), label))
        lines.append(" ".join(token for token, _, _ in sentence))
        offset += len(lines[-1]) + 1
    return ExhibitRecord(rid, "\n".join(lines), None, entities, [], {})


def read(path: Path, options: FormatOptions, report: ConversionReport) -> List[ExhibitRecord]:
    path = Path(path)
    mode = options.conll_docs
    if mode not in DOC_MODES:
        raise InputError("E364", f"CoNLL document mode {mode!r} is not one of {', '.join(DOC_MODES)}")
    documents, has_docstart = _parse_lines(path)
    if mode == "block" or (mode == "auto" and not has_docstart):
        documents = [(sentence[0][2], [sentence]) for _, sentences in documents for sentence in sentences]
    scheme = options.scheme or detect_scheme(
        tag for _, sentences in documents for sentence in sentences for tag in [t for _, t, _ in sentence] + [""]
    )
    if scheme not in SCHEMES:
        raise InputError("E144", f"tag scheme {scheme!r} is not one of {', '.join(SCHEMES)}")
    return [sentences_to_record(fallback_id(path, k), sentences, scheme, path, report)
            for k, (_, sentences) in enumerate(documents, 1)]


# -- writing ---------------------------------------------------------------------------
def line_segment_ids(doc, protect=()) -> List[int]:
    """Segment number per token: one segment per line (entities are never cut)."""
    ids, line = [], 0
    for token in doc:
        ids.append(line)
        line += (token.text + token.whitespace_).count("\n")
    return protect_spans(ids, protect)


def record_sentences(record: ExhibitRecord, make_doc, sentences: Optional[str],
                     report: ConversionReport) -> List[List[Token]]:
    """The record's non-whitespace tokens with their entity, cut into sentences by the exhibit
    segmenter ("segmenter"), at line breaks ("lines"), or not at all (None)."""
    from ..io.docs import AlignmentReport, record_to_doc

    alignment = AlignmentReport(mode="expand")
    doc = record_to_doc(make_doc, record, "expand", alignment)
    for message in alignment.moved + alignment.dropped:
        report.warn(record.id, f"conll: entity does not fall on token boundaries: {message.split(': ', 1)[1]}")
    if sentences == "segmenter":
        segment = doc_segment_ids(doc, protect=doc.ents)
    elif sentences == "lines":
        segment = line_segment_ids(doc, protect=doc.ents)
    else:
        segment = [0] * len(doc)
    entity_of = {}
    for number, ent in enumerate(doc.ents):
        for i in range(ent.start, ent.end):
            entity_of[i] = (ent.label_, number)
    sentences: List[List[Token]] = []
    current_segment = None
    for token in doc:
        if token.is_space:
            continue
        text = token.text
        if any(c.isspace() for c in text):  # a column file cannot hold it
            text = "".join("_" if c.isspace() else c for c in text)
            report.warn(record.id, f"conll: token {token.text!r} at {token.idx} holds whitespace; written as {text!r}")
        if segment[token.i] != current_segment or not sentences:
            sentences.append([])
            current_segment = segment[token.i]
        label, number = entity_of.get(token.i, (None, None))
        sentences[-1].append((text, label, number))
    return sentences


def _losses(record: ExhibitRecord, rebuilt_text: str) -> List[str]:
    lost = ["id"]
    if record.category is not None:
        lost.append("category")
    if record.meta:
        lost.append(f"meta ({len(record.meta)} keys)")
    if record.relations:
        lost.append(f"{len(record.relations)} relations")
    if rebuilt_text != record.text:
        lost.append("the text's spacing (rebuilt from tokens)")
    return lost


def write(records: Sequence[ExhibitRecord], path: Path, options: FormatOptions, report: ConversionReport) -> None:
    scheme = options.scheme or "iob2"
    if scheme not in SCHEMES:
        raise InputError("E144", f"tag scheme {scheme!r} is not one of {', '.join(SCHEMES)}")
    mode = "docstart" if options.conll_docs == "auto" else options.conll_docs
    if mode not in DOC_MODES:
        raise InputError("E364", f"CoNLL document mode {mode!r} is not one of {', '.join(DOC_MODES)}")
    make_doc = options.tokenizer()
    path = prepare_output(path)
    out: List[str] = []
    for record in records:
        split = None if mode == "block" else "lines" if options.tokenizer_name == "whitespace" else "segmenter"
        sentences = record_sentences(record, make_doc, split, report)
        if mode == "docstart":
            out.extend([f"{DOCSTART} O", ""])
        elif not sentences:
            report.warn(record.id, "conll: has no tokens; a block file cannot hold an empty document")
        for sentence in sentences:
            out.extend(f"{token} {tag}" for (token, _, _), tag in zip(sentence, encode_tags(sentence, scheme)))
            out.append("")
        rebuilt = "\n".join(" ".join(token for token, _, _ in sentence) for sentence in sentences)
        report.warn(record.id, "conll cannot hold " + ", ".join(_losses(record, rebuilt)))
    tmp = path.with_name(path.name + ".part")
    tmp.write_text("\n".join(out) + ("\n" if out else ""), encoding="utf-8")
    tmp.replace(path)
