"""Bad inputs through `exhibit predict`: each is reported with its file (and line or document),
skipped while the good ones are predicted (exit 1), or stops the run before any work (exit 2,
3); never a traceback. Ctrl-C exits 130 and keeps the finished records."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from reliability_support import (
    EX32, SUBMISSION, MODEL_BREAKS, assert_clear_failure, broken_model, invoke,  # noqa: F401
    is_root, seed_rows, start_exhibit, interrupt_when, write_rows,
)

TWENTY_MB = 20 * 1024 * 1024


def _good(folder: Path) -> Path:
    path = folder / "good.txt"
    path.write_bytes(EX32.read_bytes())
    return path


def _bad_text(kind: str, folder: Path) -> Path:
    if kind == "empty":
        path = folder / "empty.txt"
        path.write_bytes(b"")
    elif kind == "blank":
        path = folder / "blank.txt"
        path.write_text("\n   \n\t\n", encoding="utf-8")
    elif kind == "binary":
        path = folder / "binary.txt"
        path.write_bytes(bytes(range(256)) * 64)
    elif kind == "latin1":
        path = folder / "latin1.txt"
        path.write_bytes("Soci\xe9t\xe9 G\xe9n\xe9rale sold 1,000 shares.".encode("latin-1"))
    elif kind == "twenty_mb":
        path = folder / "huge.txt"
        line = b"Acme Corp. sold 1,000 shares of Common Stock at $2.00 per share.\n"
        with path.open("wb") as out:
            for _ in range(TWENTY_MB // len(line) + 1):
                out.write(line)
    elif kind == "long_line":
        path = folder / "one-line.txt"
        path.write_text("Acme Corp. sold shares of Common Stock. " * 5_000, encoding="utf-8")  # 200,000 characters
    elif kind == "truncated_sgml":
        content = SUBMISSION.read_bytes()
        path = folder / SUBMISSION.name
        path.write_bytes(content[: content.rindex(b"<DOCUMENT>") + 300])
    else:
        raise ValueError(kind)
    return path


# (bad input, extra options, the error code, what the skip line names after the path)
SKIP_CASES = [
    ("empty", [], "E057", ": empty: empty text"),
    ("blank", [], "E057", ": blank: empty text"),
    ("binary", [], "E050", ": not utf-8 text (byte 128)"),
    ("latin1", [], "E050", ": not utf-8 text (byte 4)"),
    ("twenty_mb", [], "E058", "more than --max-chars 2,000,000 characters"),
    ("long_line", ["--max-chars", "100000"], "E058", ": one-line: 200,000 characters, above --max-chars 100,000"),
    ("truncated_sgml", [], "E059", "#document 4 (EX-32.1, a2147337zex-32_1.htm): truncated"),
]


@pytest.mark.parametrize("kind, options, code, says", SKIP_CASES, ids=[c[0] for c in SKIP_CASES])
def test_a_bad_exhibit_is_reported_skipped_and_listed(cached_model, tmp_path, kind, options, code, says):
    bad = _bad_text(kind, tmp_path)
    good = _good(tmp_path)
    out = tmp_path / "out" / "pred.jsonl"
    out.parent.mkdir()
    result = invoke(["predict", bad, good, "-o", out, *options])
    output = assert_clear_failure(result, 1, f"skipped [{code}] {bad}", says)
    assert "error:" not in output
    ids = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert "good" in ids
    (listed,) = [json.loads(line) for line in (out.parent / "pred.errors.jsonl").read_text().splitlines()]
    assert listed["code"] == code and listed["source"].startswith(str(bad))


def test_non_utf8_text_reads_with_encoding(cached_model, tmp_path):
    bad = _bad_text("latin1", tmp_path)
    result = invoke(["predict", bad, "--encoding", "latin-1"])
    assert result.exit_code == 0, result.output
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["text"] == "Société Générale sold 1,000 shares."


def test_an_unknown_encoding_is_a_usage_error(cached_model, tmp_path):
    result = invoke(["predict", _good(tmp_path), "--encoding", "utf-9"])
    assert_clear_failure(result, 2, "--encoding 'utf-9': unknown text encoding", code="E064")


def test_a_malformed_jsonl_line_in_the_middle_is_skipped_with_its_line(cached_model, tmp_path):
    rows = [{"id": r["id"], "text": r["text"]} for r in seed_rows()]
    path = write_rows(tmp_path / "batch.jsonl", [rows[0], '{"id": "cut", "text": "Acme', rows[1]])
    result = invoke(["predict", path])
    assert_clear_failure(result, 1, f"skipped [E055] {path}:2: malformed JSON")
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == [r["id"] for r in rows]


def test_fail_fast_makes_the_first_bad_input_an_error(cached_model, tmp_path):
    path = write_rows(tmp_path / "batch.jsonl", ['{"id": "cut", "text": "Acme'])
    result = invoke(["predict", path, "--fail-fast"])
    assert_clear_failure(result, 2, f"error: [E055] {path}:1: malformed JSON")


def test_html_with_scripts_and_broken_tags_gives_its_text_only(cached_model, tmp_path):
    page = tmp_path / "ex99.htm"
    page.write_text(
        "<html><head><script>document.write('INJECTED')</script><style>p{color:red}</style></head>"
        "<body onload=\"alert('x')\"><p>Acme Corp. <b>announced <i>a $5 million</b> offering"
        "<div><table><tr><td>Common Stock</table><p unclosed=\"</body>", encoding="utf-8")
    result = invoke(["predict", page])
    assert result.exit_code == 0, result.output
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert "Acme Corp." in record["text"] and "Common Stock" in record["text"]
    assert "INJECTED" not in record["text"] and "color" not in record["text"] and "alert" not in record["text"]


@pytest.mark.parametrize("kind", MODEL_BREAKS)
def test_a_missing_or_broken_model_is_exit_3_naming_it(tmp_path, kind):
    model = broken_model(kind, tmp_path)
    result = invoke(["predict", EX32, "--model", model])
    output = assert_clear_failure(result, 3, f"{model}: ")
    assert any(f"[{code}]" in output for code in ("E040", "E041", "E042"))


def test_output_under_a_file_fails_before_the_model_loads(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    result = invoke(["predict", EX32, "-o", blocker / "pred.jsonl", "--model", tmp_path / "no-model"])
    assert_clear_failure(result, 2, f"{blocker / 'pred.jsonl'}: {blocker} is not a folder")


@pytest.mark.skipif(is_root(), reason="root writes into read-only folders anyway (chmod does not stop it)")
def test_output_in_a_read_only_folder_fails_before_the_model_loads(tmp_path):
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        result = invoke(["predict", EX32, "-o", folder / "pred.jsonl", "--model", tmp_path / "no-model"])
        assert_clear_failure(result, 2, str(folder / "pred.jsonl"))
    finally:
        folder.chmod(0o755)


def test_ctrl_c_during_predict_exits_130_and_keeps_finished_records(tmp_path):
    rows = [{"id": f"{r['id']}-{k}", "text": r["text"]} for k in range(100) for r in seed_rows()]
    inputs = write_rows(tmp_path / "many.jsonl", rows)
    out = tmp_path / "pred.jsonl"

    def some_written() -> bool:
        return out.exists() and out.read_text(encoding="utf-8").count("\n") >= 2

    proc = start_exhibit(["predict", inputs, "-o", out, "--batch-size", "2"])
    done = interrupt_when(proc, some_written)
    assert done["code"] == 130, done["stderr"]
    assert "interrupted; finished output was kept" in done["stderr"] and "Traceback" not in done["stderr"]
    written = out.read_text(encoding="utf-8").splitlines()
    assert 2 <= len(written) < len(rows)
    assert [json.loads(line)["id"] for line in written] == [r["id"] for r in rows[: len(written)]]
