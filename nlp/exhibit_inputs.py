"""The one way commands read exhibits: `exhibit predict` streams nlp.readers.iter_inputs; the
commands that need every exhibit at once (show, suggest) collect the same stream here.

So HTML is read as its text, an EDGAR submission as its chosen exhibit documents, JSONL as one
exhibit per line, whatever the command. Collecting commands stop at the first input predict
would skip, with predict's code and message.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, List, Optional, Sequence

from .errors import InputError
from .limits import checked_exhibits
from .readers import DEFAULT_GLOBS, DEFAULT_MAX_CHARS, ExhibitInput, ReadOptions, check_encoding, iter_inputs, list_input_files


def read_options(encoding: str = "utf-8", exhibit_types: str = "EX-31,EX-32,EX-99",
                 max_chars: int = DEFAULT_MAX_CHARS, follow_links: bool = False,
                 max_bytes: Optional[int] = None) -> ReadOptions:
    """ReadOptions from command-line values (types comma-separated), checked before any file is read."""
    types = tuple(t.strip() for t in exhibit_types.split(",") if t.strip())
    if not types:
        raise InputError("E360", "--exhibit-types: give at least one type, e.g. EX-31,EX-32,EX-99")
    return ReadOptions(check_encoding(encoding), types, max_chars, max_bytes, follow_links)


def read_exhibits(paths: Iterable[Path], options: ReadOptions = ReadOptions(),
                  globs: Optional[Sequence[str]] = None, exclude: Iterable[Path] = ()) -> List[ExhibitInput]:
    """Every exhibit of the paths (files, folders searched with `globs`, "-" for stdin), in order;
    InputError for the first input that gives none (unreadable, empty, too long...)."""
    files = list_input_files(paths, tuple(globs) if globs else DEFAULT_GLOBS, exclude=exclude,
                             follow_links=options.follow_links)
    return checked_exhibits(iter_inputs(files, options), options.max_chars)
