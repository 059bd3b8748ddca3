"""Spreadsheet cells that cannot run: the one escape every CSV and XLSX writer applies.

Spreadsheet programs read a cell starting with =, +, -, @ (or a tab or carriage return) as a
formula, so an exhibit id taken from a file name or an SGML header could run as one when the
table is opened ("CSV injection"). Such text gets a leading single quote, which spreadsheet
programs take as "this is text". Numbers are left alone: -5.00 is a number, not a formula.

The escape is reversible (unescape_cell), so files read back by the project (--resume) see the
original text. Text that already starts with a quote before a formula character gets a second
quote, which is what keeps the reverse exact.
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"
# A plain number as spreadsheets read one: sign, digits (thousands commas allowed), decimals,
# exponent. Such text starting with + or - is a value, never a formula.
_NUMBER = re.compile(r"[+-]?(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def is_number_text(text: str) -> bool:
    return _NUMBER.fullmatch(text) is not None


def needs_escape(text: str) -> bool:
    """True when a spreadsheet would read text as a formula (or text is an escaped one)."""
    if not text:
        return False
    if text[0] == QUOTE:
        return needs_escape(text[1:])
    return text[0] in FORMULA_STARTS and not is_number_text(text)


def escape_text(text: str) -> str:
    return QUOTE + text if needs_escape(text) else text


def unescape_cell(text: str) -> str:
    """The text escape_text was given (for cells read back from a file this project wrote)."""
    if text.startswith(QUOTE) and needs_escape(text[1:]):
        return text[1:]
    return text


def spreadsheet_value(value: Any) -> Any:
    """A cell value safe to write: text escaped; numbers, booleans and None as they are."""
    if isinstance(value, str):
        return escape_text(value)
    if value is None or isinstance(value, (bool, int, float, Decimal)):
        return value
    return escape_text(str(value))
