"""The evaluation HTML page: per-label bars with bootstrap whiskers, a shaded confusion matrix,
differences marked in the documents, long parts folded, nothing loaded from elsewhere, and a
size that grows modestly with the number of documents."""
from __future__ import annotations

import re
from html.parser import HTMLParser

import numpy as np
import pytest

from nlp.bootstrap import BootstrapSettings, label_intervals
from nlp.evaluation import SystemOutput, analyze_system
from nlp.io.records import Entity, ExhibitRecord, Relation
from nlp.reports import html
from nlp.reports.diff import entity_differences, excerpts
from nlp.reports.document import evaluation_document
from nlp.scoring import pair_documents

TEXT = "Acme Corp. sold 1,000 shares of Common Stock at $2.00 per share.\n\nContact: Jane Roe | <b>IR</b>"
GOLD = [
    ExhibitRecord("acme-1", TEXT, "offering",
                  [Entity(0, 10, "ISSUER"), Entity(16, 21, "QUANTITY"), Entity(32, 44, "SECURITY"), Entity(48, 53, "PRICE")],
                  [Relation((48, 53), (32, 44), "PRICE_OF")]),
    ExhibitRecord("acme-2", TEXT, "offering", [Entity(0, 10, "ISSUER")]),
]
PRED = [  # QUANTITY read as PRICE, SECURITY cut short, PRICE missed, a spurious AGENT
    ExhibitRecord("acme-1", TEXT, "offering",
                  [Entity(0, 10, "ISSUER"), Entity(16, 21, "PRICE"), Entity(39, 44, "SECURITY"),
                   Entity(TEXT.index("Jane Roe"), TEXT.index("Jane Roe") + 8, "AGENT")]),
    ExhibitRecord("acme-2", TEXT, "offering", [Entity(0, 10, "ISSUER")]),
]
SETTINGS = BootstrapSettings(resamples=50, seed=1)


@pytest.fixture(scope="module")
def report():
    return analyze_system(GOLD, SystemOutput("pred.jsonl", PRED), SETTINGS, errors_limit=5)


@pytest.fixture(scope="module")
def page(report):
    pairs, _, _ = pair_documents(GOLD, PRED)
    document = evaluation_document(report, "exhibit evaluate: pred.jsonl on gold.jsonl")
    return html.report_page(report, document, pairs)


class Outline(HTMLParser):
    """Start tags with their attributes, and whether every tag is closed in order."""

    VOID = {"meta", "br", "rect", "line", "path"}

    def __init__(self):
        super().__init__()
        self.starts, self.stack, self.errors = [], [], []

    def handle_starttag(self, tag, attrs):
        self.starts.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.starts.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(tag)
        else:
            self.stack.pop()


def outline(page: str) -> Outline:
    parser = Outline()
    parser.feed(page)
    parser.close()
    return parser


def test_page_is_well_formed_and_titled(page):
    parsed = outline(page)
    assert parsed.errors == [] and parsed.stack == []
    assert "<h1>exhibit evaluate: pred.jsonl on gold.jsonl</h1>" in page
    anchors = [attrs["href"] for tag, attrs in parsed.starts if tag == "a"]
    ids = {attrs["id"] for _, attrs in parsed.starts if "id" in attrs}
    assert anchors and all(a.startswith("#") and a[1:] in ids for a in anchors)  # every link stays on the page


def test_bars_with_whiskers_for_every_label_of_every_block(report, page):
    for key in ("entities_strict", "relations_end_to_end"):
        labels = list(report[key]["per_label"])
        figure = page.split(f'aria-label="{html.BLOCK_TITLES[key]}: per label">')[1].split("</figure>")[0]
        for label in labels + ["micro", "macro"]:
            assert re.search(rf">{label}</text>", figure), label
            assert all(f"<title>{label} {name} " in figure for name in ("precision", "recall", "F1"))
        # a whisker over each bar with an interval: every label and micro, not macro
        assert figure.count('class="whisker"') == 3 * (len(labels) + 1)
        assert figure.count('class="bar-f"') == len(labels) + 2
    quantity = report["entities_strict"]["per_label"]["QUANTITY"]
    assert quantity["f"] == 0.0 and '<rect class="bar-f" x="' in page


