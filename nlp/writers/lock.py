"""One run at a time per output file: OUT.lock beside it, created atomically (O_CREAT|O_EXCL)
and removed when the run ends, so a second run writing the same file is refused before it
truncates or appends anything. A lock left by a run that was killed outright (its process is
gone) is taken over, and said so."""
from __future__ import annotations

import contextlib
import os
import socket
from pathlib import Path
from typing import Callable, Iterator, Optional, Sequence

from ..errors import InputError


def lock_path(path: Path) -> Path:
    return Path(path).with_name(Path(path).name + ".lock")


def _holder(lock: Path) -> tuple:
    """(pid, host) written in a lock file; (None, None) when unreadable or half written."""
    try:
        pid, host = lock.read_text(encoding="utf-8").split("\n")[:2]
        return int(pid), host
    except (OSError, ValueError):
        return None, None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's live process
        return True
    return True


def _create(lock: Path) -> bool:
    """True if this call made the lock file (no other run holds it)."""
    try:
        fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
    except FileExistsError:
        return False
    except OSError as err:
        raise InputError("E204", f"{lock}: cannot create the lock file for {lock.with_suffix('')} "
                                 f"({err.strerror or err})") from None
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(f"{os.getpid()}\n{socket.gethostname()}\n")
    return True


def acquire(path: Path, note: Optional[Callable[[str], None]] = None) -> Path:
    """Take the lock of output path, or raise E202/E203 naming who holds it (E368: named twice)."""
    lock = lock_path(path)
    if _create(lock):
        return lock
    pid, host = _holder(lock)
    if pid is None or host != socket.gethostname():
        where = f"on host {host}" if pid is not None else "by an unknown run"
        raise InputError("E203", f"{path}: locked {where} ({lock}); if no run is writing it, delete the lock file")
    if pid == os.getpid():
        raise InputError("E368", f"{path}: given twice as an output of this run")
    if _alive(pid):
        raise InputError("E202", f"{path}: another run (process {pid}) is writing this output; wait for it "
                                 f"to end, or delete {lock} if it is not an exhibit run")
    # The holder was killed before it could remove its lock: the file is free again.
    with contextlib.suppress(FileNotFoundError):
        lock.unlink()
    if not _create(lock):  # another run took it over first
        raise InputError("E202", f"{path}: another run is writing this output ({lock})")
    if note is not None:
        note(f"note: removed the stale lock {lock} of process {pid}, which is no longer running")
    return lock


@contextlib.contextmanager
def output_locks(paths: Sequence[Optional[Path]], note: Optional[Callable[[str], None]] = None) -> Iterator[None]:
    """Hold the locks of every output path (None skipped) while the block runs."""
    taken = []
    try:
        for path in paths:
            if path is not None:
                taken.append(acquire(path, note))
        yield
    finally:
        for lock in taken:
            with contextlib.suppress(OSError):
                lock.unlink()
