"""HTML exhibits turned into readable text with inscriptis (tables laid out, scripts and styles
dropped, nothing fetched). The record's text is that rendering; offsets point into it."""
from __future__ import annotations

import re
from pathlib import Path

from ..errors import InputError
from .items import ExhibitInput
from .text import read_text_file

HTML_SUFFIXES = (".htm", ".html")
_HTML_START = re.compile(r"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*(<!doctype\s+html|<html\b|<body\b)",
                         re.IGNORECASE | re.DOTALL)


def looks_like_html(text: str) -> bool:
    """True for content that opens as an HTML document (EDGAR <TEXT> blocks often do)."""
    return bool(_HTML_START.match(text[:4096]))


def html_to_text(html: str, where: str = "HTML") -> str:
    """Readable text of an HTML document: block layout kept, trailing spaces and edge blank lines cut."""
    from inscriptis import get_text
    from inscriptis.css_profiles import CSS_PROFILES
    from inscriptis.model.config import ParserConfig

    # The strict profile adds no indentation of its own, so words keep their natural spacing.
    config = ParserConfig(css=CSS_PROFILES["strict"], display_images=False, display_links=False)
    try:
        text = get_text(html, config)
    except Exception as err:  # lxml and inscriptis raise several kinds on unusable markup
        raise InputError("E069", f"{where}: HTML cannot be turned into text ({type(err).__name__})") from None
    return "\n".join(line.rstrip() for line in text.splitlines()).strip("\n")


def read_html_exhibit(path: Path, encoding: str = "utf-8") -> ExhibitInput:
    """id = file name without extension, text = the HTML's readable text."""
    path = Path(path)
    return ExhibitInput(path.stem, html_to_text(read_text_file(path, encoding), str(path)), str(path))
