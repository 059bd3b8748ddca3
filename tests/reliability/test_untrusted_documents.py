"""HTML files, EDGAR submissions and input folders are untrusted: their size is checked before
they are read or parsed, conversion takes time linear in their size, no text is silently lost
to the parser's limits, a document's text cannot forge a document boundary, encoded files are
reported instead of predicted on, links out of an input folder are not followed, and the default
model does not depend on the current folder. Every hostile input is generated here, small."""
from __future__ import annotations

import base64
import io
from pathlib import Path

import pytest

import nlp.models
import nlp.readers.html
import nlp.readers.sgml
from nlp.errors import InputError, ModelError
from nlp.readers import ExhibitInput, ReadOptions, SkippedInput, find_input_files, iter_file_items, list_input_files
from nlp.readers.html import html_to_text
from nlp.readers.sgml import count_sgml_exhibits, iter_sgml_exhibits
from reliability_support import ROOT, invoke

HEADER = ("<SEC-DOCUMENT>0000000000-26-000001.txt : 20260101\n<SEC-HEADER>0000000000-26-000001.hdr.sgml : 20260101\n"
          "ACCESSION NUMBER:\t\t0000000000-26-000001\nCONFORMED SUBMISSION TYPE:\t8-K\n</SEC-HEADER>\n")


def document(doc_type: str, filename: str, text: str, sequence: int = 1) -> str:
    return (f"<DOCUMENT>\n<TYPE>{doc_type}\n<SEQUENCE>{sequence}\n<FILENAME>{filename}\n<TEXT>\n{text}\n"
            "</TEXT>\n</DOCUMENT>\n")


def submission(folder: Path, *documents: str, name: str = "submission.txt") -> Path:
    path = folder / name
    path.write_text(HEADER + "".join(documents) + "</SEC-DOCUMENT>\n", encoding="utf-8")
    return path


def refuse(*args, **kwargs):
    raise AssertionError("converted or decoded although above the size limit")


# --- 1. sizes are checked before conversion, and conversion is linear ------------------------

def test_html_file_above_the_byte_limit_is_skipped_unread(tmp_path, monkeypatch):
    path = tmp_path / "big.htm"
    path.write_text("<html><body>" + "<p>word</p>" * 500 + "</body></html>", encoding="utf-8")
    monkeypatch.setattr(nlp.readers.html, "html_to_text", refuse)
    monkeypatch.setattr(nlp.readers.html, "read_text_file", refuse)
    [item] = iter_file_items(path, ReadOptions(max_bytes=1000))
    assert isinstance(item, SkippedInput) and item.code == "E250"
    assert item.source == str(path) and f"{path.stat().st_size:,} bytes of HTML" in item.reason


def test_html_byte_limit_follows_max_chars_by_default(tmp_path, monkeypatch):
    path = tmp_path / "big.htm"
    path.write_text("<html><body>" + "<b>x</b>" * 200 + "</body></html>", encoding="utf-8")  # 1,626 bytes
    monkeypatch.setattr(nlp.readers.html, "read_text_file", refuse)
    assert ReadOptions(max_chars=100).byte_limit == 1000
    [item] = iter_file_items(path, ReadOptions(max_chars=100))
    assert item.code == "E250"


def test_sgml_document_above_the_byte_limit_is_skipped_without_decoding(tmp_path, monkeypatch):
    big = "<html><body>" + "<p>filler text</p>\n" * 2000 + "</body></html>"
    path = submission(tmp_path, document("EX-99.1", "ex99.htm", big, 1),
                      document("EX-31.1", "ex31.txt", "I certify that this report is complete.", 2))
    decode = nlp.readers.sgml.decode
    monkeypatch.setattr(nlp.readers.sgml, "html_to_text", refuse)
    monkeypatch.setattr(nlp.readers.sgml, "decode",
                        lambda data, *args: refuse() if len(data) > 10_000 else decode(data, *args))
    skipped, kept = iter_sgml_exhibits(path, max_bytes=10_000)
    assert isinstance(skipped, SkippedInput) and skipped.code == "E251"
    assert skipped.source == f"{path}#document 1 (EX-99.1, ex99.htm)" and "above the --max-bytes limit 10,000" in skipped.reason
    assert isinstance(kept, ExhibitInput) and kept.text == "I certify that this report is complete."


