"""Where predictions go: the output format, and checks that the output can be written there,
made before any model is loaded or input read."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Iterable, Mapping, Optional, Sequence

from ..errors import InputError

FORMATS = ("jsonl", "csv", "parquet")
_SUFFIX_FORMATS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl", ".csv": "csv",
                   ".parquet": "parquet", ".pq": "parquet"}


def choose_format(output: Optional[Path], fmt: Optional[str], formats: Sequence[str],
                  suffixes: Mapping[str, str], default: str, code: str) -> str:
    """--format if given (one of `formats`, else error `code`), else from the output's suffix,
    else `default`: the one rule every writer that picks a format follows."""
    if fmt is not None:
        if fmt.lower() not in formats:
            raise InputError(code, f"--format {fmt!r}: choose one of {', '.join(formats)}")
        return fmt.lower()
    if output is None:
        return default
    return suffixes.get(Path(output).suffix.lower(), default)


def output_format(output: Optional[Path], fmt: Optional[str] = None) -> str:
    """--format if given, else from the output's suffix, else jsonl."""
    return choose_format(output, fmt, FORMATS, _SUFFIX_FORMATS, "jsonl", "E362")


def default_errors_path(output: Path) -> Path:
    """out.jsonl -> out.errors.jsonl (beside the output)."""
    output = Path(output)
    return output.with_name(f"{output.stem}.errors.jsonl")


def check_writable_folder(folder: Path, for_what: Path) -> None:
    """The folder exists and a file can be created in it (tried, so read-only mounts count too)."""
    folder = Path(folder)
    if not folder.exists():
        raise InputError("E052", f"{for_what}: folder {folder} does not exist")
    if not folder.is_dir():
        raise InputError("E052", f"{for_what}: {folder} is not a folder")
    try:
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as err:
        raise InputError("E063", f"{for_what}: cannot write in folder {folder} ({err.strerror or err})") from None


def check_output_file(path: Path) -> None:
    """An output file can be (re)written at path."""
    path = Path(path)
    if path.is_dir():
        raise InputError("E063", f"{path}: is a folder, expected an output file")
    check_writable_folder(path.parent if str(path.parent) else Path("."), path)
    if path.exists():
        try:
            path.open("ab").close()
        except OSError as err:
            raise InputError("E063", f"{path}: cannot be written ({err.strerror or err})") from None


def check_output_folder(path: Path) -> None:
    """An output folder (for parts) exists or can be created in an existing parent."""
    path = Path(path)
    if path.exists() and not path.is_dir():
        raise InputError("E063", f"{path}: is a file, expected an output folder for parts")
    check_writable_folder(path if path.exists() else (path.parent if str(path.parent) else Path(".")), path)


def _same_file(a: Path, b: Path) -> bool:
    """Two spellings of one file: equal once resolved (symlinks, `..`), or one inode (hard links)."""
    if a.resolve() == b.resolve():
        return True
    try:
        return os.path.samefile(a, b)
    except OSError:  # either does not exist (yet): then only the resolved paths can tell
        return False


def _input_holding(output: Path, source: Path, globs: Optional[Sequence[str]]) -> bool:
    """True when output is source, or an existing file the input folder source would be read for."""
    if _same_file(output, source):
        return True
    if source.is_dir():
        if not output.is_file():
            return False
        inside = output.resolve()
        folder = source.resolve()
        if folder not in inside.parents:
            return False
        relative = inside.relative_to(folder)  # matched as rglob matches: from the right
        return globs is None or any(relative.match(pattern) for pattern in globs)
    return False


def check_not_an_input(outputs: Iterable[Optional[Path]], inputs: Iterable[Optional[Path]],
                       globs: Optional[Sequence[str]] = None, code: str = "E200") -> None:
    """Refuse an output that would overwrite (or delete) an input of the same run, checked before
    anything is written: the same file under another spelling, through a symlink or a hard link,
    or a file inside an input folder that the run reads (globs: the folder's file patterns; None:
    any file in it). Standard input ("-") and absent paths never clash."""
    sources = [Path(p) for p in inputs if p is not None and str(p) != "-" and os.path.lexists(p)]
    for output in (Path(p) for p in outputs if p is not None and str(p) != "-"):
        for source in sources:
            if _input_holding(output, source, globs):
                what = f"an input file of folder {source}" if source.is_dir() else f"the input {source}"
                raise InputError(code, f"{output}: the output would overwrite {what}; write it elsewhere")
