"""Exhibits, JSONL, SGML and HTML inputs are untrusted: reading them never runs code from them,
never fetches anything and never expands entities. Model directories are read only through
spaCy's own formats (config, JSON, msgpack), never unpickled."""
from __future__ import annotations

import ast
import json
import socket
from pathlib import Path
from typing import List

import pytest

import nlp.models
from nlp.readers import ReadOptions, iter_inputs, read_html_exhibit
from nlp.readers.sgml import iter_sgml_exhibits
from reliability_support import ROOT, invoke

# Unpickling runs whatever code the data names, and eval/exec run text as code: a model folder
# or an input file someone sends could then take over the machine. spaCy's own formats (config,
# JSON, msgpack of arrays) carry data only, so the package must never use the modules and
# builtins below; this test reads every module of the package to keep it so.
UNSAFE_MODULES = {"pickle", "cPickle", "_pickle", "dill", "joblib", "marshal", "shelve", "cloudpickle"}
UNSAFE_BUILTINS = {"eval", "exec", "compile", "__import__"}
UNSAFE_ATTRIBUTES = {"read_pickle", "pickle_loads", "unsafe_load", "full_load"}  # srsly, yaml


def _package_sources() -> List[Path]:
    return sorted(p for folder in ("nlp", "training") for p in (ROOT / folder).rglob("*.py"))


def _unsafe_uses(path: Path) -> List[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
        where = f"{shown}:{getattr(node, 'lineno', '?')}"
        if isinstance(node, ast.Import):
            found += [f"{where}: import {a.name}" for a in node.names if a.name.split(".")[0] in UNSAFE_MODULES]
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in UNSAFE_MODULES:
            found.append(f"{where}: from {node.module} import")
        elif isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Name) and func.id in UNSAFE_BUILTINS:
                found.append(f"{where}: {func.id}()")
            if isinstance(func, ast.Attribute) and func.attr in UNSAFE_ATTRIBUTES:
                found.append(f"{where}: .{func.attr}()")
            if isinstance(func, ast.Attribute) and func.attr in ("load", "loads") and \
                    isinstance(func.value, ast.Name) and func.value.id in UNSAFE_MODULES | {"yaml", "torch"}:
                found.append(f"{where}: {func.value.id}.{func.attr}()")
            for keyword in node.keywords:
                if keyword.arg == "allow_pickle" and not (isinstance(keyword.value, ast.Constant) and keyword.value.value is False):
                    found.append(f"{where}: allow_pickle=")
    return found


def test_the_package_never_unpickles_or_evaluates():
    sources = _package_sources()
    assert len(sources) > 40  # the scan really read the package
    unsafe = [use for path in sources for use in _unsafe_uses(path)]
    assert unsafe == []


def test_the_scan_would_see_an_unsafe_use(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("import pickle\nfrom joblib import load\nx = eval('1')  # pickle.loads in a comment is fine\n"
                      "import numpy\nnumpy.load('a', allow_pickle=True)\n", encoding="utf-8")
    assert [use.split(": ", 1)[1] for use in _unsafe_uses(sample)] == [
        "import pickle", "from joblib import", "eval()", "allow_pickle="]


_PICKLE_START = (b"\x80\x02", b"\x80\x03", b"\x80\x04", b"\x80\x05")


def test_the_shipped_model_holds_no_pickle():
    model = nlp.models.default_model_path()
    files = [p for p in model.rglob("*") if p.is_file()]
    assert files
    for path in files:
        head = path.read_bytes()[:2]
        assert not (head in _PICKLE_START and path.read_bytes().endswith(b".")), path
    for path in model.rglob("*.json"):
        json.loads(path.read_text(encoding="utf-8"))  # JSON files are JSON


# --- HTML and SGML: nothing fetched, no entity expanded ---------------------------------------

SECRET = "TOP-SECRET-PASSPHRASE"


def _hostile_html(secret_file: Path) -> str:
    # Only loopback addresses: even if something did connect, no traffic would leave the machine.
    return f"""<?xml version="1.0"?>
<!DOCTYPE html SYSTEM "http://127.0.0.1:9/evil.dtd" [
  <!ENTITY xxe SYSTEM "file://{secret_file}">
  <!ENTITY remote SYSTEM "http://127.0.0.1:9/entity.txt">
  <!ENTITY lol "lollollollollollollollollollol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
]>
<html><head>
<link rel="stylesheet" href="http://127.0.0.1:9/style.css">
<script src="http://127.0.0.1:9/tracker.js"></script>
<style>@import url("http://127.0.0.1:9/more.css");</style>
</head><body>
<img src="http://127.0.0.1:9/pixel.gif"><iframe src="http://127.0.0.1:9/frame.html"></iframe>
<object data="http://127.0.0.1:9/object.swf"></object>
<p>Acme Corp. sold 1,000 shares of Common Stock. &xxe; &remote; &lol2;</p>
</body></html>
"""


@pytest.fixture
def no_network(monkeypatch):
    """Every way out of the process records the attempt and fails."""
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise OSError("network use in a test")

    monkeypatch.setattr(socket.socket, "connect", lambda self, *a: refuse(*a))
    monkeypatch.setattr(socket.socket, "connect_ex", lambda self, *a: refuse(*a))
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return attempts


@pytest.fixture
def hostile_page(tmp_path) -> Path:
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    page = tmp_path / "ex99-1.htm"
    page.write_text(_hostile_html(secret), encoding="utf-8")
    return page


def _assert_inert(text: str) -> None:
    assert "Acme Corp. sold 1,000 shares of Common Stock." in text
    assert SECRET not in text
    assert "lollollol" not in text  # entities are never expanded, so no billion laughs either


def test_the_html_reader_fetches_nothing_and_expands_no_entity(no_network, hostile_page):
    item = read_html_exhibit(hostile_page)
    _assert_inert(item.text)
    assert no_network == []


def test_the_sgml_reader_fetches_nothing_and_expands_no_entity(no_network, hostile_page, tmp_path):
    submission = tmp_path / "0000000000-26-000001.txt"
    submission.write_text(
        "<SEC-DOCUMENT>0000000000-26-000001.txt : 20260101\n<SEC-HEADER>\n"
        "ACCESSION NUMBER:\t\t0000000000-26-000001\n</SEC-HEADER>\n"
        "<DOCUMENT>\n<TYPE>EX-99.1\n<SEQUENCE>2\n<FILENAME>ex99-1.htm\n<TEXT>\n"
        + hostile_page.read_text(encoding="utf-8") + "</TEXT>\n</DOCUMENT>\n", encoding="utf-8")
    (item,) = list(iter_sgml_exhibits(submission))
    _assert_inert(item.text)
    (dispatched,) = list(iter_inputs([submission, ], ReadOptions()))
    assert dispatched.text == item.text
    assert no_network == []


def test_predict_on_a_hostile_page_fetches_nothing(cached_model, no_network, hostile_page):
    result = invoke(["predict", hostile_page])
    assert result.exit_code == 0, result.output
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    _assert_inert(record["text"])
    assert no_network == []
