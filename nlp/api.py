"""The Python API: load a pipeline, extract records and facts from texts, tabulate the facts.

    import nlp
    model = nlp.load()                                  # the shipped model
    for record in nlp.extract(["Acme Corp. sold ..."], model):
        record["record"]                                # the structured facts (nlp.facts)
    frame = nlp.facts_frame(records)                    # one row per security or officer

Each record is what `exhibit predict` writes for an exhibit (see docs/python-api.md). For a
spaCy Doc, the same facts are `doc._.facts` and the relations `doc._.relation_spans`.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, Iterable, Iterator, Optional, Tuple, Union

from .errors import ConfigError, InputError
from .io.records import ExhibitRecord
from .readers import DEFAULT_MAX_CHARS, ExhibitInput, SkippedInput

__all__ = ["load", "extract", "facts_frame"]

TextItem = Union[str, Tuple[str, str]]


def load(path: Optional[Union[str, Path]] = None):
    """The spaCy pipeline in `path` (default: the shipped model, or $EXHIBIT_MODEL).

    Raises ModelError naming the directory when it is missing or not a model.
    """
    from .models import load_model

    return load_model(Path(path) if path is not None else None)


@lru_cache(maxsize=1)
def _default_pipeline():
    return load()


def _inputs(texts: Iterable[TextItem], max_chars: int) -> Iterator[ExhibitInput]:
    from .readers.dispatch import check_exhibit

    if isinstance(texts, (str, bytes)):  # one text would otherwise be read character by character
        raise InputError("E290", "texts: expected a list (or other iterable) of texts, got one string")
    for position, item in enumerate(texts):
        where = f"texts item {position}"
        if isinstance(item, str):
            record_id, text = str(position), item
        elif isinstance(item, tuple) and len(item) == 2 and all(isinstance(part, str) for part in item):
            record_id, text = item
        else:
            raise InputError("E291", f"{where}: expected a text or an (id, text) pair of strings, "
                                     f"got {type(item).__name__}")
        checked = check_exhibit(ExhibitInput(record_id, text, where), max_chars)
        if isinstance(checked, SkippedInput):  # empty or overlong: the E057/E058 of exhibit predict
            raise InputError(checked.code, f"{where} (id {record_id!r}): {checked.reason}")
        yield checked


def extract(
    texts: Iterable[TextItem], nlp=None, batch_size: int = 8, min_score: Optional[float] = None,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Iterator[Dict[str, Any]]:
    """One output record per text, in order, streamed: id, text, entities (offsets, label,
    value), relations (offsets, label, score), "record" (the structured facts) and "warnings".

    `texts` holds strings (ids "0", "1", ...) or (id, text) pairs; `nlp` is a pipeline from
    load() (default: the shipped model, loaded once), whose max_length is raised to max_chars.
    Relations scoring below `min_score` are left out before the facts are built. An empty text,
    or one longer than `max_chars`, raises InputError naming its position.
    """
    from .inference import predict_exhibits
    from .limits import allow_length

    if batch_size < 1:
        raise InputError("E292", f"batch_size must be at least 1, not {batch_size}")
    pipeline = nlp if nlp is not None else _default_pipeline()
    allow_length(pipeline, max_chars)
    yield from predict_exhibits(pipeline, _inputs(texts, max_chars), batch_size=batch_size, min_score=min_score)


def facts_frame(records: Iterable[Union[Dict[str, Any], ExhibitRecord]]):
    """A pandas DataFrame of the facts, one row per offered security or certifying officer
    (the rows of `exhibit records`, nlp.facts.flatten.COLUMNS). Records are extract() output,
    `exhibit predict` lines or gold guide records (their facts are computed)."""
    try:
        import pandas
    except ImportError:  # pandas comes with `datasets`; only a trimmed install lacks it
        raise ConfigError("E293", "facts_frame needs pandas: pip install pandas") from None
    from .facts.flatten import COLUMNS, record_rows

    rows = []
    for position, record in enumerate(records):
        data = record.to_dict() if isinstance(record, ExhibitRecord) else record
        if not isinstance(data, dict) or not isinstance(data.get("text", ""), str):
            raise InputError("E294", f"records item {position}: expected an output record (a dict), "
                                     f"got {type(record).__name__}")
        rows.extend(record_rows(data))
    # nullable dtypes: a missing quantity is <NA> in an integer column, not NaN in a float one
    return pandas.DataFrame(rows, columns=COLUMNS).convert_dtypes()
