"""HTML exhibits turned into readable text with inscriptis (tables laid out, scripts and styles
dropped, nothing fetched). The record's text is that rendering; offsets point into it.

HTML is untrusted, so the conversion is bounded: the file's size is checked before it is read
(nlp.readers.dispatch), the time taken grows linearly with the size, and no text is lost to the
parser's limits (deep nesting, huge attributes) without an error saying so.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Optional

from ..errors import InputError
from .items import ExhibitInput
from .text import read_text_file

HTML_SUFFIXES = (".htm", ".html")
_HTML_START = re.compile(r"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*(<!doctype\s+html|<html\b|<body\b)",
                         re.IGNORECASE | re.DOTALL)
_XML_DECLARATION = re.compile(r"^<\?xml [^>]+?\?>")

# libxml2 stops building the tree at a fixed depth (2048 with huge_tree), dropping the rest of the
# document. Unclosed inline formatting tags are what nests that deep in practice (EDGAR filings
# leave <font> open by the thousand); they carry no layout in the strict profile, so dropping them
# keeps the text. Should the layout tags themselves nest too deep, all tags but the document's
# frame go, block tags becoming line breaks: a plainer rendering, but every word kept.
_INLINE_TAG = re.compile(
    r"</?(?:font|span|b|i|u|s|em|strong|small|big|sub|sup|strike|tt|ins|del|abbr|acronym|cite|nobr|a)\b[^<>]*>",
    re.IGNORECASE)
_BLOCK_TAG = re.compile(r"</?(?:p|div|br|tr|li|ul|ol|dl|dt|dd|h[1-6]|table|tbody|thead|tfoot|caption|"
                        r"blockquote|center|pre|hr|form|section|article|header|footer)\b[^<>]*>", re.IGNORECASE)
_CELL_TAG = re.compile(r"</?(?:td|th)\b[^<>]*>", re.IGNORECASE)
_FRAME_TAGS = "html|head|body|title|script|style|meta|link|br"
_OTHER_TAG = re.compile(rf"<(?!/?(?:{_FRAME_TAGS})\b)/?[a-zA-Z][^<>]*>", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    """True for content that opens as an HTML document (EDGAR <TEXT> blocks often do)."""
    return bool(_HTML_START.match(text[:4096]))


def _without_inline_tags(html: str) -> str:
    return _INLINE_TAG.sub("", html)


def _flattened(html: str) -> str:
    html = _BLOCK_TAG.sub("<br>", _without_inline_tags(html))
    return _OTHER_TAG.sub("", _CELL_TAG.sub(" ", html))


def _limit_reached(parser) -> Optional[str]:
    """The message of a parser resource limit (depth, size) that cut the tree short, if any."""
    for entry in parser.error_log:
        if entry.type_name == "ERR_RESOURCE_LIMIT" or "Excessive depth" in entry.message:
            return entry.message.strip()
    return None


def parse_html(html: str, where: str = "HTML"):
    """The lxml tree of the whole document (None when empty), or InputError when part of it would be lost.

    huge_tree lifts libxml2's 10 MB cap on one text or attribute; too deep a nesting is parsed
    again with fewer tags (see _INLINE_TAG above) rather than cut.
    """
    from lxml.etree import ParserError
    from lxml.html import HTMLParser, document_fromstring

    html = _XML_DECLARATION.sub("", html.strip(), count=1)
    if not html:
        return None
    limit = None
    for simplify in (str, _without_inline_tags, _flattened):  # simpler markup only when needed
        attempt = simplify(html)
        parser = HTMLParser(huge_tree=True)
        try:
            tree = document_fromstring(attempt, parser=parser)
        except ParserError:  # no element at all: inscriptis renders such content as preformatted
            tree = document_fromstring("<pre>" + attempt + "</pre>", parser=parser)
        limit = _limit_reached(parser)
        if limit is None:
            return tree
    raise InputError("E252", f"{where}: HTML beyond the parser's limits, text would be lost ({limit})")


def html_to_text(html: str, where: str = "HTML") -> str:
    """Readable text of an HTML document: block layout kept, trailing spaces and edge blank lines cut."""
    from inscriptis.css_profiles import CSS_PROFILES
    from inscriptis.model.config import ParserConfig

    from .html_render import LinearInscriptis

    # The strict profile adds no indentation of its own, so words keep their natural spacing.
    config = ParserConfig(css=CSS_PROFILES["strict"], display_images=False, display_links=False)
    try:
        tree = parse_html(html, where)
        text = LinearInscriptis(tree, config).get_text() if tree is not None else ""
    except InputError:
        raise
    except Exception as err:  # lxml and inscriptis raise several kinds on unusable markup
        raise InputError("E069", f"{where}: HTML cannot be turned into text ({type(err).__name__})") from None
    return "\n".join(line.rstrip() for line in text.splitlines()).strip("\n")


def read_html_exhibit(path: Path, encoding: str = "utf-8", max_bytes: Optional[int] = None) -> ExhibitInput:
    """id = file name without extension, text = the HTML's readable text.

    With max_bytes, a larger file is refused before it is read (InputError E250).
    """
    path = Path(path)
    if max_bytes is not None:
        check_markup_size(path, path.stat().st_size, max_bytes)
    return ExhibitInput(path.stem, html_to_text(read_text_file(path, encoding), str(path)), str(path))


def check_markup_size(where, size: int, max_bytes: int) -> None:
    """InputError E250 for HTML larger than the byte limit: checked before any parsing."""
    if size > max_bytes:
        raise InputError("E250", f"{where}: {size:,} bytes of HTML, above the --max-bytes limit {max_bytes:,}")
