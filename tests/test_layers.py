"""Layering: the model code in nlp/ml must not import the pipeline components above it."""

import ast
from pathlib import Path

import nlp

ML_DIR = Path(nlp.__file__).parent / "ml"


def _pipeline_imports(path: Path) -> list:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level == 0:
                names = [module]
            elif node.level == 1:
                names = [f"nlp.ml.{module}"]
            else:  # ..x from nlp/ml resolves to nlp.x
                names = [f"nlp.{module}" if module else "nlp"]
                if not module:
                    names += [f"nlp.{alias.name}" for alias in node.names]
        else:
            continue
        found += [n for n in names if n == "nlp.pipeline" or n.startswith("nlp.pipeline.")]
    return found


def test_ml_modules_do_not_import_pipeline():
    offenders = {
        str(path.name): hits
        for path in sorted(ML_DIR.rglob("*.py"))
        if (hits := _pipeline_imports(path))
    }
    assert offenders == {}
