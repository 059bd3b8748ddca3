"""Data for the learning curve (nested company shares) and for pretraining (paragraphs, no test)."""
from __future__ import annotations

import json

import pytest

from nlp.errors import InputError
from nlp.io.records import ExhibitRecord
from training.learning_curve import sample_companies
from training.pretrain_corpus import corpus_texts, paragraphs, unlabeled_texts, write_raw_text
from training.split import company_key


def _records(n_companies: int):
    return [ExhibitRecord(f"c{c}-{k}", "text", "other", meta={"company": f"Company {c}"})
            for c in range(n_companies) for k in range(2)]


def test_shares_take_whole_companies_and_larger_shares_hold_the_smaller():
    records = _records(20)
    quarter, half = sample_companies(records, 0.25), sample_companies(records, 0.5)
    quarter_companies = {company_key(r) for r in quarter}
    assert len(quarter_companies) == 5 and len(quarter) == 10  # both exhibits of each company
    assert quarter_companies <= {company_key(r) for r in half}
    assert len(sample_companies(records, 1.0)) == len(records)
    with pytest.raises(InputError, match="above 0 and at most 1"):
        sample_companies(records, 0)


def test_paragraphs_drop_short_lines_and_split_at_blank_lines():
    text = "HEADLINE\n\nAcme Corp. sold shares of its common stock today.\n  \nPage 2\n\nIt also said more words here."
    assert list(paragraphs(text)) == ["Acme Corp. sold shares of its common stock today.", "It also said more words here."]


def test_pretraining_never_takes_the_test_split_and_reports_bad_lines(tmp_path):
    with pytest.raises(InputError, match="never used for pretraining"):
        list(corpus_texts(tmp_path, ["train", "test"]))
    bad = tmp_path / "unlabeled.jsonl"
    bad.write_text('{"text": "one two three four five six"}\n[1, 2]\n')
    with pytest.raises(InputError, match=r"unlabeled.jsonl:2: not a JSON object"):
        list(unlabeled_texts(bad))


def test_raw_text_is_one_json_line_per_paragraph(tmp_path):
    out = tmp_path / "raw.jsonl"
    count = write_raw_text(["one two three four five\n\nsix seven eight nine ten eleven"], out)
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert count == 2 and lines[1] == {"text": "six seven eight nine ten eleven"}
