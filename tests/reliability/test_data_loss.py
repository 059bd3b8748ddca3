"""Issue 18, data loss: no command destroys an input, a second run, a SIGTERM or a full disk never
cost finished output, and the Dask backend removes only the parts it wrote itself."""
from __future__ import annotations

import errno
import json
import os
import signal
import socket
import subprocess
import sys
import time
import types
from pathlib import Path
from typing import Callable, List

import pytest
import spacy

import nlp.distributed as distributed_module
from nlp.errors import InputError
from nlp.readers import list_input_files
from reliability_support import ROOT, SEEDS, assert_clear_failure, invoke, seed_rows, write_rows

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")


@pytest.fixture(scope="module")
def blank_model(tmp_path_factory) -> Path:
    """Any pipeline will do for these tests, and a blank one loads at once."""
    path = tmp_path_factory.mktemp("model") / "blank"
    spacy.blank("en").to_disk(path)
    return path


def _jsonl(path: Path, count: int = 2) -> Path:
    return write_rows(path, [{"id": f"ex-{k}", "text": f"Exhibit {k} of Acme Corp."} for k in range(count)])


# --- 1. an output that is an input --------------------------------------------------------------

def _spellings(tmp_path: Path, source: Path) -> dict:
    (tmp_path / "sub").mkdir()
    (tmp_path / "link.jsonl").symlink_to(source)
    os.link(source, tmp_path / "hard.jsonl")
    return {"same": source, "dotted": tmp_path / "sub" / ".." / source.name,
            "symlink": tmp_path / "link.jsonl", "hardlink": tmp_path / "hard.jsonl"}


@pytest.mark.parametrize("spelling", ["same", "dotted", "symlink", "hardlink"])
def test_predict_output_equal_to_its_input_is_refused_and_the_input_kept(tmp_path, blank_model, spelling):
    source = _jsonl(tmp_path / "in.jsonl")
    before = source.read_bytes()
    output = _spellings(tmp_path, source)[spelling]
    result = invoke(["predict", source, "-o", output, "--model", blank_model])
    assert_clear_failure(result, 2, str(output), str(source), code="E200")
    assert source.read_bytes() == before


def test_predict_errors_file_that_is_a_file_of_an_input_folder_is_refused(tmp_path, blank_model):
    folder = tmp_path / "ed"
    folder.mkdir()
    (folder / "x.txt").write_text("Acme Corp. sold 1,000 shares.", encoding="utf-8")
    result = invoke(["predict", folder, "-o", tmp_path / "out.jsonl", "--errors", folder / "x.txt",
                     "--model", blank_model])
    assert_clear_failure(result, 2, str(folder / "x.txt"), str(folder), code="E200")
    assert (folder / "x.txt").read_text(encoding="utf-8") == "Acme Corp. sold 1,000 shares."


def test_predict_output_in_an_input_folder_that_is_not_an_input_is_allowed(tmp_path, blank_model):
    folder = tmp_path / "ed"
    folder.mkdir()
    (folder / "x.txt").write_text("Acme Corp. sold 1,000 shares.", encoding="utf-8")
    (folder / "out.jsonl").write_text("old\n", encoding="utf-8")  # not matched by the default globs
    result = invoke(["predict", folder, "-o", folder / "out.jsonl", "--model", blank_model])
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["id"] for line in (folder / "out.jsonl").read_text().splitlines()] == ["x"]


def test_records_output_equal_to_its_input_is_refused(tmp_path):
    source = tmp_path / "pred.jsonl"
    source.write_bytes(SEEDS.read_bytes())
    result = invoke(["records", source, "-o", tmp_path / "sub" / ".." / "pred.jsonl"])
    assert_clear_failure(result, 2, str(source), code="E200")
    assert source.read_bytes() == SEEDS.read_bytes()


