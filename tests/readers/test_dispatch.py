from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from nlp.errors import InputError
from nlp.readers import (ExhibitInput, ReadOptions, SkippedInput, count_inputs, input_kind, iter_inputs,
                         list_input_files)

INPUTS = Path(__file__).resolve().parents[1] / "data" / "inputs"
PHOTRONICS = "EXHIBIT 32.1\nI, Michael J. Luttati, Chief Executive Officer of Photronics, Inc., certify that"


@pytest.fixture
def folder(tmp_path):
    """A folder of every input kind, a subfolder included."""
    root = tmp_path / "exhibits"
    (root / "2004").mkdir(parents=True)
    shutil.copy(INPUTS / "0001047469-04-035975.txt", root / "2004")
    shutil.copy(INPUTS / "ante_ex99-1.htm", root)
    shutil.copy(INPUTS / "certifications.jsonl", root)
    (root / "plab_exh32-1.txt").write_text(PHOTRONICS)
    (root / "notes.md").write_text("not an exhibit")
    return root


def test_folders_list_text_and_html_recursively_and_jsonl_only_when_asked(folder):
    names = [p.name for p in list_input_files([folder])]
    assert names == ["0001047469-04-035975.txt", "ante_ex99-1.htm", "plab_exh32-1.txt"]
    names = [p.name for p in list_input_files([folder], ["*.jsonl"])]
    assert names == ["certifications.jsonl"]
    named = list_input_files([folder / "certifications.jsonl", "-"])
    assert [str(p) for p in named] == [str(folder / "certifications.jsonl"), "-"]


def test_listing_problems_fail_before_any_reading(folder, tmp_path):
    with pytest.raises(InputError) as err:
        list_input_files([folder, tmp_path / "missing.txt"])
    assert err.value.code == "E053" and "missing.txt: no such file or folder" in err.value.message
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match=r"empty: no file matching '\*.txt', '\*.htm', '\*.html'") as err:
        list_input_files([tmp_path / "empty"])
    assert err.value.code == "E051"


def test_output_files_inside_an_input_folder_are_not_inputs(folder):
    out = folder / "out.txt"
    out.write_text("earlier output")
    assert out not in list_input_files([folder], exclude=[out])


def test_kind_by_suffix_then_by_content(folder):
    kinds = {p.name: input_kind(p) for p in folder.rglob("*.*")}
    assert kinds == {"0001047469-04-035975.txt": "sgml", "ante_ex99-1.htm": "html",
                     "certifications.jsonl": "jsonl", "plab_exh32-1.txt": "text", "notes.md": "text"}
    assert input_kind(Path("-")) == "stdin"


def test_mixed_inputs_stream_in_order_with_the_bad_line_skipped(folder):
    files = list_input_files([folder, folder / "certifications.jsonl"])
    items = list(iter_inputs(files))
    assert [(type(i).__name__, i.id) for i in items] == [
        ("ExhibitInput", "0001047469-04-035975_a2147337zex-31_1"),
        ("ExhibitInput", "0001047469-04-035975_a2147337zex-32_1"),
        ("ExhibitInput", "ante_ex99-1"),
        ("ExhibitInput", "plab_exh32-1"),
        ("ExhibitInput", "plab_exh32-1"),
        ("SkippedInput", None),
        ("ExhibitInput", "clp_ex32-1"),
    ]
    assert items[3].text == PHOTRONICS  # the first version's contract: text exactly as decoded
    assert count_inputs(files) == len(items)


def test_empty_overlong_and_undecodable_inputs_are_skipped_and_the_rest_read(tmp_path):
    (tmp_path / "a_empty.txt").write_text(" \n\n")
    (tmp_path / "b_long.txt").write_text(PHOTRONICS * 3)
    (tmp_path / "c_latin.txt").write_bytes("Société Générale".encode("latin-1"))
    (tmp_path / "d_ok.txt").write_text(PHOTRONICS)
    items = list(iter_inputs(list_input_files([tmp_path]), ReadOptions(max_chars=len(PHOTRONICS))))
    skipped = [(i.code, i.id, i.reason) for i in items if isinstance(i, SkippedInput)]
    assert skipped == [
        ("E057", "a_empty", "empty text"),
        ("E058", "b_long", f"{len(PHOTRONICS) * 3} characters, above --max-chars {len(PHOTRONICS)}"),
        ("E050", None, "not utf-8 text (byte 4)"),
    ]
    assert items[2].source == str(tmp_path / "c_latin.txt")
    assert isinstance(items[3], ExhibitInput) and items[3].id == "d_ok"


def test_reading_is_lazy_one_file_at_a_time(tmp_path):
    for name in ("a", "b", "c"):
        (tmp_path / f"{name}.txt").write_text(f"Exhibit {name}")
    files = list_input_files([tmp_path])
    stream = iter_inputs(files)
    assert next(stream).text == "Exhibit a"
    (tmp_path / "b.txt").write_text("Exhibit b, changed after listing")
    (tmp_path / "c.txt").unlink()
    rest = list(stream)
    assert rest[0].text == "Exhibit b, changed after listing"
    assert isinstance(rest[1], SkippedInput) and rest[1].code == "E053"


def test_no_total_for_stdin():
    assert count_inputs([INPUTS / "ante_ex99-1.htm", Path("-")]) is None


def test_text_file_far_above_the_limit_is_skipped_unread(tmp_path):
    (tmp_path / "huge.txt").write_text("x" * 81)
    (skipped,) = iter_inputs([tmp_path / "huge.txt"], ReadOptions(max_chars=20))
    assert (skipped.code, skipped.id, skipped.reason) == ("E058", "huge", "81 bytes, more than --max-chars 20 characters")
