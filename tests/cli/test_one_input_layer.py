"""`exhibit show` and `exhibit suggest` read exhibits as `exhibit predict` does (nlp.readers):
HTML as its text, an EDGAR submission as its chosen exhibits, one after another."""
from __future__ import annotations

import json
import shutil

import pytest
import spacy
from typer.testing import CliRunner

from conftest import ROOT
from nlp.cli import app
from nlp.errors import InputError
from nlp.exhibit_inputs import read_exhibits, read_options

runner = CliRunner()
INPUTS = ROOT / "tests" / "data" / "inputs"
HTML_EXHIBIT = INPUTS / "ante_ex99-1.htm"
SUBMISSION = INPUTS / "0001047469-04-035975.txt"
SUBMISSION_IDS = ["0001047469-04-035975_a2147337zex-31_1", "0001047469-04-035975_a2147337zex-32_1"]


@pytest.fixture(scope="module")
def ruler_model(tmp_path_factory):
    """A tiny saved pipeline: an entity ruler tagging "Offering" and "Certification"."""
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "SECURITY", "pattern": [{"LOWER": "offering"}]},
                        {"label": "REPORT", "pattern": [{"LOWER": "certification"}]}])
    path = tmp_path_factory.mktemp("ruler") / "model"
    nlp.to_disk(path)
    return path


def test_read_exhibits_takes_html_as_text_and_a_submission_as_its_exhibits():
    items = read_exhibits([SUBMISSION, HTML_EXHIBIT], read_options())
    assert [i.id for i in items] == SUBMISSION_IDS + ["ante_ex99-1"]
    assert not any("<" in i.text for i in items)
    assert items[0].meta["type"] == "EX-31.1" and items[2].text.startswith("AirNet Technology Completes")


def test_read_exhibits_stops_at_the_first_input_predict_would_skip(tmp_path):
    (tmp_path / "empty.txt").write_text("  \n")
    with pytest.raises(InputError) as err:
        read_exhibits([tmp_path / "empty.txt"], read_options())
    assert err.value.code == "E057" and "empty.txt" in err.value.message
    with pytest.raises(InputError) as err:
        read_options(exhibit_types=" , ")
    assert err.value.code == "E360"


def test_show_renders_html_text_not_markup(ruler_model, tmp_path):
    page = tmp_path / "page.html"
    result = runner.invoke(app, ["show", str(HTML_EXHIBIT), "--model", str(ruler_model), "--html", str(page)])
    assert result.exit_code == 0, result.output
    html = page.read_text()
    assert "&lt;p" not in html and "dataLayer" not in html  # neither tags nor script text
    assert "Completes $180M " in html and ">SECURITY<" in html


def test_show_shows_each_exhibit_of_a_submission_in_order(ruler_model, tmp_path):
    page = tmp_path / "page.html"
    result = runner.invoke(app, ["show", str(SUBMISSION), "--model", str(ruler_model), "--html", str(page)])
    assert result.exit_code == 0, result.output
    html = page.read_text()
    positions = [html.find(f'<section class="exhibit" id="{rid}">') for rid in SUBMISSION_IDS]
    assert -1 not in positions and positions == sorted(positions)
    assert "SEC-HEADER" not in html and "Apple Japan" not in html  # header and the EX-21 left out
    assert "(2 exhibits)" in result.output


def test_show_reads_html_from_folders(ruler_model, tmp_path):
    folder = tmp_path / "exhibits"
    folder.mkdir()
    shutil.copy(HTML_EXHIBIT, folder / "ex99.htm")
    page = tmp_path / "page.html"
    result = runner.invoke(app, ["show", str(folder), "--model", str(ruler_model), "--html", str(page)])
    assert result.exit_code == 0, result.output
    assert "(1 exhibits)" in result.output and 'id="ex99"' in page.read_text()


def test_suggest_takes_the_exhibits_of_a_submission_and_html(ruler_model, tmp_path):
    out = tmp_path / "tasks.jsonl"
    result = runner.invoke(app, ["suggest", str(SUBMISSION), str(HTML_EXHIBIT), "--model", str(ruler_model),
                                 "--to", "jsonl", "-o", str(out), "--exhibit-types", "EX-32"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert sorted(r["id"] for r in rows) == sorted([SUBMISSION_IDS[1], "ante_ex99-1"])
    by_id = {r["id"]: r for r in rows}
    assert by_id[SUBMISSION_IDS[1]]["meta"]["accession"] == "0001047469-04-035975"
    assert "<" not in by_id["ante_ex99-1"]["text"]
    assert {e["label"] for e in by_id["ante_ex99-1"]["entities"]} == {"SECURITY"}
