"""EDGAR full-submission files (SGML): a <SEC-HEADER>, then <DOCUMENT> blocks with <TYPE>,
<SEQUENCE>, <FILENAME>, <DESCRIPTION> and <TEXT>...</TEXT>.

Read line by line, keeping only the text of the chosen exhibit documents, so a submission with
large uuencoded attachments costs no memory. One exhibit per chosen document:
id = "<accession>_<filename without extension>", meta = accession, company, form, type, filename.

Submissions are untrusted: a chosen document above the byte limit is skipped before it is decoded
(E251), one holding an encoded file rather than text is skipped (E253), a submission with no
chosen document is reported (E254), and a <DOCUMENT> line inside a document's text starts a new
document only when a <TYPE> line follows it, as in a real document header.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Iterator, List, Optional, Sequence, Tuple

from ..errors import InputError
from .html import HTML_SUFFIXES, html_to_text, looks_like_html
from .items import ExhibitInput, InputItem, SkippedInput
from .text import decode

DEFAULT_EXHIBIT_TYPES = ("EX-31", "EX-32", "EX-99")
SNIFF_BYTES = 65536

_SGML_LINE = re.compile(rb"^<(SEC-DOCUMENT|SEC-HEADER|IMS-HEADER|DOCUMENT)>", re.MULTILINE)
_HEADER_FIELD = re.compile(r"^\s*([A-Z][A-Z -]*[A-Z]):\s*(.*?)\s*$")
_HEADER_KEYS = {
    "ACCESSION NUMBER": "accession",
    "COMPANY CONFORMED NAME": "company",
    "CONFORMED SUBMISSION TYPE": "form",
    "FILED AS OF DATE": "filed",
}
_DOCUMENT_TAGS = {"<TYPE>": "type", "<SEQUENCE>": "sequence", "<FILENAME>": "filename",
                  "<DESCRIPTION>": "description"}
# Old plain-text filings mark pages and table columns with lines that hold only these tags.
# Written so that no run of spaces can be split two ways (which made a long line quadratic), and
# tried on short lines only: such a line is a few tags and a page number.
_LAYOUT_TAG_LINE = re.compile(r"^\s*(?:</?(?:PAGE|TABLE|CAPTION|S|C|FN)>\s*)+(?:\d+\s*)?$", re.IGNORECASE)
_LAYOUT_LINE_CHARS = 200
# Attachments that are not text: EDGAR's wrappers and encodings, and files by their magic bytes.
_BINARY_STARTS = (
    (re.compile(rb"^\s*begin [0-7]{3,4} ", re.IGNORECASE), "a uuencoded file"),
    (re.compile(rb"^\s*<(PDF|XBRL|XML|ZIP|JSON)>", re.IGNORECASE), "an embedded file"),
    (re.compile(rb"^\s*%PDF-"), "a PDF file"),
    (re.compile(rb"^\s*(GIF8[79]a|\x89PNG|\xff\xd8\xff|PK\x03\x04|II\*\x00|MM\x00\*)"), "an image or archive"),
)
# Base64: lines of its alphabet only, long and without spaces, as no prose line is.
_BASE64_LINE = re.compile(rb"^[A-Za-z0-9+/]{40,}={0,2}$")
_SNIFF_LINES = 8
# Lines are read in pieces of at most this many bytes: one line can be as long as the file.
LINE_PIECE_BYTES = 1 << 20
_SHOWN_TYPES = 12


def is_sgml_submission(head: bytes) -> bool:
    """True when the first bytes of a file hold a line opening an EDGAR submission or document."""
    return bool(_SGML_LINE.search(head[:SNIFF_BYTES]))


def line_pieces(handle, piece_bytes: Optional[int] = None) -> Iterator[Tuple[bytes, bool]]:
    """The file's lines, a line longer than piece_bytes (LINE_PIECE_BYTES) in several pieces; with
    each piece, whether it starts a line (only those can be tag lines)."""
    piece_bytes = piece_bytes or LINE_PIECE_BYTES
    starts_line = True
    while True:
        piece = handle.readline(piece_bytes)
        if not piece:
            return
        yield piece, starts_line
        starts_line = piece.endswith(b"\n")


def is_layout_line(line: str) -> bool:
    """True for a line of page and column tags only (<PAGE>, <S>, <C>...), left out of the text."""
    return len(line) <= _LAYOUT_LINE_CHARS and _LAYOUT_TAG_LINE.match(line) is not None


def binary_kind(head: bytes) -> Optional[str]:
    """What a document's first bytes hold when they are an encoded file, not text; else None."""
    for pattern, kind in _BINARY_STARTS:
        if pattern.match(head):
            return kind
    lines = [line.strip() for line in head.splitlines()[:_SNIFF_LINES + 1] if line.strip()]
    if len(lines) > 1:
        lines = lines[:-1]  # the last line of the sample may be cut
    if lines and all(_BASE64_LINE.match(line) for line in lines):
        return "base64 data"
    return None


