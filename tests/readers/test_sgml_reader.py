from __future__ import annotations

from pathlib import Path

from nlp.readers import ExhibitInput, SkippedInput, iter_sgml_exhibits
from nlp.readers.sgml import count_sgml_exhibits, is_sgml_submission, type_matches

INPUTS = Path(__file__).resolve().parents[1] / "data" / "inputs"
SUBMISSION = INPUTS / "0001047469-04-035975.txt"
ACCESSION = "0001047469-04-035975"


def test_default_types_give_the_certifications_not_the_report_or_other_exhibits():
    items = list(iter_sgml_exhibits(SUBMISSION))
    assert [i.id for i in items] == [f"{ACCESSION}_a2147337zex-31_1", f"{ACCESSION}_a2147337zex-32_1"]
    assert all(isinstance(i, ExhibitInput) for i in items)
    assert items[0].meta == {
        "accession": ACCESSION, "company": "APPLE COMPUTER INC", "form": "10-K", "filed": "20041203",
        "type": "EX-31.1", "sequence": "3", "filename": "a2147337zex-31_1.txt",
        "description": "CERTIFICATION OF CHIEF EXECUTIVE OFFICER",
    }
    assert items[1].meta["type"] == "EX-32.1" and items[1].meta["filename"] == "a2147337zex-32_1.htm"
    assert items[0].source == f"{SUBMISSION}#document 3 (EX-31.1, a2147337zex-31_1.txt)"


def test_plain_text_document_keeps_its_layout_without_page_tags():
    text = next(iter_sgml_exhibits(SUBMISSION)).text
    assert "<PAGE>" not in text and "</TEXT>" not in text
    assert text.lstrip().startswith("EXHIBIT 31.1\n\n                                 CERTIFICATIONS")
    assert "I, Steven P. Jobs, certify that:" in text
    assert text.endswith("Chief Executive Officer")


def test_html_document_inside_text_becomes_readable_text():
    text = list(iter_sgml_exhibits(SUBMISSION))[1].text
    assert text.startswith("Exhibit 32.1\n\nCERTIFICATION OF CHIEF EXECUTIVE OFFICER AND CHIEF FINANCIAL OFFICER")
    assert "Annual Report of Apple Computer, Inc. on Form 10-K" in text
    assert "Steven P. Jobs\n" in text and "<" not in text and "font-family" not in text


def test_exhibit_types_are_prefixes_at_a_number_boundary():
    assert type_matches("EX-99.1", ["EX-99"]) and type_matches("ex-31.2", ["EX-31"])
    assert type_matches("EX-32", ["EX-32"]) and type_matches("EX-10.1", ["EX"])
    assert not type_matches("EX-31.1", ["EX-3"]) and not type_matches("10-K", ["EX"])
    assert [i.meta["type"] for i in iter_sgml_exhibits(SUBMISSION, exhibit_types=["EX-21"])] == ["EX-21"]
    assert [i.meta["type"] for i in iter_sgml_exhibits(SUBMISSION, exhibit_types=["EX"])] == [
        "EX-21", "EX-31.1", "EX-32.1"]
    assert count_sgml_exhibits(SUBMISSION) == 2 and count_sgml_exhibits(SUBMISSION, ["EX"]) == 3


def test_truncated_document_is_skipped_and_the_complete_ones_kept(tmp_path):
    content = SUBMISSION.read_bytes()
    cut = tmp_path / "cut.txt"
    cut.write_bytes(content[: content.index(b"<TABLE>")])
    first, second = iter_sgml_exhibits(cut)
    assert isinstance(first, ExhibitInput) and first.id.endswith("zex-31_1")
    assert isinstance(second, SkippedInput) and second.code == "E059"
    assert second.source == f"{cut}#document 4 (EX-32.1, a2147337zex-32_1.htm)"
    assert second.reason.startswith("truncated: the document ends without </TEXT>")


def test_undecodable_byte_in_one_document_names_its_file_offset(tmp_path):
    content = SUBMISSION.read_bytes().replace(b"Steven P. Jobs, certify that", b"Steven P. Jobs, certif\xff that", 1)
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    bad, good = iter_sgml_exhibits(path)
    assert isinstance(bad, SkippedInput) and bad.code == "E050"
    offset = content.index(b"\xff")
    assert bad.reason == f"not utf-8 text (byte {offset})"
    assert isinstance(good, ExhibitInput) and good.meta["type"] == "EX-32.1"


def test_attachments_that_are_not_text_are_left_out_and_reported(tmp_path):
    graphic = (b"<DOCUMENT>\n<TYPE>EX-99.1\n<SEQUENCE>5\n<FILENAME>ex99-1.pdf\n<TEXT>\n<PDF>\nbegin 644 ex99-1.pdf\n"
               b"M)5!$1BTQ+C0*)>+CS],*\n</PDF>\n</TEXT>\n</DOCUMENT>\n")
    path = tmp_path / "with_pdf.txt"
    path.write_bytes(SUBMISSION.read_bytes().replace(b"</SEC-DOCUMENT>", graphic + b"</SEC-DOCUMENT>"))
    *exhibits, attachment = iter_sgml_exhibits(path)
    assert [i.meta["type"] for i in exhibits] == ["EX-31.1", "EX-32.1"]
    assert isinstance(attachment, SkippedInput) and attachment.code == "E253"
    assert attachment.source == f"{path}#document 5 (EX-99.1, ex99-1.pdf)"


def test_submission_is_recognized_by_content():
    assert is_sgml_submission(SUBMISSION.read_bytes())
    assert is_sgml_submission(b"-----BEGIN PRIVACY-ENHANCED MESSAGE-----\nProc-Type: 2001,MIC-CLEAR\n\n<SEC-HEADER>x")
    assert not is_sgml_submission(b"EXHIBIT 32.1\nThe <DOCUMENT> tag is mentioned mid-line only.")
