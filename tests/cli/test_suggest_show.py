"""`exhibit suggest` (uncertainty order on a stub pipeline whose scores the test sets, and on
the shipped model) and `exhibit show` (an offline HTML page that parses)."""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest
import spacy
from spacy.language import Language
from typer.testing import CliRunner

from conftest import ROOT
from nlp.cli import app
from nlp.readers import ExhibitInput
from nlp.suggest import closeness, entity_disagreement, suggest_records

runner = CliRunner()
EXAMPLES = ROOT / "corpus" / "examples"


class StubRelations:
    """Entities "Acme" and "Common Stock"; the OFFERS probability is written in the text."""

    def __init__(self):
        self.cfg = {"threshold": 0.5}

    def __call__(self, doc):
        doc.ents = [doc.char_span(0, 4, "ISSUER"), doc.char_span(10, 22, "SECURITY")]
        probability = float(re.search(r"p=([0-9.]+)", doc.text).group(1))
        keep = probability >= self.cfg["threshold"]
        doc._.relations = {((0, 4), (10, 22)): {"OFFERS": probability}} if keep else {}
        return doc


@Language.factory("test_stub_relations", assigns=["doc._.relations"])
def make_stub_relations(nlp, name):
    return StubRelations()


@pytest.fixture(scope="module")
def stub_nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe("test_stub_relations")
    return nlp


PROBABILITIES = {"sure_yes": 0.95, "close_no": 0.48, "sure_no": 0.1, "close_yes": 0.6}


def _inputs():
    return [ExhibitInput(name, f"Acme sold Common Stock. p={p}", f"{name}.txt") for name, p in PROBABILITIES.items()]


def test_closeness_to_threshold():
    assert closeness(0.5, 0.5) == 1.0 and closeness(0.0, 0.5) == 0.0 and closeness(1.0, 0.5) == 0.0
    assert closeness(0.48, 0.5) == pytest.approx(0.96) and closeness(0.6, 0.5) == pytest.approx(0.8)
    assert closeness(0.7, 0.6) == pytest.approx(0.75)


def test_entity_disagreement_is_the_changed_share_of_spans():
    doc = spacy.blank("en")("Acme sold Common Stock to Bolt")
    doc.ents = [doc.char_span(0, 4, "ISSUER"), doc.char_span(10, 22, "SECURITY")]
    recognized = {(0, 4, "ISSUER"), (26, 30, "AGENT")}
    assert entity_disagreement(recognized, doc) == pytest.approx(2 / 3)
    assert entity_disagreement(None, doc) is None


def test_suggest_orders_by_closeness_and_keeps_only_decided_relations(stub_nlp):
    records = suggest_records(stub_nlp, _inputs())
    assert [r.id for r in records] == ["close_no", "close_yes", "sure_no", "sure_yes"]
    by_id = {r.id: r for r in records}
    assert by_id["close_no"].meta["uncertainty"] == pytest.approx(0.96)
    assert by_id["close_no"].meta["uncertainty_parts"] == {"relations": pytest.approx(0.96)}
    assert by_id["close_no"].meta["source"] == "close_no.txt"
    assert by_id["close_no"].relations == [] and len(by_id["close_yes"].relations) == 1
    assert stub_nlp.get_pipe("test_stub_relations").cfg["threshold"] == 0.5  # restored


def test_suggest_cli_on_a_saved_stub_model(stub_nlp, tmp_path):
    stub_nlp.to_disk(tmp_path / "stub")
    for item in _inputs():
        (tmp_path / f"{item.id}.txt").write_text(item.text)
    out = tmp_path / "tasks.jsonl"
    result = runner.invoke(app, ["suggest", str(tmp_path), "--model", str(tmp_path / "stub"), "--to", "doccano",
                                 "--output", str(out)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["exhibit_id"] for r in rows] == ["close_no", "close_yes", "sure_no", "sure_yes"]
    assert [len(r["relations"]) for r in rows] == [0, 1, 0, 1]


@pytest.fixture(scope="module")
def shipped_suggestions(tmp_path_factory):
    out = tmp_path_factory.mktemp("suggest") / "tasks.jsonl"
    result = runner.invoke(app, ["suggest", str(EXAMPLES), "--to", "prodigy", "-o", str(out)])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in out.read_text().splitlines()]


def test_suggest_with_the_shipped_model_writes_prodigy_tasks_most_uncertain_first(shipped_suggestions):
    tasks = shipped_suggestions
    assert sorted(t["exhibit_id"] for t in tasks) == sorted(p.stem for p in EXAMPLES.glob("*.txt"))
    scores = [t["meta"]["uncertainty"] for t in tasks]
    assert scores == sorted(scores, reverse=True) and all(0 <= s <= 1 for s in scores)
    assert set(tasks[0]["meta"]["uncertainty_parts"]) == {"relations", "issuer", "entities"}
    assert all(t["spans"] for t in tasks) and any(t["relations"] for t in tasks)


class _TagBalance(HTMLParser):
    """Checks that every opened element is closed in order (void elements excepted)."""

    VOID = {"br", "meta", "hr", "img", "input", "link"}

    def __init__(self):
        super().__init__()
        self.stack, self.errors, self.attributes = [], [], []

    def handle_starttag(self, tag, attrs):
        self.attributes.extend(attrs)
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()


def test_show_writes_an_offline_page_that_parses(tmp_path):
    page = tmp_path / "show.html"
    result = runner.invoke(app, ["show", str(EXAMPLES / "seed_innovo_ex99_20031202.txt"), "--html", str(page)])
    assert result.exit_code == 0, result.output
    text = page.read_text(encoding="utf-8")
    parser = _TagBalance()
    parser.feed(text)
    parser.close()
    assert parser.errors == [] and parser.stack == []
    # nothing is loaded from elsewhere
    assert not [value for name, value in parser.attributes if name in ("src", "href")]
    assert "@import" not in text and "url(" not in text
    assert '<mark class="entity"' in text and "<h3>Text, each sentence followed by its relations</h3>" in text
    assert text.index("<h3>Facts") < text.index("<h3>Warnings</h3>") < text.index('<div class="sentence">')
    assert re.search(r"→ (OFFERS|PRICE_OF|QUANTITY_OF|RAISES) →", text)


def test_show_missing_input_is_one_line(tmp_path):
    result = runner.invoke(app, ["show", str(tmp_path / "none.txt"), "--html", str(tmp_path / "x.html")])
    assert result.exit_code == 2 and "no such file" in result.output and "Traceback" not in result.output
