"""The exhibit tokenizers split words glued by text extraction and keep ordinary words whole."""
import re
from pathlib import Path

import pytest
import spacy
from thinc.api import Config

from nlp.tokenizer import SHIPPED_TOKENIZER, TRAINING_TOKENIZER

ROOT = Path(__file__).resolve().parents[1]


def tokens(version: str, text: str) -> list:
    nlp = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": f"exhibit.Tokenizer.{version}"}}})
    return [t.text for t in nlp.make_doc(text)]


@pytest.mark.parametrize("text, expected", [
    ("June 3, 2025 (BUSINESS WIRE)–Quillon, a leader", ["WIRE", ")", "–", "Quillon", ","]),
    ("YORK--(BUSINESS WIRE)--Quillon Corp.", ["YORK", "--", "(", "BUSINESS", "WIRE", ")", "--", "Quillon"]),
    ("Jane Roe, Chairman and CEOTelephone: 555", ["CEO", "Telephone", ":"]),
    ("ABOUT QUILLON MINING INC.Founded in 1990", ["INC.", "Founded"]),
    ("(Principal Financial Officer)Chief Financial Officer", ["Officer", ")", "Chief"]),
    ("Vorn Banc Corp.(555) 010-0000", ["Corp.", "(", "555", ")"]),
    ("Securities, LLCVorn Capital", ["LLC", "Vorn", "Capital"]),
    ("2025 -Quillon Mining Inc. announced", ["2025", "-", "Quillon", "Mining"]),
])
def test_v2_splits_glued_layout(text, expected):
    got = tokens("v2", text)
    start = got.index(expected[0])
    assert got[start:start + len(expected)] == expected


@pytest.mark.parametrize("word", ["PDFs", "REITs", "IPOs", "XYBank", "Non-GAAP", "-5"])
def test_v2_keeps_ordinary_words(word):
    assert "".join(tokens("v2", word)) == word
    assert len(tokens("v2", word)) == len(tokens("v1", word))


@pytest.mark.parametrize("text, expected", [
    ("BOARD OF DIRECTORS\n\n“Jane Roe”Jane Roe, CEO", ["Roe", "”", "Jane", "Roe", ","]),
    ("Quillon Mining Ltd. (“Quillon”or the “Company”)", ["“", "Quillon", "”", "or", "the"]),
    ("(the “Company” or “Quillon”)(CSE: QLN)", ["Quillon", "”", ")", "(", "CSE", ":"]),
    ('up to 9,000,000 shares (the"Offer Shares")', ["the", '"', "Offer", "Shares"]),
])
def test_v3_splits_glued_quotation_marks(text, expected):
    got = tokens("v3", text)
    start = got.index(expected[0])
    assert got[start:start + len(expected)] == expected
    assert tokens("v2", text) != got  # v2 leaves them glued


@pytest.mark.parametrize("text", [
    "pursuant to Item 601(b)(32)(ii) of Regulation S-K",
    "Quillon’s shareholders",
    "He said “yes” to the “Notes”), and",
])
def test_v3_tokenizes_as_v2_where_no_quotation_is_glued(text):
    assert tokens("v3", text) == tokens("v2", text)


@pytest.mark.parametrize("text, expected", [
    # a one-letter lower-case prefix before capitals is part of the name
    ("iQX Vorn Companies, Inc. announced", ["iQX", "Vorn"]),
    # a form's letter keeps no sentence period
    ("this annual report on Form 10-K.\n\n2. Based", ["10", "-", "K", ".", "\n\n"]),
    ("the report on Form 20-F. The", ["20", "-", "F", ".", "The"]),
    ("its Form 10-Q/A.", ["10", "-", "Q", "/", "A", "."]),
])
def test_v4_keeps_prefixed_names_whole_and_splits_a_forms_period(text, expected):
    got = tokens("v4", text)
    start = got.index(expected[0])
    assert got[start:start + len(expected)] == expected
    assert tokens("v3", text) != got


@pytest.mark.parametrize("text", [
    "Jane Roe, VeilleuxCFO", "J. R. Vorn, Inc.", "Quillon Co. Ltd. sold units.", "“Jane Roe”Jane Roe, CEO",
    "Form 10-K of Quillon Corp.", "Item 601(b)(32)",
])
def test_v4_tokenizes_as_v3_elsewhere(text):
    assert tokens("v4", text) == tokens("v3", text)


