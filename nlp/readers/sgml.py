"""EDGAR full-submission files (SGML): a <SEC-HEADER>, then <DOCUMENT> blocks with <TYPE>,
<SEQUENCE>, <FILENAME>, <DESCRIPTION> and <TEXT>...</TEXT>.

Read line by line, keeping only the text of the chosen exhibit documents, so a submission with
large uuencoded attachments costs no memory. One exhibit per chosen document:
id = "<accession>_<filename without extension>", meta = accession, company, form, type, filename.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Iterator, List, Optional, Sequence

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
_LAYOUT_TAG_LINE = re.compile(r"^\s*(</?(PAGE|TABLE|CAPTION|S|C|FN)>\s*)+\d*\s*$", re.IGNORECASE)
# Attachments that are not text: uuencoded files, PDFs, XBRL.
_BINARY_START = re.compile(r"^\s*(begin [0-7]{3} |<PDF>|<XBRL>|<XML>)", re.IGNORECASE)


def is_sgml_submission(head: bytes) -> bool:
    """True when the first bytes of a file hold a line opening an EDGAR submission or document."""
    return bool(_SGML_LINE.search(head[:SNIFF_BYTES]))


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

    def describe(self) -> str:
        shown = ", ".join(self.tags[k] for k in ("type", "filename") if self.tags.get(k))
        return f"document {self.number}" + (f" ({shown})" if shown else "")


class _SubmissionParser:
    def __init__(self, path: Path, encoding: str, exhibit_types: Sequence[str]):
        self.path = path
        self.encoding = encoding
        self.exhibit_types = exhibit_types
        self.header: Dict[str, str] = {}
        self.documents = 0

    def wanted(self, doc: _Document) -> bool:
        # Until <TYPE> is read the document might be wanted (matters for truncation reports).
        return "type" not in doc.tags or type_matches(doc.tags["type"], self.exhibit_types)

    def accession(self) -> str:
        return self.header.get("accession") or self.header.get("sec_document") or self.path.stem

    def where(self, doc: _Document) -> str:
        return f"{self.path}#{doc.describe()}"

    def finish(self, doc: _Document) -> Optional[InputItem]:
        if not self.wanted(doc):
            return None
        if not doc.text_ended:
            missing = "</TEXT>" if doc.text_started else "<TEXT>"
            return SkippedInput(self.where(doc), "E059",
                                f"truncated: the document ends without {missing} (byte {doc.byte_offset})")
        try:
            content = decode(b"".join(doc.lines), self.encoding, self.where(doc), doc.text_offset)
        except InputError as err:
            return SkippedInput.from_error(err)
        if _BINARY_START.match(content[:200]):
            return None  # an attachment (PDF copy, uuencoded file, XBRL), not exhibit text
        filename = doc.tags.get("filename", "")
        if filename.lower().endswith(HTML_SUFFIXES) or looks_like_html(content):
            try:
                text = html_to_text(content, self.where(doc))
            except InputError as err:
                return SkippedInput.from_error(err)
        else:
            text = "\n".join(line for line in content.split("\n") if not _LAYOUT_TAG_LINE.match(line))
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
        offset = 0
        with handle:
            for raw in handle:
                line_offset, offset = offset, offset + len(raw)
                if doc is not None and doc.text_started and not doc.text_ended:
                    if raw.startswith(b"<DOCUMENT>"):  # the text was cut off before a new document
                        item = self.finish(doc)
                        if item is not None:
                            yield item
                        doc = None
                    else:
                        end = raw.find(b"</TEXT>")
                        if end >= 0:
                            doc.text_ended = True
                            raw = raw[:end]
                            if self.wanted(doc) and raw.strip():
                                doc.lines.append(raw)
                            elif self.wanted(doc) and doc.lines and doc.lines[-1].endswith(b"\n"):
                                doc.lines[-1] = doc.lines[-1].rstrip(b"\r\n")  # the newline before </TEXT>
                        elif self.wanted(doc):
                            doc.lines.append(raw)
                        continue
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
                    if rest.strip():  # text on the tag's own line
                        doc.lines.append(rest.lstrip())
                        doc.text_offset = offset - len(rest.lstrip())
                elif doc is not None:
                    for tag, key in _DOCUMENT_TAGS.items():
                        if tag_line.upper().startswith(tag):
                            doc.tags[key] = tag_line[len(tag):].strip()
        if doc is not None:
            item = self.finish(doc)
            if item is not None:
                yield item


def iter_sgml_exhibits(
    path: Path, encoding: str = "utf-8", exhibit_types: Sequence[str] = DEFAULT_EXHIBIT_TYPES
) -> Iterator[InputItem]:
    """The chosen exhibit documents of one submission, in file order; truncated ones are skipped."""
    return _SubmissionParser(Path(path), encoding, exhibit_types).read()


def count_sgml_exhibits(path: Path, exhibit_types: Sequence[str] = DEFAULT_EXHIBIT_TYPES) -> int:
    """Documents of the chosen types (a cheap scan of <TYPE> lines), for the progress bar."""
    count = 0
    with Path(path).open("rb") as handle:
        for raw in handle:
            if raw.startswith(b"<TYPE>"):
                count += type_matches(raw[6:].decode("ascii", errors="replace"), exhibit_types)
    return count
