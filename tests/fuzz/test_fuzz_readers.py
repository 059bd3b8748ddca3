"""Property tests of the exhibit readers (nlp/readers/): any bytes, as an EDGAR submission or as
an HTML page, give exhibits or skipped inputs, and never an exception but the project's own."""
from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from nlp.errors import ExhibitError
from nlp.readers import ExhibitInput, ReadOptions, SkippedInput, html_to_text, iter_file_items
from nlp.readers.sgml import count_sgml_exhibits, iter_sgml_exhibits

FUZZ = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Lines an EDGAR submission is made of, in any order, cut anywhere, mixed with noise.
SGML_LINES = [
    b"<SEC-DOCUMENT>0000950123-26-000001.txt : 20260101", b"<SEC-HEADER>", b"</SEC-HEADER>",
    b"<IMS-HEADER>", b"ACCESSION NUMBER:\t\t0000950123-26-000001", b"COMPANY CONFORMED NAME:\tACME CORP",
    b"CONFORMED SUBMISSION TYPE:\t8-K", b"<DOCUMENT>", b"</DOCUMENT>", b"<TYPE>EX-99.1", b"<TYPE>EX-31",
    b"<TYPE>8-K", b"<TYPE>", b"<SEQUENCE>2", b"<FILENAME>ex99.htm", b"<FILENAME>", b"<FILENAME>ex31.txt",
    b"<DESCRIPTION>PRESS RELEASE", b"<TEXT>", b"</TEXT>", b"<TEXT>Acme Corp. sold shares.</TEXT>",
    b"<HTML><BODY><P>Acme Corp. sold <B>1,000 shares</P>", b"</BODY></HTML>", b"<PAGE>", b"<TABLE>", b"<S>",
    b"begin 644 ex99.pdf", b"M4%)/1U)!32!&24Q%", b"<PDF>", b"<XBRL>", b"Acme Corp. sold 1,000 shares.", b"",
    b"\xff\xfe\x00", b"caf\xe9", b"<!DOCTYPE html>", b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>",
]
submissions = st.lists(st.one_of(st.sampled_from(SGML_LINES), st.binary(max_size=30)), max_size=40).map(
    lambda lines: b"\n".join(lines))
newlines = st.sampled_from([b"\n", b"\r\n"])
encodings = st.sampled_from(["utf-8", "latin-1", "ascii", "utf-16"])
types = st.lists(st.sampled_from(["EX-99", "EX-31", "EX", "8-K", "EX-99.1", ""]), min_size=1, max_size=3)


@pytest.fixture(scope="module")
def scratch():
    with tempfile.TemporaryDirectory(prefix="exhibit-fuzz-") as folder:
        yield Path(folder)


def _check_items(items, path: Path) -> None:
    for item in items:
        assert isinstance(item, (ExhibitInput, SkippedInput))
        assert item.source.startswith(str(path))  # every exhibit and every skip names its file
        if isinstance(item, ExhibitInput):
            assert isinstance(item.text, str) and item.id


@FUZZ
@given(content=submissions, newline=newlines, encoding=encodings, wanted=types)
def test_the_sgml_splitter_survives_any_submission(scratch, content, newline, encoding, wanted):
    path = scratch / "0000950123-26-000001.txt"
    path.write_bytes(content.replace(b"\n", newline))
    try:
        items = list(iter_sgml_exhibits(path, encoding, tuple(wanted)))
    except ExhibitError:
        return
    _check_items(items, path)
    count_sgml_exhibits(path, tuple(wanted))


@FUZZ
@given(content=submissions | st.binary(max_size=300), suffix=st.sampled_from([".txt", ".htm", ".jsonl", ".dat"]),
       max_chars=st.integers(1, 400))
def test_the_dispatcher_turns_every_problem_into_a_skip(scratch, content, suffix, max_chars):
    path = scratch / f"input{suffix}"
    path.write_bytes(content)
    items = list(iter_file_items(path, ReadOptions(max_chars=max_chars)))
    _check_items(items, path)
    for item in items:
        if isinstance(item, ExhibitInput):
            assert item.text.strip() and len(item.text) <= max_chars


HTML_PIECES = ["<html>", "<body>", "</body>", "<p>", "</p>", "<br>", "<div", ">", "<", "</", "&amp;", "&#",
               "&#x110000;", "&#0;", "&nbsp;", "&xxe;", "<script>", "</script>", "<style>", "<!--", "-->",
               "<![CDATA[", "]]>", "<!DOCTYPE html>", "<?xml version='1.0'?>", "<table><tr><td>", "</td>",
               "<img src='http://127.0.0.1:9/x.gif'>", "Acme Corp.", "1,000 shares", "\n", "\x00", "\ud800"]
html_like = st.one_of(st.text(max_size=200),
                      st.lists(st.one_of(st.sampled_from(HTML_PIECES), st.text(max_size=8)), max_size=40).map("".join))


@FUZZ
@given(html=html_like)
def test_the_html_reader_gives_text_or_its_own_error(html):
    try:
        text = html_to_text(html, "page.htm")
    except ExhibitError as err:
        assert "page.htm" in str(err)
        return
    assert isinstance(text, str)