def test_v1_is_unchanged_for_models_trained_with_it():
    # Models up to v3.2 were trained on v1 tokens; their tokenizer must not move.
    assert "WIRE)–Quillon" in tokens("v1", "(BUSINESS WIRE)–Quillon, a leader")
    assert "CEOTelephone" in tokens("v1", "Jane Roe, CEOTelephone: 555")


def test_dateline_issuer_is_a_token_span_under_v2():
    text = "NEW YORK--(BUSINESS WIRE)--Quillon Corp. (NYSE: QLN) today announced"
    nlp = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": "exhibit.Tokenizer.v2"}}})
    start = text.index("Quillon")
    assert nlp.make_doc(text).char_span(start, start + len("Quillon Corp.")) is not None


@pytest.mark.parametrize("config", ["default.cfg", "accuracy.cfg", "fast.cfg"])
def test_configs_train_with_the_training_tokenizer(config):
    cfg = Config().from_disk(ROOT / "configs" / config, interpolate=False)
    assert cfg["nlp"]["tokenizer"]["@tokenizers"] == TRAINING_TOKENIZER


def test_the_shipped_model_predicts_with_the_shipped_tokenizer():
    cfg = Config().from_disk(ROOT / "models" / "exhibit-default" / "config.cfg", interpolate=False)
    assert cfg["nlp"]["tokenizer"]["@tokenizers"] == SHIPPED_TOKENIZER
    nlp = spacy.load(ROOT / "models" / "exhibit-default", exclude=["ner", "exhibit_relations", "textcat"])
    assert "Quillon" in [t.text for t in nlp.make_doc("(BUSINESS WIRE)–Quillon, a leader")]


def test_v5_reads_wrapping_line_breaks_as_spaces_and_keeps_the_text():
    from nlp.tokenizer import source_text

    text = ("Quillon Holdings Inc. today announced the closing of its public offering of Vorn\n"
            "Holdings common stock, with Tarnwell Securities acting as the sole underwriter.\n"
            "\nContact:\nJane Roe\n")
    v4 = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": "exhibit.Tokenizer.v4"}}}).make_doc(text)
    v5 = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": "exhibit.Tokenizer.v5"}}}).make_doc(text)
    assert "\n" in [t.text for t in v4] and v5.char_span(text.index("Vorn"), text.index(" common")) is not None
    assert [t.text for t in v5 if t.is_space] == ["\n\n", "\n", "\n"]  # the contact block keeps its lines
    assert len(v5.text) == len(text) and source_text(v5) == text and source_text(v4) == text


def test_v5_survives_saving_loading_and_worker_processes(tmp_path):
    import pickle

    from nlp.tokenizer import SOFT_BREAKS_KEY, UnwrappingTokenizer

    nlp = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": "exhibit.Tokenizer.v5"}}})
    text = ("Quillon Holdings Inc. today announced that it priced its public offering of\n"
            "Vorn Holdings shares, which is expected to close on March 3, subject to customary\n"
            "closing conditions.")
    nlp.to_disk(tmp_path / "model")
    for copy in (spacy.load(tmp_path / "model"), pickle.loads(pickle.dumps(nlp))):
        assert isinstance(copy.tokenizer, UnwrappingTokenizer)
        assert copy.make_doc(text).user_data[SOFT_BREAKS_KEY] == [m.start() for m in re.finditer("\n", text)]
    assert SOFT_BREAKS_KEY not in nlp.make_doc("Quillon priced its offering.").user_data


def test_the_shipped_model_finds_its_tokenizer_in_a_fresh_interpreter():
    # spaCy finds exhibit.Tokenizer.v5 through its entry point, with nothing of nlp imported first
    import subprocess
    import sys

    code = ("import sys, spacy; nlp = spacy.load(sys.argv[1], exclude=['ner', 'exhibit_relations', 'textcat']); "
            "doc = nlp.make_doc(sys.argv[2]); print(type(nlp.tokenizer).__name__, doc.user_data['exhibit_soft_breaks'])")
    text = ("Quillon Holdings Inc. today announced that it priced its public offering of\n"
            "Vorn Holdings shares, which is expected to close on March 3, subject to customary\n"
            "closing conditions.")
    done = subprocess.run([sys.executable, "-c", code, str(ROOT / "models" / "exhibit-default"), text],
                          capture_output=True, text=True, cwd="/")
    assert done.returncode == 0, done.stderr
    assert done.stdout.split(maxsplit=1) == ["UnwrappingTokenizer", f"{[m.start() for m in re.finditer(chr(10), text)]}\n"]
