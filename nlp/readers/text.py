"""Plain-text exhibits: one file (or standard input) is one exhibit, its text exactly as decoded."""
from __future__ import annotations

import codecs
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator, Optional

from ..errors import InputError
from .items import ExhibitInput

STDIN_ID = "stdin"
STDIN_SOURCE = "<stdin>"


def check_encoding(encoding: str) -> str:
    """The encoding's name, or an error before any file is read."""
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise InputError("E064", f"--encoding {encoding!r}: unknown text encoding") from None
    return encoding


def decode(data: bytes, encoding: str, where: str, offset: int = 0) -> str:
    """Decoded text; an undecodable byte is an error naming `where` and its byte offset."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        raise InputError("E050", f"{where}: not {encoding} text (byte {offset + err.start})") from None


def read_bytes(path: Path) -> bytes:
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError("E053", f"{path}: no such file") from None
    except PermissionError:
        raise InputError("E054", f"{path}: permission denied") from None
    except OSError as err:
        raise InputError("E054", f"{path}: cannot be read ({err.strerror})") from None


def read_text_file(path: Path, encoding: str = "utf-8") -> str:
    return decode(read_bytes(path), encoding, str(path))


def read_text_exhibit(path: Path, encoding: str = "utf-8") -> ExhibitInput:
    """id = file name without extension, text = the content exactly as decoded (no normalization)."""
    path = Path(path)
    return ExhibitInput(path.stem, read_text_file(path, encoding), str(path))


def read_stdin_exhibit(stream: BinaryIO, encoding: str = "utf-8", max_bytes: Optional[int] = None) -> ExhibitInput:
    """The whole stream as one exhibit; with max_bytes, InputError E257 once more arrives (a pipe
    has no size to check first, so at most max_bytes + 1 bytes are held)."""
    data = stream.read() if max_bytes is None else stream.read(max_bytes + 1)
    if max_bytes is not None and len(data) > max_bytes:
        raise InputError("E257", f"{STDIN_SOURCE}: more than {max_bytes:,} bytes, above the size limit "
                                 "(--max-chars, --max-bytes); not read further")
    return ExhibitInput(STDIN_ID, decode(data, encoding, STDIN_SOURCE), STDIN_SOURCE)


def iter_text_inputs(paths: Iterable[Path], glob: str = "*.txt") -> Iterator[ExhibitInput]:
    """The first version's reader: .txt files as given, folders searched recursively with `glob`.

    No SGML, HTML or JSONL handling and no skipping: the first problem raises. `exhibit predict`
    uses nlp.readers.dispatch instead.
    """
    for path in map(Path, paths):
        if path.is_dir():
            files = sorted(p for p in path.rglob(glob) if p.is_file())
            if not files:
                raise InputError("E051", f"{path}: no file matching {glob!r} in this folder")
            for file in files:
                yield read_text_exhibit(file)
        elif path.exists():
            yield read_text_exhibit(path)
        else:
            raise InputError("E053", f"{path}: no such file")
