"""SIGTERM (a supervisor, `kill`, a job scheduler ending the run) stops a command as Ctrl-C does:
as a KeyboardInterrupt, so writers close what they wrote, finished output is kept and temporary
files are removed.

Workers that spaCy forks for --n-process inherit these handlers. Ctrl-C reaches every process of
the terminal's group, but only the main process acts on it: it stops the run and ends its workers,
which would otherwise each print a KeyboardInterrupt traceback.
"""
from __future__ import annotations

import os
import signal


class Terminated(KeyboardInterrupt):
    """SIGTERM, handled as an interrupt; the exit code is the shell's for a TERM-killed command."""

    exit_code = 128 + signal.SIGTERM


def stop_on_signals() -> None:
    """Install the handlers; call once, in the main thread of the main process."""
    main_pid = os.getpid()

    def stop(signum, frame):
        if os.getpid() != main_pid:  # a forked worker: the main process ends it
            if signum == signal.SIGTERM:
                os._exit(128 + signum)
            return
        raise Terminated() if signum == signal.SIGTERM else KeyboardInterrupt()

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
