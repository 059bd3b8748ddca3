"""The evaluation report as terminal text, Markdown and a self-contained HTML page."""
from __future__ import annotations

from html.parser import HTMLParser

import pytest

from nlp.bootstrap import BootstrapSettings
from nlp.evaluation import SystemOutput, analyze_system, compare_systems
from nlp.io.records import Entity, ExhibitRecord, Relation
from nlp.reports import html, markdown, terminal
from nlp.reports.document import Marked, Paragraph, Table, comparison_document, evaluation_document
from nlp.scoring import pair_documents

TEXT = "Acme Corp. sold 1,000 shares of Common Stock at $2.00 per share.\n\nContact: Jane Roe | <b>IR</b>"
GOLD = [
    ExhibitRecord("acme-1", TEXT, "offering",
                  [Entity(0, 10, "ISSUER"), Entity(16, 21, "QUANTITY"), Entity(32, 44, "SECURITY"), Entity(48, 53, "PRICE")],
                  [Relation((48, 53), (32, 44), "PRICE_OF")]),
    ExhibitRecord("acme-2", TEXT, "offering", [Entity(0, 10, "ISSUER")]),
]
PRED = [
    ExhibitRecord("acme-1", TEXT, "offering",
                  [Entity(0, 10, "ISSUER"), Entity(16, 21, "PRICE"), Entity(39, 44, "SECURITY")]),
    ExhibitRecord("acme-2", TEXT, "offering", [Entity(0, 10, "ISSUER")]),
]
SETTINGS = BootstrapSettings(resamples=50, seed=1)


@pytest.fixture(scope="module")
def report():
    return analyze_system(GOLD, SystemOutput("pred.jsonl", PRED), SETTINGS, errors_limit=5)


class Outline(HTMLParser):
    """Tags, attributes and the text of <caption>s and <h*> of a page."""

    def __init__(self):
        super().__init__()
        self.tags, self.attrs, self.captions, self.headings, self._in = [], [], [], [], None

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs += attrs
        self._in = tag

    def handle_endtag(self, tag):
        self._in = None

    def handle_data(self, data):
        if self._in == "caption":
            self.captions.append(data)
        elif self._in in ("h1", "h2", "h3"):
            self.headings.append(data)


def test_terminal_report_aligns_tables_and_marks_errors(report):
    text = terminal.render(evaluation_document(report, "evaluation"))
    lines = text.splitlines()
    assert lines[0] == "evaluation" and lines[1] == "=" * len("evaluation")
    assert "documents: 2; intervals: 95% bootstrap over documents, 50 resamples, seed 1" in text
    micro_line = next(line for line in lines if line.startswith("entities, strict"))
    # strict: tp 2 (ISSUER twice), fp 2, fn 3 -> P 0.5, R 0.4, F1 0.444
    assert micro_line.split()[-7:] == ["0.500", "0.333–1.000", "0.400", "0.250–1.000", "0.444", "0.286–1.000", "0.250"]
    assert "wrong label QUANTITY entity (1)" in text
    assert "…p. sold 1,000 shares of Common Stock at [$2.00] per share. Contact: Jane Roe" in text
    header = next(i for i, line in enumerate(lines) if line.startswith("label     wrong boundary"))
    assert lines[header + 1].startswith("--------  --------------")


def test_markdown_report_has_pipe_tables_and_escapes_markup(report):
    text = markdown.render(evaluation_document(report, "evaluation"))
    assert text.startswith("# evaluation\n")
    assert "| label | P | R | F1 | tp | fp | fn |" in text and "| --- | ---: | ---: |" in text
    assert "| ISSUER | 1.000 | 1.000 | 1.000 | 2 | 0 | 0 |" in text
    assert r"Jane Roe \| \<b\>IR" in text  # a pipe or tag in the text cannot break the table
    assert "**$2.00**" in text


def test_markdown_and_terminal_render_cells_alike():
    table = Table("t", ["a", "n"], [[Marked("x ", "y", " z"), "1"]], numeric=[1])
    assert terminal.render([Paragraph("p"), table]).splitlines()[-1] == "x [y] z  1"
    assert markdown.render([table]).splitlines()[-1] == "| x **y** z | 1 |"


def test_html_render_of_a_document_holds_its_tables_and_the_marked_documents(report, tmp_path):
    pairs, _, _ = pair_documents(GOLD, PRED)
    exhibits = html.exhibits_with_errors(report, pairs)
    assert [gold.id for gold, _ in exhibits] == ["acme-1"]
    page = html.render(evaluation_document(report, "evaluation"), "evaluation", exhibits)
    outline = Outline()
    outline.feed(page)
    outline.close()
    assert outline.tags[:4] == ["html", "head", "meta", "title"]
    assert "micro scores" in outline.captions
    assert "entity label confusion (rows: gold label, columns: predicted label)" in outline.captions
    assert outline.tags.count("table") == len(outline.captions) >= 10
    # one rendering per document, its differences marked (tests/reports/test_evaluation_page.py)
    assert page.count('<details class="exhibit"') == 1 and 'class="ent label"' in page
    assert "acme-2" not in page.split('<section id="exhibits">')[1]
    assert '<a href="#doc-acme-1">acme-1</a>' in page and 'id="doc-acme-1"' in page
    assert "&lt;b&gt;IR&lt;/b&gt;" in page and "<b>IR</b>" not in page
    # viewable offline: no scripts, stylesheets, fonts or images from anywhere
    assert not {"script", "link", "img", "iframe"} & set(outline.tags)
    assert all(not value or not value.startswith(("http", "//")) for name, value in outline.attrs if name in ("href", "src"))
    assert "@import" not in page and "url(" not in page


def test_comparison_renders_difference_table():
    b = SystemOutput("gold.jsonl", GOLD)
    result = compare_systems(GOLD, SystemOutput("pred.jsonl", PRED), b, SETTINGS)
    text = terminal.render(comparison_document(result))
    assert "A: pred.jsonl" in text and "B: gold.jsonl" in text
    row = next(line for line in text.splitlines() if line.startswith("entities, strict"))
    # A: F1 0.444 (see above), B is the gold itself; a resample of acme-2 alone ties them
    assert row.split()[-7:-2] == ["0.444", "1.000", "+0.556", "+0.000", "to"]
    assert result["comparison"]["entities_strict"]["ci"][0] == 0.0
    assert 0.5 < result["comparison"]["entities_strict"]["b_better_share"] < 1.0
