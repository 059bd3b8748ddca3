"""Bad configs and bad training data through `exhibit train` and `exhibit cross-validate`:
every problem stops the run before any training, in one line naming the file, section and
setting or the record; the data problems read exactly as `exhibit validate` words them."""
from __future__ import annotations

from pathlib import Path

import pytest

from reliability_support import (
    CONFIG, SEEDS, TINY, assert_clear_failure, interrupt_when, invoke, make_jsonl, seed_rows, start_exhibit,
    write_rows,
)


def _dev(folder: Path) -> Path:
    """A clean dev file whose ids differ from the seeds (so only the train file has problems)."""
    rows = seed_rows()
    for row in rows:
        row["id"] = "dev-" + row["id"]
    return write_rows(folder / "zz-dev.jsonl", rows)


def _config(folder: Path, old: str, new: str) -> Path:
    text = CONFIG.read_text(encoding="utf-8")
    assert old in text
    path = folder / "typo.cfg"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def _train(config: Path, folder: Path, *extra):
    return invoke(["train", config, "--train", SEEDS, "--dev", _dev(folder), "-o", folder / "out", *extra])


# (name, old text of configs/default.cfg, new text, error code, what the message names)
CONFIG_CASES = [
    ("training-key", "max_steps = 2400", "max_stepz = 2400", "E166", "[training] max_stepz: unknown setting; did you mean max_steps?"),
    ("function-argument", "tolerance = 0.2", "tolerence = 0.2", "E072", "batcher.tolerence: unexpected argument"),
    ("registered-name", "spacy.Tok2Vec.v2", "spacy.Tok2Vec.v9", "E072", "Could not find function 'spacy.Tok2Vec.v9'"),
    ("section-name", "[training]\n", "[trainig]\n", "E071", "Section 'training' is not defined"),
    ("not-a-config", "[paths]", "paths", "E071", "invalid config"),
]


@pytest.mark.parametrize("name, old, new, code, says", CONFIG_CASES, ids=[c[0] for c in CONFIG_CASES])
def test_a_config_with_a_typo_is_exit_4_naming_the_setting(tmp_path, name, old, new, code, says):
    config = _config(tmp_path, old, new)
    result = _train(config, tmp_path)
    assert_clear_failure(result, 4, f"{config}: ", says, code=code)
    assert not (tmp_path / "out" / "model-last").exists()


def test_a_truncated_config_is_exit_4(tmp_path):
    config = tmp_path / "cut.cfg"
    text = CONFIG.read_text(encoding="utf-8")
    config.write_text(text[: text.index("[components.ner]")], encoding="utf-8")
    result = _train(config, tmp_path)
    assert_clear_failure(result, 4, f"{config}: ")


def test_a_missing_config_is_exit_4(tmp_path):
    result = _train(tmp_path / "nowhere.cfg", tmp_path)
    assert_clear_failure(result, 4, f"{tmp_path / 'nowhere.cfg'}: config file not found", code="E070")


def test_a_typo_in_an_override_is_exit_4(tmp_path):
    result = _train(CONFIG, tmp_path, "--training.max_stepz", "3")
    assert_clear_failure(result, 4, "[training] max_stepz: unknown setting", code="E166")


DATA_CASES = ["empty", "malformed_middle", "not_an_object", "entities_not_a_list", "duplicate_ids", "out_of_range", "overlapping",
              "whitespace_span", "unknown_label", "relation_to_missing_entity"]


@pytest.mark.parametrize("kind", DATA_CASES)
def test_training_data_problems_stop_train_with_validates_words(tmp_path, kind):
    bad = make_jsonl(kind, tmp_path)
    validated = invoke(["validate", bad])
    assert validated.exit_code == 1
    first_problem = validated.stdout.splitlines()[0]
    result = invoke(["train", CONFIG, "--train", bad, "--dev", _dev(tmp_path), "-o", tmp_path / "out"])
    assert_clear_failure(result, 2, first_problem, code="E061")
    assert not (tmp_path / "out").exists()  # stopped before the output folder was made


@pytest.mark.parametrize("kind", ["binary", "latin1"])
def test_undecodable_training_data_names_the_line(tmp_path, kind):
    bad = make_jsonl(kind, tmp_path)
    result = invoke(["train", CONFIG, "--train", bad, "--dev", _dev(tmp_path), "-o", tmp_path / "out"])
    assert_clear_failure(result, 2, f"{bad}:2: not UTF-8 text", code="E004")


def test_train_output_under_a_file_is_named(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    result = invoke(["train", CONFIG, "--train", SEEDS, "--dev", _dev(tmp_path), "-o", blocker / "out"])
    assert_clear_failure(result, 2, f"{blocker / 'out'}: cannot create the output folder", code="E168")


def test_cross_validate_checks_the_corpus_first(tmp_path):
    bad = make_jsonl("duplicate_ids", tmp_path)
    result = invoke(["cross-validate", CONFIG, "--folds", "2", "--corpus", bad])
    assert_clear_failure(result, 2, f"{bad}:2: ", "duplicate id", code="E061")


def test_cross_validate_checks_the_config_first(tmp_path):
    config = _config(tmp_path, "max_steps = 2400", "max_stepz = 2400")
    result = invoke(["cross-validate", config, "--folds", "2", "--corpus", SEEDS])
    assert_clear_failure(result, 4, f"{config}: [training] max_stepz", code="E166")


@pytest.mark.parametrize("folds", ["0", "1"])
def test_cross_validate_needs_two_folds(tmp_path, folds):
    result = invoke(["cross-validate", CONFIG, "--folds", folds, "--corpus", SEEDS])
    assert_clear_failure(result, 2, f"--folds must be 2 or more, not {folds}", code="E111")


def test_ctrl_c_during_train_exits_130_and_keeps_model_last(tmp_path):
    out = tmp_path / "out"
    args = ["train", CONFIG, "--train", SEEDS, "--dev", _dev(tmp_path), "-o", out, *TINY]
    steps = args.index("--training.max_steps") + 1
    args[steps] = "100000"  # longer than the test waits: it is interrupted after its first evaluation
    proc = start_exhibit(args)
    done = interrupt_when(proc, lambda: (out / "model-last" / "meta.json").exists())
    assert done["code"] == 130, done["stderr"][-2000:]
    assert "interrupted; finished output was kept" in done["stderr"]
    assert "Traceback" not in done["stderr"] + done["stdout"]
    assert (out / "model-last" / "meta.json").exists()