def test_sgml_reader_gets_the_byte_limit_from_the_read_options(tmp_path):
    path = submission(tmp_path, document("EX-99.1", "ex99.txt", "a line of text\n" * 200))
    [item] = iter_file_items(path, ReadOptions(max_bytes=1000))
    assert item.code == "E251"


def test_standard_input_is_read_no_further_than_the_limit():
    class Pipe(io.RawIOBase):  # 1 MB here; reading a real one to its end could fill the memory
        requested = 0

        def readable(self):
            return True

        def readinto(self, buffer):
            size = min(len(buffer), 1_000_000 - self.requested)
            self.requested += size
            buffer[:size] = b"x" * size
            return size

    stream = Pipe()
    [item] = iter_file_items(Path("-"), ReadOptions(max_chars=1000), stdin=stream)
    assert isinstance(item, SkippedInput) and item.code == "E257" and item.source == "<stdin>"
    assert stream.requested <= 4001


def test_submission_lines_are_read_in_bounded_pieces(tmp_path, monkeypatch):
    # One line can be the whole file (a one-line HTML document of 300 MB): it is read in pieces,
    # so an unchosen or oversized document never sits in memory, and a chosen one is whole again.
    monkeypatch.setattr(nlp.readers.sgml, "LINE_PIECE_BYTES", 1000)
    pieces = list(nlp.readers.sgml.line_pieces(io.BytesIO(b"a" * 2500 + b"\n<TYPE>x\n")))
    assert [len(p) for p, _ in pieces] == [1000, 1000, 501, 8] and [s for _, s in pieces] == [True, False, False, True]
    long_line = "<html><body><p>" + "word " * 3000 + "</p></body></html>"
    path = submission(tmp_path, document("EX-10.1", "ex10.htm", long_line, 1),
                      document("EX-99.1", "ex99.htm", long_line, 2),
                      document("EX-99.2", "ex99-2.htm", long_line, 3))
    kept, also = iter_sgml_exhibits(path)
    assert kept.text == also.text == ("word " * 3000).strip()
    assert iter_sgml_exhibits(path, max_bytes=10_000).__next__().code == "E251"


def test_page_tag_lines_are_recognized_without_trying_long_lines(tmp_path, monkeypatch):
    # The page-tag pattern backtracked quadratically over a long run of spaces ("<PAGE>" and
    # 20,000 spaces took 2.7 s; a 1 MB line, hours): it is only tried on short lines now.
    tried = []
    pattern = nlp.readers.sgml._LAYOUT_TAG_LINE

    class Recording:
        def match(self, line):
            tried.append(len(line))
            return pattern.match(line)

    monkeypatch.setattr(nlp.readers.sgml, "_LAYOUT_TAG_LINE", Recording())
    text = "EXHIBIT 31.1\n<PAGE>  12\n<S>   <C>\nI certify.\n<PAGE>" + " " * 20_000 + "x"
    [item] = iter_sgml_exhibits(submission(tmp_path, document("EX-31.1", "ex31.txt", text)))
    assert item.text == "EXHIBIT 31.1\nI certify.\n<PAGE>" + " " * 20_000 + "x"
    assert tried and max(tried) <= 200


def test_html_conversion_never_uses_the_quadratic_line_builder(monkeypatch):
    # inscriptis's Block grows a line with `content += text`, a copy of the whole line per write:
    # O(n^2) for a one-line document (52 MB took 464 s). The conversion must not call it.
    from inscriptis.model.canvas.block import Block

    calls = []
    for name in ("merge_normal_text", "merge_pre_text"):
        original = getattr(Block, name)
        monkeypatch.setattr(Block, name, lambda self, text, _o=original: calls.append(1) or _o(self, text))
    html = ("<html><body>" + "".join(f"<font>w{i}</font> " for i in range(2000))
            + "<pre>kept\n  as is</pre><table><tr><td>cell</td><td>two</td></tr></table></body></html>")
    text = html_to_text(html)
    assert calls == []
    assert text.split("\n")[0] == " ".join(f"w{i}" for i in range(2000))
    assert "kept\n  as is" in text and "cell" in text and "two" in text


