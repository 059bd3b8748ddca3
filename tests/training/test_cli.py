"""The training tools report the project's coded errors in one line with their exit code."""
import subprocess
import sys

from nlp.errors import ModelError


def test_a_coded_error_is_one_line_and_its_exit_code(tmp_path):
    result = subprocess.run([sys.executable, "-m", "training.relation_constraints", str(tmp_path), str(tmp_path / "c.jsonl")],
                            capture_output=True, text=True)
    assert result.returncode == ModelError.exit_code
    assert result.stderr.strip().splitlines() == [f"error: [E387] {tmp_path}: no config.cfg, not a saved spaCy pipeline"]
    assert "Traceback" not in result.stderr + result.stdout
