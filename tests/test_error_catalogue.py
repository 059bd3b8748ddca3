"""The error catalogue (nlp/error_catalogue.py) against the codes the package really raises.

The package source is scanned, not imported: a code is used wherever a string literal is exactly
a code ("E053": the argument of InputError, SkippedInput, JsonProblem or a helper's code
parameter) or a message starts with one ("[E160] ...").
"""
from __future__ import annotations

import ast
import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Dict, List, Set, Tuple

import pytest
from typer.testing import CliRunner

from nlp import error_catalogue
from nlp.cli import app
from nlp.error_catalogue import CATALOGUE, ENTRIES, meaning, render_markdown
from nlp.errors import InputError
from nlp.facts.export import plan_tables
from nlp.formats import conll
from nlp.formats.base import ConversionReport, FormatOptions

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("nlp", "training")
CATALOGUE_MODULE = "nlp.error_catalogue"
CODE = re.compile(r"[EW]\d{3}")
MESSAGE_CODE = re.compile(r"\[([EW]\d{3})\] ")
MENTION = re.compile(r"\b[EW]\d{3}\b")
NOQA = re.compile(r"#\s*noqa\b.*$", re.MULTILINE)  # flake8's own codes (E731) are not ours
ERROR_CLASSES = {"InputError", "ModelError", "ConfigError"}

Site = Tuple[str, int]  # (module, line)


