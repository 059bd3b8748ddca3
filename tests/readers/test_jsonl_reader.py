from __future__ import annotations

import json
from pathlib import Path

from nlp.readers import ExhibitInput, SkippedInput, iter_jsonl_exhibits
from nlp.readers.jsonl import count_jsonl_lines, jsonl_chunks

INPUTS = Path(__file__).resolve().parents[1] / "data" / "inputs"
FIXTURE = INPUTS / "certifications.jsonl"


def test_malformed_line_is_skipped_by_file_and_line_and_reading_goes_on():
    items = list(iter_jsonl_exhibits(FIXTURE))
    assert [type(i).__name__ for i in items] == ["ExhibitInput", "SkippedInput", "ExhibitInput"]
    good, bad, last = items
    assert (good.id, good.source, good.meta) == ("plab_exh32-1", f"{FIXTURE}:1",
                                                  {"company": "Photronics, Inc.", "form": "10-Q"})
    assert good.text.startswith("EXHIBIT 32.1\nSection 1350 Certification")
    assert (bad.source, bad.code) == (f"{FIXTURE}:2", "E055")
    assert bad.reason.startswith("malformed JSON: Unterminated string")
    assert (last.id, last.source) == ("clp_ex32-1", f"{FIXTURE}:3")


def test_lines_without_string_id_or_text_are_skipped_with_their_reason(tmp_path):
    path = tmp_path / "in.jsonl"
    rows = [{"text": "no id"}, {"id": "a", "text": 5}, ["a", "b"], {"id": "b", "text": "ok", "meta": "x"},
            {"id": "c", "text": "Acme Corp. sold stock."}]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n")
    items = list(iter_jsonl_exhibits(path))
    assert [(i.source.rsplit(":", 1)[1], i.code, i.reason) for i in items[:4]] == [
        ("1", "E056", "`id` must be a non-empty string"),
        ("2", "E056", "`text` must be a string"),
        ("3", "E056", "a line must be a JSON object with `id` and `text`"),
        ("4", "E056", "`meta` must be an object"),
    ]
    assert items[1].id == "a"
    assert isinstance(items[4], ExhibitInput) and items[4].meta == {}


def test_undecodable_line_is_skipped_with_its_byte_and_the_next_line_read(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_bytes(b'{"id": "a", "text": "Soci\xe9t\xe9"}\n{"id": "b", "text": "ok"}\n')
    bad, good = iter_jsonl_exhibits(path)
    assert isinstance(bad, SkippedInput) and bad.code == "E050"
    assert bad.message() == f"{path}:1: not utf-8 text (byte 25) of the line"
    assert good.id == "b"
    assert [i.text for i in iter_jsonl_exhibits(path, "latin-1")][0] == "Société"


def test_chunks_read_the_same_items_with_the_same_line_numbers(tmp_path):
    path = tmp_path / "in.jsonl"
    lines = [json.dumps({"id": f"ex{k}", "text": f"Exhibit {k}"}) for k in range(7)]
    lines.insert(3, "")
    path.write_text("\n".join(lines) + "\n")
    chunks = jsonl_chunks(path, 3)
    assert [c[3] for c in chunks] == [3, 3, 1]
    assert count_jsonl_lines(path) == 7
    whole = [(i.id, i.source) for i in iter_jsonl_exhibits(path)]
    parts = [(i.id, i.source) for start, stop, first, _ in chunks
             for i in iter_jsonl_exhibits(path, start=start, stop=stop, first_line=first)]
    assert parts == whole
    assert whole[3] == ("ex3", f"{path}:5")
