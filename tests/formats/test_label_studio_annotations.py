"""Label Studio: the labeling config written beside an export, cancelled annotations never taken
as gold, and the choice among several annotations named and settable (--annotation)."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest
from typer.testing import CliRunner

from nlp.cli import app
from nlp.errors import InputError
from nlp.formats import ConversionReport, FormatOptions, get_format
from nlp.io.records import Entity, ExhibitRecord, Relation
from nlp.schema import GUIDE_ENTITY_LABELS, GUIDE_RELATIONS

runner = CliRunner()
TEXT = "Acme Corp. sold Common Stock."


def _result(label):
    return [{"id": "r", "from_name": "label", "to_name": "text", "type": "labels",
             "value": {"start": 0, "end": 10, "text": TEXT[:10], "labels": [label]}}]


def _annotation(aid, label, user, updated, cancelled=False):
    return {"id": aid, "completed_by": user, "updated_at": updated, "was_cancelled": cancelled,
            "result": _result(label)}


def _read(tmp_path, tasks, choice="first"):
    path = tmp_path / "export.json"
    path.write_text(json.dumps(tasks))
    report = ConversionReport()
    records = get_format("label-studio").read(path, FormatOptions(annotation=choice), report)
    return records, report.warnings


def test_export_writes_a_labeling_config_with_guide_and_present_labels(tmp_path):
    record = ExhibitRecord("x", TEXT, None, [Entity(0, 10, "ISSUER"), Entity(16, 28, "WIDGET")],
                           [Relation((0, 10), (16, 28), "MAKES")])
    out = tmp_path / "tasks.json"
    get_format("label-studio").write([record], out, FormatOptions(), ConversionReport())
    root = ET.parse(tmp_path / "tasks.config.xml").getroot()
    labels = root.find("Labels")
    assert labels.get("name") == "label" and labels.get("toName") == "text"
    assert [e.get("value") for e in labels] == [*GUIDE_ENTITY_LABELS, "WIDGET"]
    assert [e.get("value") for e in root.find("Relations")] == [*GUIDE_RELATIONS, "MAKES"]
    assert root.find("Text").get("name") == "text" and root.find("Text").get("value") == "$text"


def test_cancelled_annotations_are_skipped_with_a_warning(tmp_path):
    tasks = [{"id": 1, "data": {"text": TEXT}, "annotations": [_annotation(11, "ISSUER", 5, "2024-01-01", True)],
              "predictions": [{"result": _result("AGENT")}]},
             {"id": 2, "data": {"text": TEXT}, "annotations": [_annotation(21, "AGENT", 5, "2024-01-01", True),
                                                               _annotation(22, "ISSUER", 5, "2024-01-02")]}]
    records, warnings = _read(tmp_path, tasks)
    assert [r.id for r in records] == ["2"]  # task 1: no gold (its prediction is not taken either)
    assert records[0].entities == [Entity(0, 10, "ISSUER")]
    assert any("task 1" in w and "annotation 11 was cancelled" in w for w in warnings)
    assert any("task 1" in w and "task not imported" in w for w in warnings)
    assert any("task 2" in w and "annotation 21 was cancelled" in w for w in warnings)


@pytest.fixture()
def two_annotators():
    return [{"id": 3, "data": {"text": TEXT}, "annotations": [
        _annotation(31, "ISSUER", 5, "2024-03-02T10:00:00"),
        _annotation(32, "AGENT", {"id": 9, "email": "ann@example.org"}, "2024-03-05T09:00:00")]}]


@pytest.mark.parametrize("choice,label,taken", [
    ("first", "ISSUER", "31"), ("latest", "AGENT", "32"), ("5", "ISSUER", "31"), ("ann@example.org", "AGENT", "32"),
])
def test_the_annotation_choice_is_applied_and_named(tmp_path, two_annotators, choice, label, taken):
    records, warnings = _read(tmp_path, two_annotators, choice)
    assert records[0].entities == [Entity(0, 10, label)]
    (warning,) = warnings
    assert "task 3" in warning and f"annotation {taken} taken (--annotation {choice})" in warning


def test_an_annotator_without_annotation_on_a_task_skips_it(tmp_path, two_annotators):
    records, warnings = _read(tmp_path, two_annotators, "7")
    assert records == [] and "no annotation by '7'" in warnings[0]
    with pytest.raises(InputError, match="E330"):
        _read(tmp_path, two_annotators, " ")


def test_convert_threads_the_annotation_option_and_names_the_config(tmp_path, two_annotators):
    source = tmp_path / "export.json"
    source.write_text(json.dumps(two_annotators))
    target = tmp_path / "gold.jsonl"
    result = runner.invoke(app, ["convert", str(source), str(target), "--annotation", "latest"])
    assert result.exit_code == 0, result.output
    assert json.loads(target.read_text())["entities"][0]["label"] == "AGENT"
    assert "annotation 32 taken (--annotation latest)" in result.output
    back = tmp_path / "tasks.json"
    result = runner.invoke(app, ["convert", str(target), str(back)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "tasks.config.xml").exists() and "tasks.config.xml" in result.output
