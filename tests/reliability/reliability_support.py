"""What every bad-input case of the battery shares: small broken files made from the seed
records, the shipped model loaded once, and the check that a failure is one clear line."""
from __future__ import annotations

import copy
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Callable, Dict, List, Sequence

import pytest
from typer.testing import CliRunner

import nlp.models
from conftest import TINY  # noqa: F401  (tests/conftest.py: nothing here trains anything larger)
from nlp.cli import app

TESTS = Path(__file__).resolve().parents[1]
ROOT = TESTS.parent
SEEDS = TESTS / "data" / "seeds.jsonl"
INPUTS = TESTS / "data" / "inputs"
SUBMISSION = INPUTS / "0001047469-04-035975.txt"
EX32 = ROOT / "corpus" / "examples" / "seed_innovo_ex32_20040329.txt"
CONFIG = ROOT / "configs" / "default.cfg"

runner = CliRunner()


def seed_rows() -> List[dict]:
    return [json.loads(line) for line in SEEDS.read_text(encoding="utf-8").splitlines()]


def write_rows(path: Path, rows: Sequence) -> Path:
    """JSONL: dicts are dumped, strings written as they are (to break a line on purpose)."""
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows), encoding="utf-8")
    return path


# --- broken guide JSONL, each made from the two seed records ---------------------------------

def _one_seed_with(change: Callable[[dict], None]) -> List[dict]:
    row = copy.deepcopy(seed_rows()[1])  # the Section 906 certification, the shorter one
    change(row)
    return [row]


def _whitespace_span(row: dict) -> None:
    at = row["text"].index(" ")
    row["entities"].append({"start": at, "end": at + 1, "label": "TITLE"})


def _overlap(row: dict) -> None:
    first = row["entities"][0]
    row["entities"].append({"start": first["start"], "end": first["end"] + 2, "label": "AGENT"})


def _relation_to_nothing(row: dict) -> None:
    head = row["relations"][0]["head"]
    row["relations"].append({"head": head, "child": [0, 3], "label": "CERTIFIES"})


def _first_label(label: str) -> Callable[[dict], None]:
    def change(row: dict) -> None:
        row["entities"][0]["label"] = label
    return change


def _out_of_range(row: dict) -> None:
    row["entities"].append({"start": len(row["text"]) + 10, "end": len(row["text"]) + 20, "label": "OFFICER"})


def make_jsonl(kind: str, folder: Path) -> Path:
    """A guide JSONL file broken in one way; the name says how."""
    path = folder / f"{kind}.jsonl"
    rows = seed_rows()
    if kind == "empty":
        path.write_bytes(b"")
    elif kind == "binary":
        path.write_bytes(bytes(range(256)) * 8)
    elif kind == "latin1":
        path.write_bytes((json.dumps(rows[0]) + "\n").encode() + '{"id": "soci\xe9t\xe9", "text": "G\xe9n\xe9rale"}\n'.encode("latin-1"))
    elif kind == "malformed_middle":
        write_rows(path, [rows[0], '{"id": "broken", "text": "cut off', rows[1]])
    elif kind == "long_line":
        write_rows(path, [rows[0], '{"id": "huge", "text": "' + "Acme Corp. sold shares. " * 120_000])
    elif kind == "duplicate_ids":
        write_rows(path, [rows[1], rows[1]])
    elif kind == "out_of_range":
        write_rows(path, _one_seed_with(_out_of_range))
    elif kind == "overlapping":
        write_rows(path, _one_seed_with(_overlap))
    elif kind == "whitespace_span":
        write_rows(path, _one_seed_with(_whitespace_span))
    elif kind == "unknown_label":
        write_rows(path, _one_seed_with(_first_label("COMPANY")))
    elif kind == "relation_to_missing_entity":
        write_rows(path, _one_seed_with(_relation_to_nothing))
    elif kind == "not_an_object":
        write_rows(path, [rows[0], "[1, 2, 3]"])
    elif kind == "entities_not_a_list":
        write_rows(path, _one_seed_with(lambda row: row.update(entities=5)))
    else:
        raise ValueError(kind)
    return path


# --- running commands -------------------------------------------------------------------------

def invoke(args: Sequence[str], **kwargs):
    return runner.invoke(app, [str(a) for a in args], **kwargs)


def assert_clear_failure(result, exit_code: int, *names: str, code: str = "") -> str:
    """Exit code as given, the message names every `names` item (file, line, record), one
    `error:` line at most, and no traceback (neither printed nor escaped from the command)."""
    output = result.output
    assert result.exit_code == exit_code, output
    assert "Traceback" not in output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    for name in names:
        assert name in output, (name, output)
    if code:
        assert f"[{code}]" in output, output
    assert sum(line.startswith("error:") for line in output.splitlines()) <= 1, output
    return output


# --- the model directory, broken ------------------------------------------------------------

def broken_model(kind: str, folder: Path) -> Path:
    """A copy of the shipped model with one thing wrong (the name says what)."""
    import shutil

    model = folder / f"model-{kind}"
    if kind == "missing":
        return model
    shutil.copytree(nlp.models.default_model_path(), model)
    if kind == "meta_garbage":
        (model / "meta.json").write_text("{not json at all", encoding="utf-8")
    elif kind == "component_deleted":
        shutil.rmtree(model / "ner")
    elif kind == "config_truncated":
        config = (model / "config.cfg").read_text(encoding="utf-8")
        (model / "config.cfg").write_text(config[: len(config) // 3], encoding="utf-8")
    elif kind == "weights_truncated":
        weights = (model / "ner" / "model").read_bytes()
        (model / "ner" / "model").write_bytes(weights[:100])
    elif kind == "not_a_model":
        shutil.rmtree(model)
        model.mkdir()
        (model / "notes.txt").write_text("just a folder", encoding="utf-8")
    else:
        raise ValueError(kind)
    return model


MODEL_BREAKS = ["missing", "not_a_model", "meta_garbage", "component_deleted", "config_truncated", "weights_truncated"]


# --- a command in its own process, to interrupt it -------------------------------------------

def start_exhibit(args: Sequence[str], cwd: Path = ROOT) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", "from nlp.cli import main; main()", *map(str, args)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=cwd)


def interrupt_when(proc: subprocess.Popen, ready: Callable[[], bool], patience: float = 300.0) -> Dict[str, object]:
    """Wait until `ready()` (the command has started its work), send SIGINT as Ctrl-C does,
    and return its exit code and output. Gives up (kills it) after `patience` seconds."""
    waited = 0.0
    while not ready():
        if proc.poll() is not None:
            out, err = proc.communicate()
            pytest.fail(f"ended before it could be interrupted ({proc.returncode}): {err.decode()[-2000:]}")
        if waited > patience:
            proc.kill()
            pytest.fail("never got ready to be interrupted")
        time.sleep(0.1)
        waited += 0.1
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=patience)
    return {"code": proc.returncode, "stdout": out.decode("utf-8", "replace"),
            "stderr": err.decode("utf-8", "replace")}


def is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0