def test_html_conversion_renders_as_inscriptis_does():
    # The linear rendering changes no output: records and offsets stay as before.
    from inscriptis import get_text
    from inscriptis.css_profiles import CSS_PROFILES
    from inscriptis.model.config import ParserConfig

    config = ParserConfig(css=CSS_PROFILES["strict"], display_images=False, display_links=False)
    html = ("<html><head><style>p {margin: 0}</style></head><body><h1>Title &amp; more</h1>"
            "<p>One  <b>two</b>\n three <!-- c --> four</p><ul><li>item<li>next</ul>"
            "<table><tr><th>a</th><td>b <i>c</i></td></tr><tr><td>d</td></tr></table>"
            "<pre>  pre\n   text</pre><div>tail<br>line</div></body></html>")
    expected = get_text(html, config)
    assert html_to_text(html) == "\n".join(line.rstrip() for line in expected.splitlines()).strip("\n")


# --- 2. deep nesting and huge attributes lose no text --------------------------------------------

def test_thousands_of_unclosed_font_tags_keep_every_word():
    html = "<html><body>" + "".join(f"<font size=2>w{i} " for i in range(3000)) + "END</body></html>"
    words = html_to_text(html).split()
    assert words == [f"w{i}" for i in range(3000)] + ["END"]


def test_layout_tags_nested_past_the_parser_depth_keep_every_word():
    html = "<html><body>" + "".join(f"<div>d{i} " for i in range(2500)) + "END</body></html>"
    assert html_to_text(html).split() == [f"d{i}" for i in range(2500)] + ["END"]


def test_text_after_an_attribute_over_10_mb_is_kept():
    html = '<html><body><p>before</p><p title="' + "a" * 10_500_000 + '">after</p></body></html>'
    assert html_to_text(html) == "before\n\nafter"


def test_a_tree_still_cut_short_is_an_error_not_partial_text(monkeypatch):
    monkeypatch.setattr(nlp.readers.html, "_limit_reached", lambda parser: "Excessive depth in document")
    with pytest.raises(InputError) as err:
        html_to_text("<html><body><p>text</p></body></html>", "deep.htm")
    assert err.value.code == "E252" and err.value.message.startswith("deep.htm: ")


# --- 3. SGML: forged boundaries, encoded files, no chosen document ---------------------------------

def test_document_line_inside_the_text_does_not_split_it(tmp_path):
    text = "First part.\n<DOCUMENT>\nSecond part, after a quoted tag line."
    [item] = iter_sgml_exhibits(submission(tmp_path, document("EX-99.1", "ex99.txt", text)))
    assert isinstance(item, ExhibitInput) and item.text == text


def test_a_real_document_header_still_ends_a_cut_off_text(tmp_path):
    cut = "<DOCUMENT>\n<TYPE>EX-99.1\n<FILENAME>ex99.txt\n<TEXT>\ncut off here\n"
    path = submission(tmp_path, cut, document("EX-31.1", "ex31.txt", "I certify.", 2))
    truncated, kept = iter_sgml_exhibits(path)
    assert truncated.code == "E059" and kept.text == "I certify."


GIF = b"GIF89a" + bytes(range(256)) * 8


@pytest.mark.parametrize("body, kind", [
    ("<TEXT>begin 644 photo.jpg\nM_]C_X``02D9)1@`!`0$`8`!@``#_VP!#``@&!@<&!0@'!P<)\n`\nend", "uuencoded"),
    ("\n".join(base64.encodebytes(GIF).decode().split()), "base64"),
    ("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj", "PDF"),
    ("GIF89a\x01\x00\x01\x00", "image"),
])
def test_an_encoded_file_typed_as_an_exhibit_is_reported_not_predicted(tmp_path, body, kind):
    if body.startswith("<TEXT>"):  # the payload on the <TEXT> line itself
        doc = "<DOCUMENT>\n<TYPE>EX-99.2\n<SEQUENCE>2\n<FILENAME>photo.jpg\n" + body + "\n</TEXT>\n</DOCUMENT>\n"
    else:
        doc = document("EX-99.2", "photo.jpg", body, 2)
    [item] = iter_sgml_exhibits(submission(tmp_path, doc))
    assert isinstance(item, SkippedInput) and item.code == "E253"
    assert item.source.endswith("#document 1 (EX-99.2, photo.jpg)") and kind in item.reason


def test_base64_detection_leaves_prose_and_tables_alone(tmp_path):
    text = "EXHIBIT 99.1\n" + "=" * 60 + "\n" + "-" * 60 + "\nThe Company announced results today."
    [item] = iter_sgml_exhibits(submission(tmp_path, document("EX-99.1", "ex99.txt", text)))
    assert isinstance(item, ExhibitInput)


