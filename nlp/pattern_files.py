"""Knowledge as data: the phrase cues and lexicons the pipeline reads live in nlp/patterns/*.json.

Each file is a JSON object; a value is a list of strings (words, phrases or regular expressions,
as the file's "_about" entry says). Files ship as package data, so a fresh install reads them
offline, and a test scans them for names taken from the corpus. The rule components read theirs
through load_patterns, which turns a broken file into ConfigError E380-E383; the code keeps the
regex structure (how a name is shaped, how a list is split) and takes the vocabulary from here.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, Union

PATTERN_DIR = Path(__file__).parent / "patterns"
ABOUT = "_about"  # the entry that says what each other key of a file holds


def alternation(words) -> str:
    """A regular-expression alternation of literal-free pattern strings, in file order."""
    return "|".join(words)


def alternation_group(words) -> str:
    """The alternation as one regex unit: a single entry as it is, several in a non-capturing
    group, so that a word boundary or a quantifier around it applies to every entry."""
    words = list(words)
    return words[0] if len(words) == 1 else f"(?:{alternation(words)})"


def check_pattern_file(path: Union[str, Path]) -> Dict[str, Any]:
    """The parsed pattern file at `path`, after checking what the rule code relies on: a JSON
    object whose "_about" describes every other key, each value a string or a list of strings,
    each string a valid regular expression (plain words are valid ones). ConfigError E380-E383
    names the file and the key otherwise: an edited pattern file fails on loading, not as a
    traceback deep inside a component."""
    from .errors import ConfigError

    where = str(path)
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except json.JSONDecodeError as err:
        raise ConfigError("E380", f"{where}, line {err.lineno}: not valid JSON ({err.msg})") from None
    except (OSError, UnicodeDecodeError) as err:
        raise ConfigError("E380", f"{where}: cannot read the pattern file ({err})") from None
    about = data.get(ABOUT) if isinstance(data, dict) else None
    if not isinstance(about, dict):
        raise ConfigError("E381", f"{where}: not a JSON object with an {ABOUT!r} object describing its keys")
    for key, value in data.items():
        if key == ABOUT:
            continue
        if not isinstance(about.get(key), str) or not about[key].strip():
            raise ConfigError("E381", f"{where}: key {key!r} has no description in {ABOUT!r}")
        entries = [value] if isinstance(value, str) else value
        if not isinstance(entries, list) or not all(isinstance(entry, str) for entry in entries):
            raise ConfigError("E382", f"{where}: key {key!r} is neither a string nor a list of strings")
        for number, entry in enumerate(entries, 1):
            try:
                re.compile(entry)
            except re.error as err:
                raise ConfigError("E383", f"{where}: key {key!r}, entry {number} {entry!r} is not a valid regular expression ({err})") from None
    return data


@lru_cache(maxsize=None)
def load_patterns(name: str) -> Dict[str, Any]:
    """The pattern file `name` (without .json), checked by check_pattern_file, parsed once per
    process; what the rule steps and the structure marker read their vocabulary through."""
    return check_pattern_file(PATTERN_DIR / f"{name}.json")
