"""Long exhibits run in windows (nlp/windows.py), so that memory stays bounded: splitting, merging, and
the paths short and long exhibits take through prediction and evaluation."""
from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from nlp.errors import ConfigError
from nlp.evaluation import predict_records
from nlp.inference import doc_to_output, predict_exhibits
from nlp.io.docs import doc_to_record
from nlp.io.records import Entity, ExhibitRecord
from nlp.readers.items import ExhibitInput
from nlp import windows
from nlp.windows import (
    OVERLAP_CHARS, WINDOW_CHARS, Window, WindowResult, merge_windows, predict_windowed, split_windows,
)


def paragraphs(count: int) -> str:
    """Numbered paragraphs of varying length, each naming a company and the person it hired."""
    parts = []
    for k in range(count):
        filler = " ".join(["the parties agreed"] * (k % 7 + 1))
        parts.append(f"Paragraph {k}: Acme Corp hired John Smith and {filler}.\nA second line {k}.")
    return "\n\n".join(parts)


@Language.component("test_windows_values")
def _values(doc):
    for ent in doc.ents:
        ent._.value = ent.text.lower()
    return doc


@Language.component("test_windows_relations")
def _relations(doc):
    """ORG -> the next PERSON in the same paragraph, scored by nothing but the pair itself."""
    relations = {}
    ents, text = list(doc.ents), doc.text  # Doc.text joins every token: once per doc
    for head, child in zip(ents, ents[1:]):
        if (head.label_, child.label_) == ("ORG", "PERSON") and "\n\n" not in text[head.end_char:child.start_char]:
            relations[((head.start_char, head.end_char), (child.start_char, child.end_char))] = {"EMPLOYS": 0.9}
    doc._.relations = relations
    return doc


@Language.component("test_windows_lengths")
def _lengths(doc):
    seen_lengths.append(len(doc.text))
    return doc


seen_lengths: list = []


@pytest.fixture(scope="module")
def tiny_nlp():
    nlp = spacy.blank("en")
    nlp.max_length = 10_000_000
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "ORG", "pattern": "Acme Corp"}, {"label": "PERSON", "pattern": "John Smith"}])
    nlp.add_pipe("test_windows_values")
    nlp.add_pipe("test_windows_relations")
    nlp.add_pipe("test_windows_lengths")
    return nlp


# -- splitting -------------------------------------------------------------------------------

def check_cover(text, found, size, overlap):
    assert found[0].start == 0 and found[-1].end == len(text)
    for window in found:
        assert 0 < window.end - window.start <= size
    for before, after in zip(found, found[1:]):
        assert before.start < after.start <= before.end - overlap  # shared text, always advancing
        assert after.end > before.end


def test_split_windows_cut_at_paragraphs_with_overlap():
    text = paragraphs(60)
    found = split_windows(text, size=600, overlap=120)
    assert len(found) > 3
    check_cover(text, found, 600, 120)
    for window in found[1:]:
        assert text[window.start - 2:window.start] == "\n\n"  # opens a paragraph
    for window in found[:-1]:
        assert text[window.end - 2:window.end] == "\n\n"      # ends one


def test_split_windows_fall_back_to_lines_then_spaces_then_anywhere():
    lines = paragraphs(60).replace("\n\n", "\n")
    found = split_windows(lines, size=600, overlap=120)
    check_cover(lines, found, 600, 120)
    assert all(lines[w.start - 1] == "\n" for w in found[1:])
    words = lines.replace("\n", " ")
    found = split_windows(words, size=600, overlap=120)
    check_cover(words, found, 600, 120)
    assert all(words[w.start - 1] == " " for w in found[1:])
    solid = "x" * 2_000
    check_cover(solid, split_windows(solid, size=600, overlap=120), 600, 120)


def test_split_windows_short_text_is_one_window():
    assert split_windows("short text", size=600, overlap=120) == [Window(0, 10)]


def test_split_windows_refuse_an_overlap_too_large():
    with pytest.raises(ConfigError) as caught:
        split_windows(paragraphs(10), size=400, overlap=200)
    assert caught.value.code == "E270"


# -- merging ---------------------------------------------------------------------------------

def test_merge_keeps_the_entity_farther_from_the_border():
    text = "x" * 300
    first, second = Window(0, 200), Window(100, 300)
    near_end_of_first = Entity(180, 190, "ORG")      # 10 from first's border, 80 into second
    cut_by_first = Entity(190, 200, "ORG")           # truncated by first's end
    whole_in_second = Entity(190, 205, "ORG")
    near_start_of_second = Entity(110, 120, "PERSON")  # 80 from first's border, 10 into second
    found_first = [near_start_of_second, near_end_of_first, cut_by_first]
    found_second = [near_start_of_second, near_end_of_first, whole_in_second]
    results = [
        WindowResult(first, found_first, {e.offsets: f"first {e.start}" for e in found_first}),
        WindowResult(second, found_second, {e.offsets: f"second {e.start}" for e in found_second}),
    ]
    merged = merge_windows(text, results)
    assert merged.entities == [near_start_of_second, near_end_of_first, whole_in_second]
    assert merged.values == {(110, 120): "first 110", (180, 190): "second 180", (190, 205): "second 190"}