def test_submission_without_a_chosen_document_is_reported_with_the_types_present(tmp_path):
    path = submission(tmp_path, document("EX-10.1", "ex10.txt", "A contract.", 1),
                      document("GRAPHIC", "logo.jpg", "begin 644 logo.jpg\nM\nend", 2))
    [item] = iter_file_items(path)
    assert isinstance(item, SkippedInput) and item.code == "E254" and item.source == str(path)
    assert "EX-31, EX-32, EX-99" in item.reason and "types present: EX-10.1, GRAPHIC" in item.reason
    assert count_sgml_exhibits(path) == 1  # the progress bar counts the report


# --- 4. links out of an input folder ---------------------------------------------------------------

@pytest.fixture
def linked_folder(tmp_path):
    outside = tmp_path / "private.txt"
    outside.write_text("not an exhibit", encoding="utf-8")
    folder = tmp_path / "exhibits"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text("I certify.", encoding="utf-8")
    (folder / "sub" / "inside.txt").symlink_to(folder / "a.txt")
    (folder / "system.txt").symlink_to(outside)
    return folder


def test_a_link_out_of_the_folder_is_skipped_and_reported(linked_folder):
    files, outside = find_input_files([linked_folder])
    assert files == [linked_folder / "a.txt", linked_folder / "sub" / "inside.txt"]
    [skipped] = outside
    assert skipped.code == "E255" and skipped.source == str(linked_folder / "system.txt")
    assert "private.txt" in skipped.reason and "--follow-links" in skipped.reason
    with pytest.raises(InputError) as err:
        list_input_files([linked_folder])
    assert err.value.code == "E255"


def test_follow_links_reads_it(linked_folder):
    files, outside = find_input_files([linked_folder], follow_links=True)
    assert linked_folder / "system.txt" in files and outside == []


def test_a_link_given_by_name_is_read(linked_folder):
    assert list_input_files([linked_folder / "system.txt"]) == [linked_folder / "system.txt"]


def test_commands_that_stop_at_a_bad_input_stop_at_the_link(linked_folder, tmp_path):
    result = invoke(["show", linked_folder, "--html", tmp_path / "page.html"])
    assert result.exit_code == 2 and "[E255]" in result.output and "system.txt" in result.output
    assert "Traceback" not in result.output and not (tmp_path / "page.html").exists()


def test_predict_skips_the_link_and_predicts_the_rest(linked_folder, tmp_path):
    import spacy

    model = tmp_path / "blank"
    spacy.blank("en").to_disk(model)
    out = tmp_path / "out.jsonl"
    result = invoke(["predict", linked_folder, "--model", model, "-o", out])
    assert result.exit_code == 1 and "[E255]" in result.output
    assert "not an exhibit" not in out.read_text(encoding="utf-8")
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2
    followed = invoke(["predict", linked_folder, "--model", model, "-o", out, "--follow-links"])
    assert followed.exit_code == 0 and "not an exhibit" in out.read_text(encoding="utf-8")


# --- 5. the default model does not depend on the current folder --------------------------------------

def test_default_model_is_found_from_any_folder(tmp_path, monkeypatch):
    monkeypatch.delenv("EXHIBIT_MODEL", raising=False)
    monkeypatch.chdir(tmp_path)
    assert nlp.models.default_model_path() == ROOT / "models" / "exhibit-default"


def test_an_installed_package_never_takes_a_model_from_the_current_folder(tmp_path, monkeypatch):
    # A non-editable install: the package sits in site-packages with no models/ beside it, and
    # the current folder holds a models/exhibit-default of its own.
    monkeypatch.delenv("EXHIBIT_MODEL", raising=False)
    installed = tmp_path / "site-packages" / "nlp"
    installed.mkdir(parents=True)
    monkeypatch.setattr(nlp.models, "__file__", str(installed / "models.py"))
    here = tmp_path / "work"
    decoy = here / "models" / "exhibit-default"
    decoy.mkdir(parents=True)
    (decoy / "config.cfg").write_text("[nlp]\n", encoding="utf-8")
    (decoy / "meta.json").write_text("{}", encoding="utf-8")
    monkeypatch.chdir(here)
    assert not nlp.models.default_model_path().resolve().is_relative_to(here.resolve())
    with pytest.raises(ModelError) as err:
        nlp.models.load_model()
    assert err.value.code == "E256"
    assert str(tmp_path / "site-packages" / "models" / "exhibit-default") in err.value.message
    assert "--model" in err.value.message and "EXHIBIT_MODEL" in err.value.message