def test_per_label_intervals_come_with_the_report(report):
    block = report["entities_strict"]
    for label, scores in block["per_label"].items():
        for key in ("p", "r", "f"):
            low, high = block["per_label_ci"][label][key]
            assert low <= scores[key] + 1e-9 and scores[key] - 1e-9 <= high


def test_label_intervals_skip_resamples_without_the_label():
    # the label is right in document 0 and absent from document 1: a resample of document 1
    # alone says nothing about it, so the interval stays at 1.0 rather than dropping to 0.0
    weights = np.array([[2, 0], [0, 2], [1, 1]])
    intervals = label_intervals({"AGENT": [(1, 0, 0), (0, 0, 0)]}, weights, BootstrapSettings(3))
    assert intervals["AGENT"]["f"] == [1.0, 1.0]


def test_confusion_matrix_is_shaded_with_missed_and_spurious(report, page):
    labels = report["confusion"]["labels"]
    matrix = page.split('<table class="confusion">')[1].split("</table>")[0]
    assert matrix.count('<td class="cell"') == len(labels) ** 2 - 1  # all but spurious x missed
    assert '<th scope="col">missed</th>' in matrix and '<th class="gold" scope="row">spurious</th>' in matrix
    confused = re.search(r'title="gold QUANTITY, predicted PRICE: 1" style="background: rgba\(198, 40, 40, ([\d.]+)\)"', matrix)
    agreed = re.search(r'title="gold ISSUER, predicted ISSUER: 2" style="background: rgba\(46, 125, 50, ([\d.]+)\)"', matrix)
    assert confused and agreed and float(agreed.group(1)) == 0.9  # the biggest agreement is darkest
    assert 'title="gold AGENT, predicted AGENT: 0">' in matrix  # an empty cell is not shaded


def test_documents_mark_each_kind_of_difference_with_a_legend(page):
    documents = page.split('<section id="exhibits">')[1]
    legend = documents.split('<p class="legend">')[1].split("</p>")[0]
    for kind in ("missed", "spurious", "label", "boundary"):
        assert f'class="ent {kind}"' in legend
    acme = documents.split('id="doc-acme-1"')[1]
    assert re.search(r'class="ent label"[^>]*>1,000<span class="tag">QUANTITY → PRICE</span>', acme)
    assert re.search(r'class="ent boundary"[^>]*>Common Stock<span class="tag">SECURITY boundary</span>', acme)
    assert 'title="wrong boundary (overlapping spans): gold “Common Stock” SECURITY; predicted “Stock” SECURITY"' in acme
    assert re.search(r'class="ent missed"[^>]*>\$2.00<span class="tag">PRICE missed</span>', acme)
    assert re.search(r'class="ent spurious"[^>]*>Jane Roe<span class="tag">AGENT spurious</span>', acme)
    assert re.search(r'class="ent ok"[^>]*>Acme Corp.<span class="tag">ISSUER</span>', acme)
    assert "missed PRICE_OF: “$2.00” → “Common Stock”" in acme
    assert "&lt;b&gt;IR&lt;/b&gt;" in acme and "<b>IR</b>" not in page
    assert 'id="doc-acme-2"' not in page  # no errors, not shown


def test_long_parts_are_folded(report, page):
    per_label = page.split('<section id="per-label">')[1].split("</section>")[0]
    folds = re.findall(r"<details( open)?><summary>([^<]+)</summary>", per_label)
    blocks = [html.BLOCK_TITLES[k] for k in html.block_names(report)]
    assert [title for _, title in folds if title in blocks] == blocks
    assert [bool(state) for state, title in folds if title in blocks] == [True] + [False] * (len(blocks) - 1)
    errors = page.split('<section id="errors">')[1].split("</section>")[0]
    assert "<details><summary>wrong label QUANTITY entity (1)</summary>" in errors
    assert '<a href="#doc-acme-1">acme-1</a>' in errors
    long_table = html.table_html(html.Table("many", ["n"], [[str(i)] for i in range(html.FOLD_ROWS + 1)]))
    assert long_table.startswith("<details><summary>many (13 rows)</summary>")


