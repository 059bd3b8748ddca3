"""`exhibit predict` end to end: every input kind, every output format, resume after a kill."""
from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from nlp.cli import app
from nlp.readers import ExhibitInput, iter_inputs, list_input_files

runner = CliRunner()
DATA = Path(__file__).resolve().parents[1] / "data"
INPUTS = DATA / "inputs"
ROOT = DATA.parents[1]


def rows(path: Path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_text_file_record_keeps_the_first_versions_contract(cached_model, tmp_path):
    path = tmp_path / "seed_innovo_ex32_20040329.txt"
    path.write_bytes((ROOT / "corpus" / "examples" / path.name).read_bytes().replace(b"\n", b"\r\n"))
    result = runner.invoke(app, ["predict", str(path)])
    assert result.exit_code == 0, result.output
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["id"] == "seed_innovo_ex32_20040329"
    assert record["text"] == path.read_bytes().decode("utf-8")
    assert set(record) >= {"id", "text", "category", "entities", "relations"} and "meta" not in record


def test_standard_input_is_one_exhibit_named_stdin(cached_model):
    text = (ROOT / "corpus" / "examples" / "seed_innovo_ex32_20040329.txt").read_text(encoding="utf-8")
    result = runner.invoke(app, ["predict", "-"], input=text)
    assert result.exit_code == 0, result.output
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert (record["id"], record["text"]) == ("stdin", text)
    assert any(e["label"] == "OFFICER" for e in record["entities"])


def test_every_input_kind_at_once_with_the_bad_line_reported(cached_model, tmp_path):
    out = tmp_path / "pred.jsonl"
    result = runner.invoke(app, ["predict", str(INPUTS), str(INPUTS / "certifications.jsonl"), "-o", str(out)])
    assert result.exit_code == 1, result.output
    assert [r["id"] for r in rows(out)] == [
        "0001047469-04-035975_a2147337zex-31_1", "0001047469-04-035975_a2147337zex-32_1", "ante_ex99-1",
        "plab_exh32-1", "clp_ex32-1"]
    sgml = rows(out)[0]["meta"]
    assert (sgml["accession"], sgml["company"], sgml["type"], sgml["filename"]) == (
        "0001047469-04-035975", "APPLE COMPUTER INC", "EX-31.1", "a2147337zex-31_1.txt")
    line = f"skipped [E055] {INPUTS / 'certifications.jsonl'}:2: malformed JSON: Unterminated string"
    assert line in result.stderr
    assert f"wrote 5 records to {out}; skipped 1 inputs (listed in {tmp_path / 'pred.errors.jsonl'})" in result.stderr
    (error,) = rows(tmp_path / "pred.errors.jsonl")
    assert (error["source"], error["code"]) == (f"{INPUTS / 'certifications.jsonl'}:2", "E055")


def test_exhibit_types_choose_submission_documents(cached_model, tmp_path):
    result = runner.invoke(app, ["predict", str(INPUTS / "0001047469-04-035975.txt"), "--exhibit-types", "EX-21"])
    assert result.exit_code == 0, result.output
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["id"] == "0001047469-04-035975_a2147337zex-21" and record["meta"]["type"] == "EX-21"


def test_csv_and_parquet_from_the_suffix_with_min_score(cached_model, tmp_path):
    inputs = [str(INPUTS / "0001047469-04-035975.txt"), str(INPUTS / "ante_ex99-1.htm")]
    for name in ("pred.csv", "pred.parquet"):
        result = runner.invoke(app, ["predict", *inputs, "-o", str(tmp_path / name), "--min-score", "0.6"])
        assert result.exit_code == 0, result.output
    with (tmp_path / "pred.csv").open(newline="", encoding="utf-8") as handle:
        csv_rows = list(csv.DictReader(handle))
    table = pq.read_table(tmp_path / "pred.parquet").to_pylist()
    assert [r["id"] for r in csv_rows] == [r["id"] for r in table] == [
        "0001047469-04-035975_a2147337zex-31_1", "0001047469-04-035975_a2147337zex-32_1", "ante_ex99-1"]
    for row, parquet_row in zip(csv_rows, table):
        relations = json.loads(row["relations"])
        assert all(r["score"] >= 0.6 for r in relations)
        assert relations == parquet_row["relations"]
        assert json.loads(row["entities"])[0]["label"] == parquet_row["entities"][0]["label"]
    assert json.loads(csv_rows[0]["meta"])["accession"] == "0001047469-04-035975"
    assert not (tmp_path / "pred.errors.jsonl").exists()


def test_format_option_overrides_the_suffix(cached_model, tmp_path):
    out = tmp_path / "pred.txt"
    result = runner.invoke(app, ["predict", str(INPUTS / "ante_ex99-1.htm"), "-o", str(out), "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert out.read_text().startswith("id,text,category,entities,relations,meta")


def test_summary_lists_what_was_found(cached_model):
    result = runner.invoke(app, ["predict", str(INPUTS / "ante_ex99-1.htm"), "--summary"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("== ante_ex99-1 (") and "{" not in result.stdout
    assert result.stdout.splitlines()[1].startswith("facts")


# --- interrupted runs -------------------------------------------------------------------------

def six_exhibit_lines() -> list:
    """Six small exhibits as JSONL lines: the fixture exhibits and a seed press release."""
    files = list_input_files([INPUTS / "0001047469-04-035975.txt", INPUTS / "ante_ex99-1.htm",
                              INPUTS / "certifications.jsonl"])
    exhibits = [i for i in iter_inputs(files) if isinstance(i, ExhibitInput)]
    seed = ROOT / "corpus" / "examples" / "seed_innovo_ex99_20031202.txt"
    exhibits.append(ExhibitInput(seed.stem, seed.read_text(encoding="utf-8"), str(seed)))
    assert len(exhibits) == 6
    return [json.dumps({"id": e.id, "text": e.text, "meta": e.meta}, ensure_ascii=False) + "\n" for e in exhibits]


def start_on_fifo(tmp_path: Path, out: Path, *options: str):
    """predict in a subprocess reading a named pipe, so the test decides how far it can get."""
    fifo = tmp_path / "feed.jsonl"
    os.mkfifo(fifo)
    proc = subprocess.Popen(
        [sys.executable, "-c", "from nlp.cli import main; main()", "predict", str(fifo), "-o", str(out),
         "--batch-size", "1", *options],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    while True:  # the pipe opens for writing once predict opens it for reading
        try:
            fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
            break
        except OSError:
            assert proc.poll() is None, proc.communicate()
            time.sleep(0.05)
    os.set_blocking(fd, True)
    return proc, os.fdopen(fd, "w", encoding="utf-8")


def wait_for_lines(proc, path: Path, count: int) -> None:
    while not path.exists() or path.read_text(encoding="utf-8").count("\n") < count:
        assert proc.poll() is None, proc.communicate()
        time.sleep(0.05)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_resume_after_a_kill_equals_an_uninterrupted_run(cached_model, tmp_path):
    lines = six_exhibit_lines()
    inputs = tmp_path / "six.jsonl"
    inputs.write_text("".join(lines), encoding="utf-8")
    reference = tmp_path / "reference.jsonl"
    assert runner.invoke(app, ["predict", str(inputs), "-o", str(reference)]).exit_code == 0

    out = tmp_path / "pred.jsonl"
    proc, feed = start_on_fifo(tmp_path, out)
    feed.writelines(lines[:3])
    feed.flush()
    wait_for_lines(proc, out, 3)  # three records written, predict now waits for input
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    feed.close()
    with out.open("a", encoding="utf-8") as handle:  # a record cut short, as a kill mid-write leaves it
        handle.write(lines[3][:40])

    result = runner.invoke(app, ["predict", str(inputs), "-o", str(out), "--resume"])
    assert result.exit_code == 0, result.output
    assert "wrote 3 records" in result.stderr and "3 already there (--resume)" in result.stderr
    assert out.read_bytes() == reference.read_bytes()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_ctrl_c_keeps_finished_records_and_exits_130(tmp_path):
    import spacy

    blank = tmp_path / "blank"  # any pipeline will do here, and a blank one loads at once
    spacy.blank("en").to_disk(blank)
    out = tmp_path / "pred.jsonl"
    proc, feed = start_on_fifo(tmp_path, out, "--model", str(blank))
    feed.write(six_exhibit_lines()[0])
    feed.flush()
    wait_for_lines(proc, out, 1)
    proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate()
    feed.close()
    assert proc.returncode == 130
    assert b"interrupted; finished output was kept" in stderr and b"Traceback" not in stderr
    assert [r["id"] for r in rows(out)] == ["0001047469-04-035975_a2147337zex-31_1"]


def test_the_pipeline_accepts_texts_up_to_max_chars(cached_model, shipped_model):
    # spaCy refuses texts above nlp.max_length (1,000,000 by default) with an error of its own
    result = runner.invoke(app, ["predict", str(INPUTS / "ante_ex99-1.htm"), "--max-chars", "3000000"])
    assert result.exit_code == 0, result.output
    assert shipped_model.max_length >= 3_000_000
