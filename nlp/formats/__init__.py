"""Annotation interchange formats: one module per format, and the registry of them all.

Every format reads into and writes from guide records (nlp.io.records.ExhibitRecord), so any
two formats convert through them. See nlp/convert.py for the dispatch.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Dict, Tuple

from ..errors import InputError
from . import conll, docbin, doccano, hf, jsonl, label_studio, prodigy
from .base import ConversionReport, FormatOptions


@dataclass(frozen=True)
class Format:
    name: str
    read: Callable
    write: Callable
    suffixes: Tuple[str, ...]   # file suffixes that name this format alone


FORMATS: Dict[str, Format] = {
    f.name: f
    for f in (
        Format("jsonl", jsonl.read, jsonl.write, ()),
        Format("prodigy", prodigy.read, prodigy.write, ()),
        Format("label-studio", label_studio.read, label_studio.write, (".json",)),
        Format("doccano", doccano.read, doccano.write, ()),
        Format("conll", conll.read, conll.write, (".conll", ".iob", ".bio")),
        Format("docbin", docbin.read, docbin.write, (".spacy",)),
        Format("hf", hf.read, hf.write, (".parquet",)),
    )
}


def get_format(name: str) -> Format:
    if name not in FORMATS:
        raise InputError("E130", f"unknown format {name!r}; choose one of {', '.join(FORMATS)}")
    return FORMATS[name]


__all__ = ["FORMATS", "Format", "FormatOptions", "ConversionReport", "get_format"]
