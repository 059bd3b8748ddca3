"""From command-line paths to a lazy stream of exhibits: list the files first (cheap, so a
missing path fails before any work), then read them one at a time, choosing the reader by
suffix and, for text files, by content (EDGAR SGML submissions).

Problems with one input (undecodable file, bad JSONL line, truncated SGML document, empty or
overlong text) become SkippedInput items, so a batch goes on with the good ones.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator, List, Optional, Sequence, Tuple

from ..errors import InputError
from .html import HTML_SUFFIXES, check_markup_size, read_html_exhibit
from .items import ExhibitInput, InputItem, SkippedInput
from .jsonl import JSONL_SUFFIXES, count_jsonl_lines, iter_jsonl_exhibits
from .sgml import DEFAULT_EXHIBIT_TYPES, SNIFF_BYTES, count_sgml_exhibits, is_sgml_submission, iter_sgml_exhibits
from .text import read_stdin_exhibit, read_text_exhibit

STDIN = "-"
# JSONL is read from folders only when asked (--glob '*.jsonl'): a folder often holds earlier output.
DEFAULT_GLOBS = ("*.txt", "*.htm", "*.html")
DEFAULT_MAX_CHARS = 2_000_000
# No text encoding takes more than 4 bytes per character: a larger file is overlong unread.
_MAX_BYTES_PER_CHAR = 4
# HTML (a file, or a document of an EDGAR submission) is refused unread above this many bytes
# per --max-chars character (20 MB for the default 2,000,000): its markup makes it larger than
# its text, and parsing it takes several times its size in memory.
MARKUP_BYTES_PER_CHAR = 10


@dataclass(frozen=True)
class ReadOptions:
    encoding: str = "utf-8"
    exhibit_types: Tuple[str, ...] = DEFAULT_EXHIBIT_TYPES
    max_chars: int = DEFAULT_MAX_CHARS
    # Bytes of one HTML file or submission document, checked before it is read or parsed;
    # None: MARKUP_BYTES_PER_CHAR * max_chars.
    max_bytes: Optional[int] = None
    # Files that folders link to outside themselves are skipped unless this is set.
    follow_links: bool = False

    @property
    def byte_limit(self) -> int:
        return self.max_bytes if self.max_bytes is not None else MARKUP_BYTES_PER_CHAR * self.max_chars

    @property
    def text_byte_limit(self) -> int:
        """Bytes of a plain-text file: more than 4 per character cannot fit --max-chars."""
        return min(_MAX_BYTES_PER_CHAR * self.max_chars, self.byte_limit)


def find_input_files(
    paths: Iterable[Path], globs: Sequence[str] = DEFAULT_GLOBS, exclude: Iterable[Path] = (),
    follow_links: bool = False,
) -> Tuple[List[Path], List[SkippedInput]]:
    """Files as given, folders searched recursively with every glob (sorted), "-" kept for stdin;
    and, unless follow_links, the files found in a folder that resolve outside it (a symbolic
    link to /etc/passwd in a folder of exhibits), skipped with code E255.

    Only paths are listed, never contents. `exclude` drops the run's own output files. A path
    given by name is always read, link or not: the user chose it.
    """
    skip = {Path(p).resolve() for p in exclude}
    files: List[Path] = []
    outside: List[SkippedInput] = []
    for path in map(Path, paths):
        if str(path) == STDIN:
            files.append(path)
        elif path.is_dir():
            matched = {p for glob in globs for p in path.rglob(glob) if p.is_file()}
            found = sorted(p for p in matched if p.resolve() not in skip)
            if not found:
                shown = ", ".join(repr(g) for g in globs)
                raise InputError("E051", f"{path}: no file matching {shown} in this folder")
            folder = path.resolve()
            for file in found:
                if follow_links or file.resolve().is_relative_to(folder):
                    files.append(file)
                else:
                    outside.append(SkippedInput(str(file), "E255", f"a link to {file.resolve()}, outside the "
                                                f"folder {path} (--follow-links reads it)"))
        elif path.exists():
            files.append(path)
        else:
            raise InputError("E053", f"{path}: no such file or folder")
    return files, outside


def list_input_files(
    paths: Iterable[Path], globs: Sequence[str] = DEFAULT_GLOBS, exclude: Iterable[Path] = (),
    follow_links: bool = False,
) -> List[Path]:
    """The files of find_input_files; InputError E255 for the first link out of a folder (for
    commands that stop at the first bad input; `exhibit predict` reports them and goes on)."""
    files, outside = find_input_files(paths, globs, exclude, follow_links)
    if outside:
        raise outside[0].to_error()
    return files


def input_kind(path: Path) -> str:
    """'stdin', 'jsonl', 'html', 'sgml' or 'text' (anything else: SGML when its content says so)."""
    if str(path) == STDIN:
        return "stdin"
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in HTML_SUFFIXES:
        return "html"
    if not path.is_file():
        return "text"  # a pipe: sniffing would consume it
    try:
        with path.open("rb") as handle:
            head = handle.read(SNIFF_BYTES)
    except OSError:
        return "text"  # the reader reports why it cannot be read
    return "sgml" if is_sgml_submission(head) else "text"


def _read_file(path: Path, options: ReadOptions, stdin: Optional[BinaryIO]) -> Iterator[InputItem]:
    kind = input_kind(path)
    if kind == "stdin":
        yield read_stdin_exhibit(stdin or sys.stdin.buffer, options.encoding, options.text_byte_limit)
    elif kind == "jsonl":
        yield from iter_jsonl_exhibits(path, options.encoding)
    elif kind == "sgml":
        yield from iter_sgml_exhibits(path, options.encoding, options.exhibit_types, options.byte_limit)
    elif kind == "html":  # the file's size is checked before it is read; its text's length after
        try:
            check_markup_size(path, path.stat().st_size, options.byte_limit)
        except InputError as err:
            yield SkippedInput.from_error(err, path.stem)
            return
        yield read_html_exhibit(path, options.encoding)
    else:
        size = path.stat().st_size
        if size > options.text_byte_limit:
            # a text file of more bytes than --max-chars characters can take is refused unread
            limit = (f"more than --max-chars {options.max_chars:,} characters" if options.text_byte_limit < options.byte_limit
                     else f"above the --max-bytes limit {options.byte_limit:,}")
            yield SkippedInput(str(path), "E058", f"{size:,} bytes, {limit}", path.stem)
        else:
            yield read_text_exhibit(path, options.encoding)


def check_exhibit(item: ExhibitInput, max_chars: int) -> InputItem:
    """The exhibit, or a SkippedInput when there is nothing to predict on or too much."""
    if not item.text.strip():
        return SkippedInput(item.source, "E057", "empty text", item.id)
    if len(item.text) > max_chars:
        return SkippedInput(item.source, "E058", f"{len(item.text):,} characters, above --max-chars {max_chars:,}",
                            item.id)
    return item


def iter_file_items(path: Path, options: ReadOptions = ReadOptions(),
                    stdin: Optional[BinaryIO] = None) -> Iterator[InputItem]:
    """Every item of one input file; an error reading the file becomes one SkippedInput."""
    return checked_items(Path(path), _read_file(Path(path), options, stdin), options.max_chars)


def checked_items(path: Path, items: Iterable[InputItem], max_chars: int) -> Iterator[InputItem]:
    """The items read from path, each exhibit checked; an error while reading becomes one
    SkippedInput (the items before it are kept)."""
    try:
        for item in items:
            yield check_exhibit(item, max_chars) if isinstance(item, ExhibitInput) else item
    except InputError as err:
        yield SkippedInput.from_error(err)
    except FileNotFoundError:  # removed between listing and reading
        yield SkippedInput(str(path), "E053", "no such file")
    except OSError as err:
        yield SkippedInput(str(path), "E054", f"cannot be read ({err.strerror or err})")


def iter_inputs(files: Iterable[Path], options: ReadOptions = ReadOptions(),
                stdin: Optional[BinaryIO] = None) -> Iterator[InputItem]:
    """Items of every listed file, lazily: one file's text in memory at a time."""
    for path in files:
        yield from iter_file_items(path, options, stdin)


def count_inputs(files: Sequence[Path], options: ReadOptions = ReadOptions()) -> Optional[int]:
    """How many items the files will give (cheap scans), or None when stdin is among them."""
    total = 0
    for path in files:
        kind = input_kind(path)
        if kind == "stdin" or not path.is_file():
            return None  # a pipe can be read only once: no total, the bar counts up
        try:
            if kind == "jsonl":
                total += count_jsonl_lines(path)
            elif kind == "sgml":
                total += count_sgml_exhibits(path, options.exhibit_types)
            else:
                total += 1
        except (OSError, InputError):
            total += 1  # reading it will report the problem as one skipped input
    return total