def type_matches(doc_type: str, wanted: Sequence[str]) -> bool:
    """Prefix match at a number boundary: EX-99 takes EX-99 and EX-99.1, not EX-990; EX takes all."""
    doc_type = doc_type.strip().upper()
    for prefix in wanted:
        prefix = prefix.strip().upper()
        if doc_type == prefix or (doc_type.startswith(prefix) and not doc_type[len(prefix)].isdigit()):
            return True
    return False


@dataclass
class _Document:
    number: int
    byte_offset: int
    tags: Dict[str, str] = field(default_factory=dict)
    lines: List[bytes] = field(default_factory=list)
    text_started: bool = False
    text_ended: bool = False
    text_offset: int = 0
    size: int = 0            # bytes of text seen, kept or not
    oversize: bool = False   # above the byte limit: the lines are dropped as they come

    def describe(self) -> str:
        shown = ", ".join(self.tags[k] for k in ("type", "filename") if self.tags.get(k))
        return f"document {self.number}" + (f" ({shown})" if shown else "")


class _SubmissionParser:
    def __init__(self, path: Path, encoding: str, exhibit_types: Sequence[str], max_bytes: Optional[int] = None):
        self.path = path
        self.encoding = encoding
        self.exhibit_types = exhibit_types
        self.max_bytes = max_bytes
        self.header: Dict[str, str] = {}
        self.documents = 0
        self.chosen = 0
        self.types: Dict[str, None] = {}  # the document types met, in order, once each

    def collect(self, doc: _Document, raw: bytes) -> None:
        """Keep a line of a chosen document's text, unless the document is already too large."""
        doc.size += len(raw)
        if self.max_bytes is not None and doc.size > self.max_bytes:
            doc.oversize = True
            doc.lines.clear()
        elif not doc.oversize:
            doc.lines.append(raw)

    def not_chosen(self) -> SkippedInput:
        """The report for a submission none of whose documents has a chosen type."""
        wanted = ", ".join(self.exhibit_types)
        if not self.documents:
            return SkippedInput(str(self.path), "E254", f"no <DOCUMENT> in this submission (wanted: {wanted})")
        present = [t if len(t) <= 40 else t[:39] + "\u2026" for t in self.types if t]
        shown = ", ".join(present[:_SHOWN_TYPES]) + (", ..." if len(present) > _SHOWN_TYPES else "")
        return SkippedInput(str(self.path), "E254", f"no document of type {wanted} among its {self.documents} "
                            f"documents (types present: {shown or 'none'}; see --exhibit-types)")

    def wanted(self, doc: _Document) -> bool:
        # Until <TYPE> is read the document might be wanted (matters for truncation reports).
        return "type" not in doc.tags or type_matches(doc.tags["type"], self.exhibit_types)

    def accession(self) -> str:
        return self.header.get("accession") or self.header.get("sec_document") or self.path.stem

    def where(self, doc: _Document) -> str:
        return f"{self.path}#{doc.describe()}"

    def finish(self, doc: _Document) -> Optional[InputItem]:
        self.types.setdefault(doc.tags.get("type", ""), None)
        if not self.wanted(doc):
            return None
        self.chosen += 1
        if not doc.text_ended:
            missing = "</TEXT>" if doc.text_started else "<TEXT>"
            return SkippedInput(self.where(doc), "E059",
                                f"truncated: the document ends without {missing} (byte {doc.byte_offset})")
        if doc.oversize:
            return SkippedInput(self.where(doc), "E251", f"{doc.size:,} bytes of text, above the --max-bytes "
                                f"limit {self.max_bytes:,} (left undecoded)")
        data = b"".join(doc.lines)
        kind = binary_kind(data[:4096])
        if kind:  # an attachment (PDF copy, uuencoded graphic, XBRL) typed as the exhibit
            return SkippedInput(self.where(doc), "E253", f"not text: {kind}, left out")
        try:
            content = decode(data, self.encoding, self.where(doc), doc.text_offset)
        except InputError as err:
            return SkippedInput.from_error(err)
        filename = doc.tags.get("filename", "")
        if filename.lower().endswith(HTML_SUFFIXES) or looks_like_html(content):
            try:
                text = html_to_text(content, self.where(doc))
            except InputError as err:
                return SkippedInput.from_error(err)
        else:
            text = "\n".join(line for line in content.split("\n") if not is_layout_line(line))
        stem = Path(filename).stem if filename else f"doc{doc.tags.get('sequence') or doc.number}"
        meta = {k: self.header[k] for k in ("accession", "company", "form", "filed") if k in self.header}
        meta["accession"] = self.accession()
        meta.update({k: v for k, v in doc.tags.items() if v})
        return ExhibitInput(f"{self.accession()}_{stem}", text, self.where(doc), meta)

    def read(self) -> Iterator[InputItem]:
        try:
            handle = self.path.open("rb")
        except FileNotFoundError:
            raise InputError("E053", f"{self.path}: no such file") from None
        except PermissionError:
            raise InputError("E054", f"{self.path}: permission denied") from None
        in_header = False
        doc: Optional[_Document] = None
        # A <DOCUMENT> line met inside a document's text, with its offset: a new document only
        # if the next line is its <TYPE> (the text was cut off), else a line of the text.
        held: Optional[Tuple[bytes, int]] = None
        offset = 0
        with handle:
            for raw, starts_line in line_pieces(handle):
                line_offset, offset = offset, offset + len(raw)
                if held is not None and doc is not None:
                    held_line, held_offset = held
                    held = None
                    if starts_line and raw.lstrip().upper().startswith(b"<TYPE>"):
                        item = self.finish(doc)
                        if item is not None:
                            yield item
                        self.documents += 1
                        doc = _Document(self.documents, held_offset)
                    elif self.wanted(doc):
                        self.collect(doc, held_line)
                if doc is not None and doc.text_started and not doc.text_ended:
                    if starts_line and raw.startswith(b"<DOCUMENT>"):
                        held = (raw, line_offset)
                        continue
                    end = raw.find(b"</TEXT>")
                    if end >= 0:
                        doc.text_ended = True
                        raw = raw[:end]
                        if self.wanted(doc) and raw.strip():
                            self.collect(doc, raw)
                        elif self.wanted(doc) and doc.lines and doc.lines[-1].endswith(b"\n"):
                            doc.lines[-1] = doc.lines[-1].rstrip(b"\r\n")  # the newline before </TEXT>
                    elif self.wanted(doc):
                        self.collect(doc, raw)
                    continue
                if not starts_line:
                    continue  # the rest of an overlong line outside any text: no tag line is that long
                tag_line = raw.decode("ascii", errors="replace").strip()
                if in_header:
                    if tag_line.startswith(("</SEC-HEADER>", "</IMS-HEADER>")):
                        in_header = False
                        continue
                    match = _HEADER_FIELD.match(tag_line)
                    if match and match.group(1) in _HEADER_KEYS:
                        self.header.setdefault(_HEADER_KEYS[match.group(1)], match.group(2))
                elif tag_line.startswith("<SEC-DOCUMENT>"):
                    name = tag_line[len("<SEC-DOCUMENT>"):].split(":")[0].strip()
                    self.header.setdefault("sec_document", Path(name).stem if name else "")
                elif tag_line.startswith(("<SEC-HEADER>", "<IMS-HEADER>")):
                    in_header = True
                elif tag_line.startswith("<DOCUMENT>"):
                    if doc is not None:
                        item = self.finish(doc)
                        if item is not None:
                            yield item
                    self.documents += 1
                    doc = _Document(self.documents, line_offset)
                elif doc is not None and tag_line.startswith("</DOCUMENT>"):
                    item = self.finish(doc)
                    if item is not None:
                        yield item
                    doc = None
                elif doc is not None and tag_line.startswith("<TEXT>"):
                    doc.text_started = True
                    doc.text_offset = offset
                    rest = raw[raw.find(b"<TEXT>") + len(b"<TEXT>"):]
                    if rest.strip() and self.wanted(doc):  # text on the tag's own line
                        self.collect(doc, rest.lstrip())
                        doc.text_offset = offset - len(rest.lstrip())
                elif doc is not None:
                    for tag, key in _DOCUMENT_TAGS.items():
                        if tag_line.upper().startswith(tag):
                            doc.tags[key] = tag_line[len(tag):].strip()
        if doc is not None:
            if held is not None and self.wanted(doc):
                self.collect(doc, held[0])  # the file ends: the <DOCUMENT> line was text
            item = self.finish(doc)
            if item is not None:
                yield item
        if not self.chosen:
            yield self.not_chosen()


def iter_sgml_exhibits(
    path: Path, encoding: str = "utf-8", exhibit_types: Sequence[str] = DEFAULT_EXHIBIT_TYPES,
    max_bytes: Optional[int] = None,
) -> Iterator[InputItem]:
    """The chosen exhibit documents of one submission, in file order; truncated ones, ones above
    max_bytes and encoded files are skipped, and a submission with none of them is reported."""
    return _SubmissionParser(Path(path), encoding, exhibit_types, max_bytes).read()


def count_sgml_exhibits(path: Path, exhibit_types: Sequence[str] = DEFAULT_EXHIBIT_TYPES) -> int:
    """Documents of the chosen types (a cheap scan of <TYPE> lines), for the progress bar; at
    least 1, as a submission without any gives one report."""
    count = 0
    with Path(path).open("rb") as handle:
        for raw, starts_line in line_pieces(handle):
            if starts_line and raw.startswith(b"<TYPE>"):
                count += type_matches(raw[6:].decode("ascii", errors="replace"), exhibit_types)
    return max(count, 1)
