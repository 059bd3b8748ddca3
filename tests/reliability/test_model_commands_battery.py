"""Bad inputs through the other commands that run a model: evaluate, suggest and show.
Broken models are exit 3, bad exhibits and gold exit 2, always in one line naming the file
or record; output places are checked before any exhibit is run."""
from __future__ import annotations

from pathlib import Path

import pytest

from reliability_support import (
    EX32, SEEDS, assert_clear_failure, broken_model, invoke, make_jsonl, seed_rows,  # noqa: F401
     # noqa: F401
)

CERT_ID = seed_rows()[1]["id"]


def _suggest(inputs, tmp: Path, *extra):
    return ["suggest", *inputs, "-o", tmp / "tasks.jsonl", *extra]


def _show(inputs, tmp: Path, *extra):
    return ["show", *inputs, "--html", tmp / "page.html", *extra]


def _exhibit(kind: str, folder: Path) -> Path:
    path = folder / f"{kind}.txt"
    if kind == "empty":
        path.write_bytes(b"")
    elif kind == "binary":
        path.write_bytes(bytes(range(256)) * 64)
    elif kind == "latin1":
        path.write_bytes("Soci\xe9t\xe9 G\xe9n\xe9rale".encode("latin-1"))
    elif kind == "huge":
        line = b"Acme Corp. sold 1,000 shares of Common Stock at $2.00 per share.\n"
        path.write_bytes(line * (20 * 1024 * 1024 // len(line) + 1))  # 20 MB
    return path


# (bad exhibit, error code, what the message says after the path)
EXHIBIT_CASES = [
    ("empty", "E057", ": empty: empty text"),
    ("binary", "E050", ": not utf-8 text (byte 128)"),
    ("latin1", "E050", ": not utf-8 text (byte 4)"),
    ("huge", "E058", ": huge: 20,971,535 bytes, more than --max-chars 2,000,000 characters"),
]


@pytest.mark.parametrize("command", [_suggest, _show], ids=["suggest", "show"])
@pytest.mark.parametrize("kind, code, says", EXHIBIT_CASES, ids=[c[0] for c in EXHIBIT_CASES])
def test_a_bad_exhibit_stops_suggest_and_show_naming_it(cached_model, tmp_path, command, kind, code, says):
    bad = _exhibit(kind, tmp_path)
    result = invoke(command([EX32, bad], tmp_path))
    assert_clear_failure(result, 2, f"{bad}{says}", code=code)
    assert not (tmp_path / "tasks.jsonl").exists() and not (tmp_path / "page.html").exists()


@pytest.mark.parametrize("command", [_suggest, _show], ids=["suggest", "show"])
def test_max_chars_is_the_limit_of_suggest_and_show(cached_model, tmp_path, command):
    result = invoke(command([EX32], tmp_path, "--max-chars", "100"))
    assert_clear_failure(result, 2, f"{EX32}: {EX32.stem}: ", "more than --max-chars 100 characters", code="E058")


@pytest.mark.parametrize("command", [_suggest, _show], ids=["suggest", "show"])
def test_output_under_a_file_stops_before_any_exhibit_is_run(tmp_path, command):
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    result = invoke(command([EX32], blocker, "--model", tmp_path / "no-model"))
    assert_clear_failure(result, 2, f"{blocker} is a file, not a folder", code="E163")


@pytest.mark.parametrize("kind", ["missing", "meta_garbage", "component_deleted"])
@pytest.mark.parametrize("command", ["suggest", "show", "evaluate"])
def test_a_broken_model_is_exit_3_naming_it(tmp_path, command, kind):
    model = broken_model(kind, tmp_path)
    args = {"suggest": _suggest([EX32], tmp_path, "--model", model),
            "show": _show([EX32], tmp_path, "--model", model),
            "evaluate": ["evaluate", SEEDS, "--model", model]}[command]
    assert_clear_failure(invoke(args), 3, f"{model}: ")


@pytest.mark.parametrize("kind, code, says", [
    ("overlapping", "E165", "entities overlap"),  # crashed while predicting relations on gold entities
    ("out_of_range", "E165", "is out of range"),
    ("duplicate_ids", "E162", "duplicate id"),
    ("empty", "E161", "holds no records"),
])
def test_bad_gold_stops_evaluate_before_the_model_runs(cached_model, tmp_path, kind, code, says):
    gold = make_jsonl(kind, tmp_path)
    result = invoke(["evaluate", gold, "--json"])
    assert_clear_failure(result, 2, f"{gold}: ", says, code=code)


def test_a_bad_prediction_file_in_compare_is_named(tmp_path):
    bad = make_jsonl("duplicate_ids", tmp_path)
    result = invoke(["evaluate", SEEDS, "--compare", SEEDS, "--compare", bad])
    assert_clear_failure(result, 2, f"{bad}: record {CERT_ID}: duplicate id", code="E162")
