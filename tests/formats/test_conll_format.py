"""CoNLL: tag schemes, document modes, the rebuilt text, and what cannot be kept."""
from __future__ import annotations

import pytest

from nlp.errors import InputError
from nlp.formats import ConversionReport, FormatOptions, get_format
from nlp.formats.conll import decode_tags, detect_scheme, encode_tags, record_sentences
from nlp.formats.base import exhibit_make_doc
from nlp.io.records import Entity, ExhibitRecord

from format_samples import MISALIGNED_ID, ROOT, corpus_by_id, sample_records

FIXTURE = ROOT / "tests" / "data" / "conll" / "business_news.iob1.conll"

# "German Japanese" are two MISC entities side by side: the case IOB1 marks with B-
SENTENCE = [("Volkmann", "ORG", 0), ("AG", "ORG", 0), ("hired", None, None), ("German", "MISC", 1),
            ("Japanese", "MISC", 2), ("engineers", None, None), ("in", None, None), ("Ulm", "LOC", 3)]
TAGS = {
    "iob1": ["I-ORG", "I-ORG", "O", "I-MISC", "B-MISC", "O", "O", "I-LOC"],
    "iob2": ["B-ORG", "I-ORG", "O", "B-MISC", "B-MISC", "O", "O", "B-LOC"],
    "biluo": ["B-ORG", "L-ORG", "O", "U-MISC", "U-MISC", "O", "O", "U-LOC"],
}
SPANS = [(0, 2, "ORG"), (3, 4, "MISC"), (4, 5, "MISC"), (7, 8, "LOC")]


@pytest.mark.parametrize("scheme", sorted(TAGS))
def test_each_scheme_encodes_detects_and_decodes(scheme):
    tags = encode_tags(SENTENCE, scheme)
    assert tags == TAGS[scheme]
    assert detect_scheme(tags) == scheme
    warnings = []
    assert decode_tags(tags, scheme, [str(k) for k in range(len(tags))], lambda *w: warnings.append(w)) == SPANS
    assert warnings == []


def test_bioes_reads_as_biluo():
    tags = ["B-ORG", "E-ORG", "O", "S-LOC"]
    assert detect_scheme(tags) == "biluo"
    assert decode_tags(tags, "biluo", list("abcd"), lambda *w: None) == [(0, 2, "ORG"), (3, 4, "LOC")]


def test_ill_formed_iob2_is_read_forgivingly_with_a_warning():
    warnings = []
    spans = decode_tags(["O", "I-PER", "I-PER"], "iob2", ["f:1", "f:2", "f:3"], lambda *w: warnings.append(w))
    assert spans == [(1, 3, "PER")]
    assert warnings == [("f:2", "I-PER does not continue a PER entity; read as its start")]


def test_fixture_reads_as_four_documents_of_foreign_labels():
    report = ConversionReport()
    records = get_format("conll").read(FIXTURE, FormatOptions(), report)
    assert report.warnings == []
    assert [r.id for r in records] == [f"business_news.iob1-{k}" for k in range(1, 5)]
    assert [r.text.count("\n") + 1 for r in records] == [5, 5, 5, 5]
    assert {e.label for r in records for e in r.entities} == {"PER", "ORG", "LOC", "MISC"}
    third = records[2]
    mentions = [(third.text[e.start:e.end], e.label) for e in third.entities]
    assert ("Vietnamese", "MISC") in mentions and ("Japanese", "MISC") in mentions
    assert ("Tokyo Stock Exchange", "ORG") in mentions
    assert third.text.startswith("Hinode Electric won a contract to supply turbines to Vietnam .\nThe order")


def test_block_mode_makes_one_document_per_sentence():
    records = get_format("conll").read(FIXTURE, FormatOptions(conll_docs="block"), ConversionReport())
    assert len(records) == 20 and "\n" not in records[0].text


