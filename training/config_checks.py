"""Training config problems told in one line: which section and setting, and what is wrong.

spaCy validates the arguments of registered functions, but not the keys of the [nlp],
[training] and [initialize] sections themselves, so a typo there ("max_stepz") would be
ignored silently and the default used. Those keys are checked here against spaCy's schemas.
"""
from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any, Iterable

from nlp.errors import ConfigError

REQUIRED_SECTIONS = ("nlp", "components", "corpora", "training")


def _schema_fields(schema: Any) -> Iterable[str]:
    fields = getattr(schema, "model_fields", None)  # pydantic 2
    return fields if fields is not None else schema.__fields__


def check_known_settings(config, config_path: Path) -> None:
    """Raise ConfigError for a missing required section or an unknown key of [nlp], [training]
    or [initialize], suggesting the closest known key."""
    from spacy.schemas import ConfigSchemaInit, ConfigSchemaNlp, ConfigSchemaTraining

    for section in REQUIRED_SECTIONS:
        if not isinstance(config.get(section), dict):
            raise ConfigError("E167", f"{config_path}: no [{section}] section (is the file complete?)")
    for section, schema in (("nlp", ConfigSchemaNlp), ("training", ConfigSchemaTraining),
                            ("initialize", ConfigSchemaInit)):
        values = config.get(section)
        if not isinstance(values, dict):
            continue
        known = sorted(_schema_fields(schema))
        for key in values:
            if key not in known:
                close = difflib.get_close_matches(key, known, n=1)
                hint = f"; did you mean {close[0]}?" if close else ""
                raise ConfigError("E166", f"{config_path}: [{section}] {key}: unknown setting{hint}")


def config_error_detail(err: BaseException) -> str:
    """The useful part of a spaCy/confection config error, on one line."""
    title = (getattr(err, "title", None) or "").strip()
    errors = getattr(err, "errors", None)
    if errors:
        first = errors[0]
        where = ".".join(str(part) for part in first.get("loc", ()))
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        detail = f"{where}: {first.get('msg')}{more}"
        return f"{title}: {detail}" if title else detail
    desc = getattr(err, "desc", None)
    if title and desc:
        lines = [line.strip() for line in str(desc).splitlines()
                 if line.strip() and not line.startswith("Make sure")]
        return f"{title}: {' '.join(lines)}"[:300]
    if isinstance(err, KeyError):
        return f"missing section or setting {err}"
    text = " ".join(str(err).split())
    # spaCy's registry errors go on with advice and a list of every registered name.
    sentence = text.split(". ")[0]
    return (sentence or type(err).__name__)[:300]