def test_merge_keeps_relations_of_kept_ends_once_with_the_best_score():
    text = "x" * 300
    first, second = Window(0, 200), Window(100, 300)
    head, child, cut = Entity(120, 130, "ORG"), Entity(150, 160, "PERSON"), Entity(190, 200, "PERSON")
    whole = Entity(190, 205, "PERSON")
    results = [
        WindowResult(first, [head, child, cut], {}, {
            (head.offsets, child.offsets, "EMPLOYS"): 0.6,
            (head.offsets, cut.offsets, "EMPLOYS"): 0.9,    # its child is dropped in the merge
        }),
        WindowResult(second, [head, child, whole], {}, {
            (head.offsets, child.offsets, "EMPLOYS"): 0.8,
            (head.offsets, whole.offsets, "EMPLOYS"): 0.7,
        }),
    ]
    merged = merge_windows(text, results)
    assert merged.scores == {
        (head.offsets, child.offsets, "EMPLOYS"): 0.8,
        (head.offsets, whole.offsets, "EMPLOYS"): 0.7,
    }
    record = merged.to_record("r", threshold=0.75)
    assert [(r.head, r.child) for r in record.relations] == [(head.offsets, child.offsets)]


def test_merge_drops_a_relation_whose_end_changed_label():
    text = "x" * 300
    first, second = Window(0, 200), Window(100, 300)
    head = Entity(105, 110, "ORG")                                            # kept from first
    child_first, child_second = Entity(150, 160, "PERSON"), Entity(150, 160, "ORG")  # kept from second
    results = [
        WindowResult(first, [head, child_first], {}, {(head.offsets, child_first.offsets, "EMPLOYS"): 0.9}),
        WindowResult(second, [head, child_second], {}, {}),
    ]
    merged = merge_windows(text, results)
    assert child_second in merged.entities and merged.scores == {}


def test_windowed_prediction_equals_the_whole_text(tiny_nlp):
    text = paragraphs(300)
    whole = tiny_nlp(text)
    merged = predict_windowed(tiny_nlp, text, size=2_000, overlap=400)
    assert len(split_windows(text, 2_000, 400)) > 10
    assert merged.entities == [Entity(e.start_char, e.end_char, e.label_) for e in whole.ents]
    assert all(text[e.start:e.end] in ("Acme Corp", "John Smith") for e in merged.entities)
    assert merged.values == {(e.start_char, e.end_char): e.text.lower() for e in whole.ents}
    # every ORG -> PERSON pair, those inside a window overlap included, is there once
    assert merged.to_record("r").relations == doc_to_record(whole, "r").relations


def test_relation_inside_an_overlap_survives(tiny_nlp):
    text = paragraphs(300)
    found = split_windows(text, 2_000, 400)
    shared = Window(found[1].start, found[0].end)
    merged = predict_windowed(tiny_nlp, text, size=2_000, overlap=400)
    in_overlap = [key for key in merged.scores
                  if shared.start <= key[0][0] and key[1][1] <= shared.end]
    assert in_overlap and all(merged.scores[key] == 0.9 for key in in_overlap)


# -- predict and evaluate ----------------------------------------------------------------------

def test_short_exhibit_takes_the_unwindowed_path(tiny_nlp, monkeypatch):
    text = paragraphs(5)
    expected = doc_to_output(tiny_nlp(text), "short")
    monkeypatch.setattr(windows, "predict_windowed", lambda *a, **k: pytest.fail("windowed a short text"))
    [record] = predict_exhibits(tiny_nlp, [ExhibitInput("short", text, "t")])
    assert record == expected


def test_long_exhibit_is_predicted_in_windows_as_one_record(tiny_nlp):
    text = paragraphs(900)
    assert len(text) > 2 * WINDOW_CHARS
    expected = doc_to_output(tiny_nlp(text), "long")
    seen_lengths.clear()
    records = list(predict_exhibits(tiny_nlp, [ExhibitInput("short", "Acme Corp hired John Smith.", "t"),
                                               ExhibitInput("long", text, "t")]))
    assert [r["id"] for r in records] == ["short", "long"]
    assert max(seen_lengths) <= WINDOW_CHARS  # the pipeline never sees the whole long text
    assert records[1] == expected
    assert OVERLAP_CHARS * 4 <= WINDOW_CHARS


def test_evaluation_predicts_long_texts_in_windows(tiny_nlp):
    text = paragraphs(900)
    seen_lengths.clear()
    [record] = predict_records(tiny_nlp, [ExhibitRecord("long", text)])
    assert max(seen_lengths) <= WINDOW_CHARS
    whole = doc_to_record(tiny_nlp(text), "long")
    assert (record.entities, record.relations) == (whole.entities, whole.relations)


def test_the_kind_scores_of_a_long_text_weigh_each_window_by_its_length():
    short, long = Window(0, 100), Window(80, 480)
    results = [WindowResult(short, cats={"offering": 1.0, "other": 0.0}),
               WindowResult(long, cats={"offering": 0.0, "other": 1.0})]
    merged = merge_windows("x" * 480, results)
    assert merged.cats == pytest.approx({"offering": 0.2, "other": 0.8})
    assert merge_windows("x" * 480, [WindowResult(short), WindowResult(long)]).cats == {}
