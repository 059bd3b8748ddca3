"""When writing fails (a full disk, a quota, an I/O error) or is interrupted (Ctrl-C, SIGTERM):
the message names the file, and no temporary file is left behind."""
from __future__ import annotations

import contextlib
import shutil
from pathlib import Path
from typing import Iterator, Optional, Union

from ..errors import InputError


def write_failed(path: Optional[Union[Path, str]], err: OSError) -> InputError:
    """An OSError raised while writing, as a one-line error naming what was being written
    (a write on an open file raises it without any file name)."""
    where = "standard output" if path is None else str(path)
    return InputError("E205", f"{where}: cannot write ({err.strerror or err})")


@contextlib.contextmanager
def naming_write_errors(path: Optional[Union[Path, str]]) -> Iterator[None]:
    """Turn an OSError of the block that names no file (a write to an open file) into E205
    naming path. One naming a file already says where; a closed pipe is left to the CLI."""
    try:
        yield
    except BrokenPipeError:
        raise
    except OSError as err:
        if err.filename is not None:
            raise
        raise write_failed(path, err) from None


def temporary_sibling(path: Path) -> Path:
    """OUT.part: where a whole-file writer writes before renaming to OUT."""
    return Path(path).with_name(Path(path).name + ".part")


def remove_quietly(path: Path) -> None:
    """Remove a temporary file or folder if it is there."""
    path = Path(path)
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        with contextlib.suppress(OSError):
            path.unlink()


@contextlib.contextmanager
def removed_on_failure(*temporaries: Path) -> Iterator[None]:
    """Remove the temporaries when the block fails or is interrupted, then re-raise."""
    try:
        yield
    except BaseException:
        for temporary in temporaries:
            remove_quietly(temporary)
        raise
