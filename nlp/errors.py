"""Every user-facing failure, with a greppable code and the exit code the CLI gives it.

Library code raises these; only the CLI turns them into a message line and an exit code.
"""
from __future__ import annotations

# Exit codes, documented in the README.
EXIT_OK = 0
EXIT_PROBLEMS = 1      # the input was read, and problems were found in it (validate, evaluate; skipped lines)
EXIT_INPUT = 2         # a file is missing, unreadable or malformed; bad usage
EXIT_MODEL = 3         # a model directory is missing or cannot be loaded
EXIT_CONFIG = 4        # a training config is invalid
EXIT_INTERNAL = 70     # an unexpected exception: a bug (EX_SOFTWARE of sysexits.h)
EXIT_INTERRUPTED = 130


class ExhibitError(Exception):
    """A failure with a code and a one-line message that names the file/line/record."""

    exit_code = EXIT_INPUT

    def __init__(self, code: str, message: str):
        super().__init__(f"[{code}] {message}")
        self.code = code
        self.message = message


class InputError(ExhibitError):
    """A file or record that cannot be read as what it should be."""

    exit_code = EXIT_INPUT


class ModelError(ExhibitError):
    exit_code = EXIT_MODEL


class ConfigError(ExhibitError):
    exit_code = EXIT_CONFIG


MAX_SHOWN_ID = 80  # characters of a record id that messages echo


def shown_id(record_id: object) -> str:
    """A record id as messages show it: on one line, at most MAX_SHOWN_ID characters (an id
    is whatever the input holds, a 5 MB string included)."""
    text = str(record_id).replace("\r", "\\r").replace("\n", "\\n")
    return text if len(text) <= MAX_SHOWN_ID else text[: MAX_SHOWN_ID - 1] + "\u2026"
