from __future__ import annotations

import io

import pytest

from nlp.errors import InputError
from nlp.readers import check_encoding, iter_text_inputs, read_text_exhibit
from nlp.readers.text import read_stdin_exhibit

CERT = "EXHIBIT 32.1\r\nI, Michael J. Luttati, Chief Executive Officer of Photronics, Inc.  \r\n\ufeff\n"


def test_text_file_is_one_exhibit_with_its_exact_text(tmp_path):
    path = tmp_path / "plab_exh32-1.txt"
    path.write_bytes(CERT.encode("utf-8"))
    item = read_text_exhibit(path)
    assert (item.id, item.text, item.source, item.meta) == ("plab_exh32-1", CERT, str(path), {})


def test_undecodable_text_names_the_file_and_byte(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Société Générale".encode("latin-1"))
    with pytest.raises(InputError) as err:
        read_text_exhibit(path)
    assert err.value.code == "E050"
    assert err.value.message == f"{path}: not utf-8 text (byte 4)"


def test_encoding_option_decodes_other_encodings(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Société Générale".encode("latin-1"))
    assert read_text_exhibit(path, "latin-1").text == "Société Générale"


def test_unknown_encoding_is_refused_up_front():
    with pytest.raises(InputError) as err:
        check_encoding("utf-9")
    assert err.value.code == "E064" and "utf-9" in err.value.message


def test_stdin_is_one_exhibit_named_stdin():
    item = read_stdin_exhibit(io.BytesIO(CERT.encode("utf-8")))
    assert (item.id, item.text, item.source) == ("stdin", CERT, "<stdin>")


def test_stdin_decoding_error_names_stdin():
    with pytest.raises(InputError, match=r"<stdin>: not utf-8 text \(byte 2\)"):
        read_stdin_exhibit(io.BytesIO(b"ab\xff"))


def test_first_version_reader_still_reads_folders(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("B text")
    (tmp_path / "a.txt").write_text("A text")
    assert [(i.id, i.text) for i in iter_text_inputs([tmp_path])] == [("a", "A text"), ("b", "B text")]
    with pytest.raises(InputError, match="no such file"):
        list(iter_text_inputs([tmp_path / "missing.txt"]))