def test_evaluate_html_equal_to_an_input_is_refused(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_bytes(SEEDS.read_bytes())
    result = invoke(["evaluate", "--predictions", SEEDS, "--gold", gold, "--html", gold, "--resamples", "10"])
    assert_clear_failure(result, 2, str(gold), code="E200")
    assert gold.read_bytes() == SEEDS.read_bytes()


def test_show_html_equal_to_an_input_is_refused(tmp_path, blank_model):
    folder = tmp_path / "exhibits"
    folder.mkdir()
    page = folder / "x.txt"
    page.write_text("Acme Corp. sold 1,000 shares.", encoding="utf-8")
    result = invoke(["show", folder, "--html", page, "--model", blank_model])
    assert_clear_failure(result, 2, str(page), str(folder), code="E200")
    assert page.read_text(encoding="utf-8") == "Acme Corp. sold 1,000 shares."


# --- 2. the Dask backend's part files ------------------------------------------------------------

class _Future:
    def __init__(self, result):
        self._result = result

    def result(self):
        return self._result

    def cancel(self):
        pass


class _Client:
    """Runs each task at once in this process: what run_distributed asks of a cluster."""

    def map(self, func: Callable, items: List, **kwargs):
        return [_Future(func(item, **{k: v for k, v in kwargs.items() if k != "pure"})) for item in items]

    def close(self):
        pass


@pytest.fixture
def fake_dask(monkeypatch):
    """dask.distributed as far as run_distributed uses it, so no cluster (or dask) is needed."""
    module = types.ModuleType("distributed")
    module.Client = _Client
    module.as_completed = lambda futures: futures
    monkeypatch.setitem(sys.modules, "distributed", module)
    return _Client()


def _texts(folder: Path, count: int) -> List[Path]:
    folder.mkdir(exist_ok=True)
    for k in range(count):
        (folder / f"ex{k}.txt").write_text(f"Exhibit {k} of Acme Corp.", encoding="utf-8")
    return list_input_files([folder])


def test_dask_refuses_a_folder_whose_part_files_it_did_not_write(tmp_path, fake_dask, blank_model):
    out = tmp_path / "out"
    out.mkdir()
    theirs = {"part-00000.jsonl": "someone else's data\n", "part-00000.txt": "an exhibit\n"}
    for name, text in theirs.items():
        (out / name).write_text(text, encoding="utf-8")
    files = _texts(tmp_path / "in", 2)
    with pytest.raises(InputError, match=r"\[E201\].*part-00000\.jsonl"):
        distributed_module.run_distributed(files, out, blank_model, fake_dask, "jsonl", partition_size=1)
    assert {p.name: p.read_text(encoding="utf-8") for p in out.iterdir()} == theirs


def test_dask_rerun_removes_only_its_own_stale_parts(tmp_path, fake_dask, blank_model):
    out = tmp_path / "out"
    files = _texts(tmp_path / "in", 3)
    first = distributed_module.run_distributed(files, out, blank_model, fake_dask, "jsonl", partition_size=1)
    assert first["records"] == 3 and (out / "part-00002.jsonl").exists()
    (out / "part-notes.txt").write_text("mine", encoding="utf-8")  # the user's, beside the parts
    again = distributed_module.run_distributed(files[:1], out, blank_model, fake_dask, "jsonl", partition_size=1)
    assert again["records"] == 1
    left = sorted(p.name for p in out.iterdir() if not p.name.startswith("."))
    assert left == ["manifest.json", "part-00000.done.json", "part-00000.jsonl", "part-notes.txt"]


def test_dask_refuses_to_delete_a_part_that_is_an_input(tmp_path, fake_dask, blank_model):
    out = tmp_path / "out"
    distributed_module.run_distributed(_texts(tmp_path / "in", 2), out, blank_model, fake_dask, "jsonl",
                                       partition_size=1)
    part = out / "part-00001.jsonl"
    before = part.read_bytes()
    with pytest.raises(InputError, match=r"\[E200\]"):
        distributed_module.run_distributed([part], out, blank_model, fake_dask, "jsonl", partition_size=8)
    assert part.read_bytes() == before


# --- subprocesses fed through a named pipe, so a test decides how far they get -------------------

def _start(args: List, fifo: Path, **popen) -> tuple:
    os.mkfifo(fifo)
    proc = subprocess.Popen([sys.executable, "-c", "from nlp.cli import main; main()", *map(str, args)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT, **popen)
    while True:  # the pipe opens for writing once the command opens it for reading
        try:
            fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
            break
        except OSError:
            if proc.poll() is not None:
                pytest.fail(proc.communicate()[1].decode())
            time.sleep(0.05)
    os.set_blocking(fd, True)
    return proc, os.fdopen(fd, "w", encoding="utf-8")


def _wait(proc: subprocess.Popen, ready: Callable[[], bool], patience: float = 60.0) -> None:
    waited = 0.0
    while not ready():
        if proc.poll() is not None:
            pytest.fail(f"ended early ({proc.returncode}): {proc.communicate()[1].decode()[-2000:]}")
        assert waited < patience, "never got ready"
        time.sleep(0.05)
        waited += 0.05


def _lines(path: Path) -> int:
    return path.read_text(encoding="utf-8").count("\n") if path.exists() else 0


def _line(k: int) -> str:
    return json.dumps({"id": f"ex-{k}", "text": f"Exhibit {k} of Acme Corp."}) + "\n"


# --- 3. two runs writing one output ------------------------------------------------------------

@needs_fifo
def test_a_second_predict_on_an_output_being_written_is_refused(tmp_path, blank_model):
    out = tmp_path / "pred.jsonl"
    proc, feed = _start(["predict", tmp_path / "feed.jsonl", "-o", out, "--model", blank_model,
                         "--batch-size", "1"], tmp_path / "feed.jsonl")
    try:
        feed.write(_line(0))
        feed.flush()
        _wait(proc, lambda: _lines(out) >= 1)
        second = invoke(["predict", _jsonl(tmp_path / "other.jsonl"), "-o", out, "--model", blank_model])
        assert_clear_failure(second, 2, str(out), str(proc.pid), code="E202")
        feed.write(_line(1))
    finally:
        feed.close()
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 0, stderr.decode()
    assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == ["ex-0", "ex-1"]
    assert not Path(f"{out}.lock").exists()


def test_a_stale_lock_of_a_dead_process_is_taken_over_and_said_so(tmp_path, blank_model):
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    out = tmp_path / "pred.jsonl"
    Path(f"{out}.lock").write_text(f"{dead.pid}\n{socket.gethostname()}\n", encoding="utf-8")
    result = invoke(["predict", _jsonl(tmp_path / "in.jsonl"), "-o", out, "--model", blank_model])
    assert result.exit_code == 0, result.output
    assert f"stale lock {out}.lock of process {dead.pid}" in result.stderr
    assert _lines(out) == 2 and not Path(f"{out}.lock").exists()


def test_one_file_as_both_output_and_errors_file_is_refused(tmp_path, blank_model):
    out = tmp_path / "pred.jsonl"
    source = write_rows(tmp_path / "in.jsonl", [_line(0).strip(), "{not json"])
    result = invoke(["predict", source, "-o", out, "--errors", out, "--model", blank_model])
    assert_clear_failure(result, 2, str(out), "given twice", code="E368")
    assert not Path(f"{out}.lock").exists()


# --- 4. SIGTERM is handled like Ctrl-C ------------------------------------------------------------

@needs_fifo
def test_sigterm_keeps_the_parquet_records_written_so_far(tmp_path, blank_model):
    import pyarrow.parquet as pq

    out = tmp_path / "pred.parquet"
    proc, feed = _start(["predict", tmp_path / "feed.jsonl", "-o", out, "--model", blank_model,
                         "--batch-size", "1"], tmp_path / "feed.jsonl")
    feed.write(_line(0))
    feed.flush()
    _wait(proc, lambda: Path(f"{out}.partial").exists())
    time.sleep(0.3)  # the record is written; predict waits for the next input
    proc.send_signal(signal.SIGTERM)
    _, stderr = proc.communicate(timeout=60)
    feed.close()
    assert proc.returncode == 128 + signal.SIGTERM, stderr.decode()
    assert b"finished output was kept" in stderr and b"Traceback" not in stderr
    assert pq.read_table(out).column("id").to_pylist() == ["ex-0"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["feed.jsonl", "pred.parquet"]


@needs_fifo
def test_sigterm_during_records_leaves_no_part_file(tmp_path):
    out = tmp_path / "facts.csv"
    proc, feed = _start(["records", tmp_path / "feed.jsonl", "-o", out], tmp_path / "feed.jsonl")
    feed.write(json.dumps(seed_rows()[0]) + "\n")
    feed.flush()
    _wait(proc, lambda: Path(f"{out}.part").exists())
    proc.send_signal(signal.SIGTERM)
    _, stderr = proc.communicate(timeout=60)
    feed.close()
    assert proc.returncode == 128 + signal.SIGTERM, stderr.decode()
    assert b"Traceback" not in stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["feed.jsonl"]


def test_an_interrupted_convert_leaves_no_part_file(tmp_path, monkeypatch):
    import nlp.io.records

    real = nlp.io.records.json.dumps
    calls = []

    def interrupted(*args, **kwargs):  # SIGTERM arrives as KeyboardInterrupt, mid-file
        calls.append(1)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    monkeypatch.setattr(nlp.io.records.json, "dumps", interrupted)
    result = invoke(["convert", SEEDS, tmp_path / "out.jsonl", "--to", "jsonl"])
    assert result.exit_code == 130, result.output
    assert list(tmp_path.iterdir()) == []


@needs_fifo
def test_ctrl_c_with_two_processes_prints_no_worker_traceback(tmp_path, blank_model):
    out = tmp_path / "pred.jsonl"
    proc, feed = _start(["predict", tmp_path / "feed.jsonl", "-o", out, "--model", blank_model,
                         "--batch-size", "1", "--n-process", "2"], tmp_path / "feed.jsonl",
                        start_new_session=True)
    feed.write("".join(_line(k) for k in range(6)))
    feed.flush()
    _wait(proc, lambda: _lines(out) >= 1)
    os.killpg(proc.pid, signal.SIGINT)  # as Ctrl-C does: the main process and its workers
    _, stderr = proc.communicate(timeout=60)
    feed.close()
    assert proc.returncode == 130, stderr.decode()
    assert b"Traceback" not in stderr and b"KeyboardInterrupt" not in stderr, stderr.decode()
    written = out.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["id"] for line in written] == [f"ex-{k}" for k in range(len(written))]


# --- 5. a full disk -------------------------------------------------------------------------------

def _disk_full(*args, **kwargs):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


class _FullDisk:
    """A file handle on a full disk: opens, then refuses every write."""

    def __init__(self, handle):
        self._handle = handle

    def write(self, text):
        _disk_full()

    def __getattr__(self, name):
        return getattr(self._handle, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self._handle.close()


def _full_disk_at(monkeypatch, *paths: Path) -> None:
    real_open = Path.open

    def fake_open(self, *args, **kwargs):
        handle = real_open(self, *args, **kwargs)
        return _FullDisk(handle) if self in paths else handle

    monkeypatch.setattr(Path, "open", fake_open)


@pytest.mark.parametrize("full", ["output", "errors"])
def test_disk_full_in_predict_names_the_file(tmp_path, blank_model, monkeypatch, full):
    out = tmp_path / "pred.jsonl"
    errors = tmp_path / "pred.errors.jsonl"
    _full_disk_at(monkeypatch, out if full == "output" else errors)
    source = write_rows(tmp_path / "in.jsonl", [_line(0).strip(), "{not json"])
    result = invoke(["predict", source, "-o", out, "--model", blank_model])
    assert_clear_failure(result, 2, str(out if full == "output" else errors), "No space left on device",
                         code="E205")
    assert not Path(f"{out}.lock").exists()
def test_disk_full_in_parquet_names_the_output_and_leaves_no_partial(tmp_path, blank_model, monkeypatch):
    import pyarrow.parquet as pq

    monkeypatch.setattr(pq.ParquetWriter, "write_table", _disk_full)
    out = tmp_path / "pred.parquet"
    result = invoke(["predict", _jsonl(tmp_path / "in.jsonl"), "-o", out, "--model", blank_model])
    assert_clear_failure(result, 2, str(out), "No space left on device", code="E205")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl"]


def test_disk_full_in_records_names_the_output_and_leaves_no_part(tmp_path, monkeypatch):
    import csv

    monkeypatch.setattr(csv.DictWriter, "writerow", _disk_full)
    out = tmp_path / "facts.csv"
    result = invoke(["records", SEEDS, "-o", out])
    assert_clear_failure(result, 2, str(out), "No space left on device", code="E205")
    assert list(tmp_path.iterdir()) == []


def test_disk_full_in_convert_names_the_output_and_leaves_no_part(tmp_path, monkeypatch):
    import nlp.io.records

    monkeypatch.setattr(nlp.io.records.json, "dumps", _disk_full)
    result = invoke(["convert", SEEDS, tmp_path / "out.jsonl", "--to", "jsonl"])
    assert_clear_failure(result, 2, str(tmp_path / "out.jsonl"), "No space left on device", code="E205")
    assert list(tmp_path.iterdir()) == []
