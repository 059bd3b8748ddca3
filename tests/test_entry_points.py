"""spacy.load and spacy train find the project's registered functions through the entry points
in pyproject.toml, without importing nlp first: a function registered in code but missing there
loads in the tests (which import nlp) and fails for a user."""
import importlib
import pkgutil
from pathlib import Path

import pytest
from spacy.util import registry

import nlp

tomllib = pytest.importorskip("tomllib")  # Python 3.11 or later reads pyproject.toml
ROOT = Path(__file__).resolve().parents[1]
GROUPS = {
    "spacy_tokenizers": registry.tokenizers,
    "spacy_architectures": registry.architectures,
    "spacy_readers": registry.readers,
    "spacy_scorers": registry.scorers,
}


def _import_every_module():
    for module in pkgutil.walk_packages(nlp.__path__, prefix="nlp."):
        importlib.import_module(module.name)


@pytest.mark.parametrize("group", sorted(GROUPS))
def test_every_registered_exhibit_function_has_an_entry_point(group):
    _import_every_module()
    listed = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["entry-points"][group]
    registered = {name for name in GROUPS[group].get_all() if name.startswith("exhibit.")}
    assert registered and registered <= set(listed)
    for name, target in listed.items():  # each entry point names the function registered
        module, function = target.split(":")
        assert getattr(importlib.import_module(module), function) is GROUPS[group].get(name)