def test_nothing_is_loaded_from_elsewhere(page):
    parsed = outline(page)
    tags = {tag for tag, _ in parsed.starts}
    assert not {"script", "link", "img", "iframe", "object", "embed"} & tags
    for _, attrs in parsed.starts:
        for name in ("src", "href", "xlink:href"):
            assert not attrs.get(name, "#").startswith(("http:", "https:", "//")), attrs
    assert not re.search(r"https?://", page) and "@import" not in page and "url(" not in page


def test_sections_have_an_insertion_point(report):
    sections = html.evaluation_sections(report, pair_documents(GOLD, PRED)[0][:1])
    anchors = [s.anchor for s in sections]
    assert anchors[:4] == ["overview", "per-label", "confusion", "errors"] and anchors[-1] == "exhibits"
    sections.insert(-1, html.Section("extra", "extra scores", "<p>inserted</p>"))
    page = html.evaluation_page(report, "t", sections=sections)
    assert '<li><a href="#extra">extra scores</a></li>' in page
    assert page.index('<section id="extra">') < page.index('<section id="exhibits">')


def _corpus(n: int, length: int = 6000):
    """n long documents, each with one missed entity in the middle."""
    filler = "The company reported its results for the quarter in detail. " * (length // 60)
    gold, pred = [], []
    for k in range(n):
        text = filler + "Beta Holdings Inc. sold shares. " + filler
        start = len(filler)
        gold.append(ExhibitRecord(f"doc-{k}", text, "offering", [Entity(start, start + 18, "ISSUER")]))
        pred.append(ExhibitRecord(f"doc-{k}", text, "offering", []))
    return gold, pred


def test_page_grows_modestly_with_the_documents():
    sizes = {}
    for n in (4, 24):
        gold, pred = _corpus(n)
        report = analyze_system(gold, SystemOutput("p", pred), SETTINGS, errors_limit=5)
        pairs, _, _ = pair_documents(gold, pred)
        sizes[n] = len(html.report_page(report, evaluation_document(report, "t"), pairs))
    per_document = (sizes[24] - sizes[4]) / 20
    assert per_document < 1500  # an excerpt around the difference, not the 12,000-character text


def test_differences_cluster_overlapping_spans():
    gold = ExhibitRecord("d", "x" * 40, None, [Entity(0, 5, "A"), Entity(10, 15, "B"), Entity(20, 25, "C")])
    pred = ExhibitRecord("d", "x" * 40, None, [Entity(0, 5, "A"), Entity(12, 18, "B"), Entity(30, 35, "D")])
    kinds = [(d.start, d.end, d.kind) for d in entity_differences(gold, pred)]
    assert kinds == [(0, 5, "ok"), (10, 18, "boundary"), (20, 25, "missed"), (30, 35, "spurious")]
    errors = [d for d in entity_differences(gold, pred) if d.kind != "ok"]
    assert excerpts("word " * 200, errors, context=10) == [(0, 49)]  # merged, the end moved out to a space


def test_a_comparison_is_laid_out_as_its_document():
    from nlp.evaluation import compare_systems
    from nlp.reports.document import comparison_document

    result = compare_systems(GOLD, SystemOutput("a.jsonl", PRED), SystemOutput("b.jsonl", GOLD), SETTINGS)
    page = html.report_page(result, comparison_document(result, "compared"))
    assert "<h1>compared</h1>" in page and "<caption>micro F1, B - A</caption>" in page
    parsed = outline(page)
    assert parsed.errors == [] and not re.search(r"https?://", page)