@pytest.mark.parametrize("scheme", sorted(TAGS))
@pytest.mark.parametrize("mode", ["docstart", "block"])
def test_text_to_conll_to_text_keeps_every_entity_on_its_tokens(scheme, mode, tmp_path):
    records = sample_records()
    options = FormatOptions(scheme=scheme, conll_docs=mode)
    path = tmp_path / "out.conll"
    report = ConversionReport()
    get_format("conll").write(records, path, options, report)
    back = get_format("conll").read(path, options, report)
    assert len(back) == len(records)
    make_doc = exhibit_make_doc()
    for record, rebuilt in zip(records, back):
        doc = make_doc(record.text)
        expected = []
        for e in sorted(record.entities):
            span = doc.char_span(e.start, e.end)
            expected.append((" ".join(t.text for t in span if not t.is_space), e.label))
        assert [(rebuilt.text[e.start:e.end], e.label) for e in sorted(rebuilt.entities)] == expected
    # written again with the whitespace tokenizer, the rebuilt records come back unchanged
    options = FormatOptions(scheme=scheme, conll_docs=mode, tokenizer_name="whitespace")
    get_format("conll").write(back, tmp_path / "again.conll", options, ConversionReport())
    again = get_format("conll").read(tmp_path / "again.conll", options, ConversionReport())
    assert [(r.text, r.entities) for r in again] == [(r.text, r.entities) for r in back]


def _token_tag_lines(path):
    lines = path.read_text().strip().splitlines()
    return [(line.split()[0], line.split()[-1]) if line.strip() else () for line in lines]


def test_conll_to_jsonl_to_conll_gives_the_same_tokens_and_tags(tmp_path):
    records = get_format("conll").read(FIXTURE, FormatOptions(), ConversionReport())
    options = FormatOptions(scheme="iob1", tokenizer_name="whitespace")
    get_format("conll").write(records, tmp_path / "back.conll", options, ConversionReport())
    assert _token_tag_lines(tmp_path / "back.conll") == _token_tag_lines(FIXTURE)


def test_writing_warns_per_record_what_conll_cannot_hold(seed_records, tmp_path):
    report = ConversionReport()
    get_format("conll").write(seed_records, tmp_path / "s.conll", FormatOptions(), report)
    assert report.warnings == [
        f"{seed_records[0].id}: conll cannot hold id, category, meta (5 keys), 9 relations, "
        "the text's spacing (rebuilt from tokens)",
        f"{seed_records[1].id}: conll cannot hold id, category, meta (5 keys), 16 relations, "
        "the text's spacing (rebuilt from tokens)",
    ]


def test_span_off_token_boundaries_is_reported(tmp_path):
    report = ConversionReport()
    get_format("conll").write([corpus_by_id()[MISALIGNED_ID]], tmp_path / "a.conll", FormatOptions(), report)
    assert any(w.startswith(f"{MISALIGNED_ID}: conll: entity does not fall on token boundaries") for w in report.warnings)


def test_sentences_never_cut_an_entity():
    text = "The issuer is Acme. Holdings rose sharply today."
    plain = record_sentences(ExhibitRecord("r", text), exhibit_make_doc(), "segmenter", ConversionReport())
    assert [len(s) for s in plain] == [5, 5]
    record = ExhibitRecord("r", text, None, [Entity(14, 28, "ORG")])  # "Acme. Holdings"
    sentences = record_sentences(record, exhibit_make_doc(), "segmenter", ConversionReport())
    assert [[t for t, _, _ in s] for s in sentences] == [
        ["The", "issuer", "is", "Acme", ".", "Holdings"], ["rose", "sharply", "today", "."]]


@pytest.mark.parametrize("line,message", [
    ("Acme", "expected a token and a tag"),
    ("Acme NNP PERSON", "tag 'PERSON' is not O or B-/I-/L-/U-/E-/S-LABEL"),
])
def test_malformed_lines_name_file_and_line(line, message, tmp_path):
    path = tmp_path / "bad.conll"
    path.write_text(f"-DOCSTART- O\n\nShares O\n{line}\n")
    with pytest.raises(InputError, match=f"bad.conll:4: {message}"):
        get_format("conll").read(path, FormatOptions(), ConversionReport())


def test_unknown_scheme_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="tag scheme 'bilou2'"):
        get_format("conll").write([], tmp_path / "x.conll", FormatOptions(scheme="bilou2"), ConversionReport())