def _module(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _sources(root: Path):
    for package in PACKAGES:
        for path in sorted((root / package).rglob("*.py")):
            module = _module(path, root)
            if module != CATALOGUE_MODULE:
                yield module, path.read_text(encoding="utf-8")


def _call_name(node: ast.Call) -> str:
    func = node.func
    return func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")


def scan(root: Path = ROOT):
    """(code -> module -> lines where it is used, code -> error classes raising it)."""
    sites: Dict[str, Dict[str, List[int]]] = defaultdict(lambda: defaultdict(list))
    classes: Dict[str, Set[str]] = defaultdict(set)
    for module, text in _sources(root):
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                found = CODE.fullmatch(node.value) or MESSAGE_CODE.match(node.value)
                if found:
                    sites[found.group(1) if found.re is MESSAGE_CODE else found.group(0)][module].append(node.lineno)
            elif isinstance(node, ast.Call) and _call_name(node) in ERROR_CLASSES and node.args:
                first = node.args[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str) and CODE.fullmatch(first.value):
                    classes[first.value].add(_call_name(node))
    return sites, classes


SITES, CLASSES = scan()


def _where(code: str) -> str:
    return "; ".join(f"{module}:{','.join(map(str, lines))}" for module, lines in sorted(SITES[code].items()))


def test_the_scanner_finds_codes_at_raise_sites_and_in_messages(tmp_path):
    package = tmp_path / "nlp" / "sub"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text(
        'def f(x):\n'
        '    """Mentions E997 in prose only."""\n'
        '    if x:\n'
        '        raise InputError("E999", f"{x}: bad")\n'
        '    fail(f"[E998] {x}: refused")\n'
        '    return SkippedInput(x, "E996", "skipped")  # E995 in a comment\n')
    sites, classes = scan(tmp_path)
    assert {code: dict(modules) for code, modules in sites.items()} == {
        "E999": {"nlp.sub": [4]}, "E998": {"nlp.sub": [5]}, "E996": {"nlp.sub": [6]}}
    assert dict(classes) == {"E999": {"InputError"}}


def test_the_scan_finds_the_package_codes():
    assert len(SITES) > 100 and "E001" in SITES and "E160" in SITES


def test_every_code_raised_is_catalogued():
    missing = sorted(set(SITES) - set(CATALOGUE))
    assert not missing, "add to nlp/error_catalogue.py: " + "; ".join(f"{c} ({_where(c)})" for c in missing)


def test_every_catalogued_code_is_raised_somewhere():
    unused = sorted(set(CATALOGUE) - set(SITES))
    assert not unused, f"catalogued but raised nowhere (remove them): {unused}"


def test_each_code_is_catalogued_once_with_its_own_meaning():
    twice = [code for code, n in Counter(entry.code for entry in ENTRIES).items() if n > 1]
    assert not twice, f"codes under two catalogue entries: {twice}"
    same = [s for s, n in Counter(entry.summary for entry in ENTRIES).items() if n > 1]
    assert not same, f"one meaning under two codes: {same}"
    assert all(CODE.fullmatch(entry.code) and entry.summary.strip() for entry in ENTRIES)


def test_a_code_raised_from_several_modules_is_shared_on_purpose():
    """A code raised from a module its entry does not name is an accidental reuse: the new
    place needs its own code (or the entry names the module, when the meaning is the same)."""
    wrong = []
    for code, modules in sorted(SITES.items()):
        entry = CATALOGUE.get(code)
        if entry is None:
            continue  # reported by test_every_code_raised_is_catalogued
        if (len(modules) > 1 or entry.shared_by) and set(modules) != set(entry.shared_by):
            wrong.append(f"{code} raised in {sorted(modules)}, catalogued for {sorted(entry.shared_by)}")
    assert not wrong, "\n".join(wrong)


def test_a_code_always_exits_the_same_way():
    mixed = {code: sorted(found) for code, found in CLASSES.items() if len(found) > 1}
    assert not mixed, f"one code raised as several error classes (exit codes): {mixed}"


def test_codes_named_in_comments_and_docs_are_catalogued():
    """A docstring, comment or page that names a code names one that exists (no stale number)."""
    texts = [(module, NOQA.sub("", text)) for module, text in _sources(ROOT)]
    pages = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    texts += [(str(page.relative_to(ROOT)), page.read_text(encoding="utf-8")) for page in pages if page.exists()]
    stale = sorted({f"{code} in {where}" for where, text in texts for code in MENTION.findall(text)
                    if code not in CATALOGUE})
    assert not stale, stale


def test_docs_errors_page_lists_exactly_the_catalogue():
    page = (ROOT / "docs" / "errors.md").read_text(encoding="utf-8")
    listed = re.findall(r"^\| ([EW]\d{3}) \|", page, re.MULTILINE)
    assert listed == sorted(CATALOGUE), "regenerate: python -m nlp.error_catalogue --markdown > docs/errors.md"
    assert page == render_markdown(), "regenerate: python -m nlp.error_catalogue --markdown > docs/errors.md"


def test_a_code_can_be_looked_up(capsys):
    assert meaning("E064") == CATALOGUE["E064"].summary and meaning("[e064]") == meaning("E064")
    assert meaning("E999") is None
    assert error_catalogue.main(["E360", "E999"]) == 1
    out = capsys.readouterr().out
    assert out.splitlines() == [f"E360: {CATALOGUE['E360'].summary}", "E999: not an exhibit-nlp code"]


# The codes split off from codes that had several meanings (issue 19): each fault has its own.

def test_an_unknown_backend_is_e361_not_the_encoding_code(tmp_path):
    text = tmp_path / "a.txt"
    text.write_text("Acme Corp. sold stock.")
    result = CliRunner().invoke(app, ["predict", str(text), "--backend", "slurm", "--model", str(tmp_path / "m")])
    assert result.exit_code == 2 and "[E361] --backend 'slurm': choose local or dask" in result.output


def test_an_unreachable_scheduler_is_e363_not_the_missing_package_code(monkeypatch):
    distributed = pytest.importorskip("distributed")
    from nlp.distributed import connect

    class Unreachable:
        def __init__(self, address, timeout):
            raise OSError("connection refused")

    monkeypatch.setattr(distributed, "Client", Unreachable)
    with pytest.raises(InputError) as err:
        connect("tcp://127.0.0.1:1")
    assert err.value.code == "E363" and "connection refused" in err.value.message


def test_conll_document_mode_and_tag_scheme_have_their_own_codes(tmp_path):
    with pytest.raises(InputError) as err:
        conll.read(tmp_path / "x.conll", FormatOptions(conll_docs="pages"), ConversionReport())
    assert err.value.code == "E364" and "'pages'" in err.value.message
    with pytest.raises(InputError) as err:
        conll.write([], tmp_path / "x.conll", FormatOptions(scheme="bio9"), ConversionReport())
    assert err.value.code == "E144" and "'bio9'" in err.value.message


def test_an_unknown_table_is_e366_not_the_table_format_code():
    with pytest.raises(InputError) as err:
        plan_tables(None, None, "dividends")
    assert err.value.code == "E366" and "'dividends'" in err.value.message
