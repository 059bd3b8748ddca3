"""Exhibit inputs: plain text, HTML, JSONL and EDGAR SGML submissions, read lazily.

Every reader yields ExhibitInput (id, text, source, meta) or SkippedInput (source, code, reason).
"""
from .dispatch import (
    DEFAULT_GLOBS,
    DEFAULT_MAX_CHARS,
    STDIN,
    ReadOptions,
    count_inputs,
    find_input_files,
    input_kind,
    iter_file_items,
    iter_inputs,
    list_input_files,
)
from .html import html_to_text, read_html_exhibit
from .items import ExhibitInput, InputItem, SkippedInput
from .jsonl import iter_jsonl_exhibits
from .sgml import DEFAULT_EXHIBIT_TYPES, iter_sgml_exhibits
from .text import check_encoding, iter_text_inputs, read_text_exhibit

__all__ = [
    "DEFAULT_EXHIBIT_TYPES", "DEFAULT_GLOBS", "DEFAULT_MAX_CHARS", "STDIN", "ExhibitInput", "InputItem",
    "ReadOptions", "SkippedInput", "check_encoding", "count_inputs", "find_input_files", "html_to_text", "input_kind",
    "iter_file_items", "iter_inputs", "iter_jsonl_exhibits", "iter_sgml_exhibits", "iter_text_inputs",
    "list_input_files", "read_html_exhibit", "read_text_exhibit",
]
