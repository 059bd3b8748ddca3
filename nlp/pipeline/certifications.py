"""Which officer certifies which report, by the guide's rule for certifying statements.

A certification states its pairs in one fixed way: officers named in the statement ("I, NAME,
certify", "NAME and NAME ... each certifies") certify the first report the statement names;
where the statement names nobody ("the undersigned certifies"), each signature block's printed
name does. The rule works on character offsets only, so it serves gold and predicted entities
alike. A document without a certifying statement gets no CERTIFIES: the guide states the
relation only in one.
"""
from __future__ import annotations

import re
from typing import Iterable, Iterator, List, Optional, Sequence, Tuple

from spacy.language import Language

from ..pattern_files import alternation_group, load_patterns
from .relation_rules import Offsets, PairRule, pair_rule
from ..structure import paragraph_sentence_start
from .titles import LOWER_CASE_TITLE_WORDS

# "certify" / "certifies" as the statement's verb; "certification" and "certified" are not
CERTIFYING_VERB = re.compile(
    rf"\b{alternation_group(load_patterns('certification_cues')['certifying_verbs'])}\b", re.IGNORECASE
)
# "/s/ NAME", also with the name on the line below the mark
_SIGNATURE_MARK = re.compile(r"/[sS]/[ \t]*(?:s/[ \t]*)?(?:\n[ \t]*)?$")
_NAME_WORDS = re.compile(r"[A-Za-zÀ-ÿ'’\-]+")
_MARK = re.compile(r"/s/", re.IGNORECASE)


class _Exhibit:
    """The text with the line facts the rule asks about."""

    def __init__(self, text: str):
        self.text = text
        letters = [c for c in text if c.isalpha()]
        # a document typed all in capitals has no headings to tell apart
        self.capitals_mark_headings = sum(c.isupper() for c in letters) < 0.5 * len(letters)

    def line(self, position: int) -> Offsets:
        start = self.text.rfind("\n", 0, position) + 1
        end = self.text.find("\n", position)
        return start, end if end >= 0 else len(self.text)

    def in_heading(self, position: int) -> bool:
        """True on an all-capitals line: titles and headings state no certification."""
        if not self.capitals_mark_headings:
            return False
        start, end = self.line(position)
        letters = [c for c in self.text[start:end] if c.isalpha()]
        return bool(letters) and all(c.isupper() for c in letters)

    def is_signature_mark(self, span: Offsets) -> bool:
        return bool(_SIGNATURE_MARK.search(self.text[max(0, span[0] - 40): span[0]]))

    def stands_alone(self, span: Offsets) -> bool:
        """True when the name fills its lines, as a printed name under a signature does."""
        first, _ = self.line(span[0])
        _, last = self.line(max(span[0], span[1] - 1))
        return not self.text[first: span[0]].strip() and not self.text[span[1]: last].strip(" \t,")

    def sentence_start(self, position: int, floor: int = 0) -> int:
        """Where the sentence holding `position` starts, not before `floor`. Paragraphs are read
        apart: a numbered item after "certify that:" starts a statement of its own."""
        return max(floor, paragraph_sentence_start(self.text, position))

    def signature_block_end(self, floor: int, position: int) -> int:
        """After the last signature block before `position`: where the next statement begins."""
        marks = list(_MARK.finditer(self.text, floor, position))
        if not marks:
            return floor
        _, end = self.line(marks[-1].start())
        while end < position:
            next_end = self.text.find("\n", end + 1)
            if next_end < 0 or next_end > position or not _is_block_line(self.text[end + 1: next_end]):
                break
            end = next_end
        return end + 1

    def name_key(self, span: Offsets) -> str:
        return " ".join(_NAME_WORDS.findall(self.text[span[0]: span[1]])).lower()


def _is_block_line(line: str) -> bool:
    """A line of a signature block: a name, a title or a date, not the "I," opening a statement."""
    words = line.split()
    if len(line.strip()) > 60 or line.strip() in ("I,", "We,", "we,"):
        return False
    return all(not w[0].isalpha() or w[0].isupper() or w in LOWER_CASE_TITLE_WORDS for w in words)


def _statements(exhibit: _Exhibit) -> List[Tuple[int, int, int]]:
    """(statement start, verb position, statement end) for each certifying statement."""
    found: List[Tuple[int, int]] = []
    for match in CERTIFYING_VERB.finditer(exhibit.text):
        verb = match.start()
        if exhibit.in_heading(verb):
            continue
        floor = exhibit.signature_block_end(found[-1][1] + 1, verb) if found else 0
        start = exhibit.sentence_start(verb, floor)
        if found and start <= found[-1][1] + 1:
            continue  # a second verb in the same sentence ("certify ... and further certify")
        found.append((start, verb))
    ends = [start for start, _ in found[1:]] + [len(exhibit.text)]
    return [(start, verb, end) for (start, verb), end in zip(found, ends)]


def _statement_report(
    exhibit: _Exhibit, reports: Sequence[Offsets], start: int, end: int
) -> Optional[Offsets]:
    inside = [r for r in reports if start <= r[0] < end and not exhibit.in_heading(r[0])]
    if inside:
        return inside[0]
    # "This certification accompanies the Quarterly Report ... The undersigned certifies": the
    # report is named in the sentence introducing the statement
    before = exhibit.sentence_start(max(start - 1, 0))
    named = [r for r in reports if before <= r[0] < start and not exhibit.in_heading(r[0])]
    return named[0] if named else None


def _signers(exhibit: _Exhibit, officers: Sequence[Offsets]) -> List[Offsets]:
    """The printed name of each signature block, or its "/s/ NAME" where none follows."""
    marks: List[Offsets] = []
    signers: List[Offsets] = []
    for span in officers:
        if exhibit.is_signature_mark(span):
            marks.append(span)
            continue
        key = exhibit.name_key(span)
        mark = next((m for m in marks if exhibit.name_key(m) == key), None)
        if mark is None:  # "Harriet P. Voss" printed under "/s/ HARRIET VOSS"
            last = key.split()[-1:] if key else []
            mark = next((m for m in marks if exhibit.name_key(m).split()[-1:] == last), None)
        if mark is not None:
            marks.remove(mark)
            signers.append(span)
        elif all(exhibit.name_key(s) != key for s in signers):
            signers.append(span)
    return sorted(signers + marks)


def _statement_officers(exhibit: _Exhibit, officers: Sequence[Offsets]) -> Iterator[Tuple[int, int, int, List[Offsets], bool]]:
    """(statement start, verb position, statement end, its certifying officers, whether the
    statement names them) for each certifying statement: the officers named before its verb or,
    where it names nobody, each signature block's printed name."""
    for start, verb, end in _statements(exhibit):
        named = [o for o in officers if start <= o[0] < verb
                 and not exhibit.is_signature_mark(o) and not exhibit.stands_alone(o)]
        if named:
            yield start, verb, end, named, True
        else:
            yield start, verb, end, _signers(exhibit, [o for o in officers if verb <= o[0] < end]), False


def certifying_pairs(
    text: str, officers: Iterable[Offsets], reports: Iterable[Offsets]
) -> List[Tuple[Offsets, Offsets]]:
    """(officer, report) pairs the certifying statements of `text` state."""
    exhibit = _Exhibit(text)
    reports = sorted(reports)
    pairs: List[Tuple[Offsets, Offsets]] = []
    for start, _, end, certifying, _ in _statement_officers(exhibit, sorted(officers)):
        report = _statement_report(exhibit, reports, start, end)
        if report is not None:
            pairs.extend((officer, report) for officer in certifying)
    return pairs


def certified_issuer_pairs(
    text: str, officers: Iterable[Offsets], issuers: Iterable[Offsets]
) -> List[Tuple[Offsets, Offsets]]:
    """(officer, issuer) pairs of certifying statements that name their officers: by the guide
    each is OFFICER_OF the issuer named in its own words ("I, NAME, Chief Financial Officer of
    Quillon Corp., certify"), else the statement's first naming of the issuer ("In connection
    with the Quarterly Report of Quillon Corp. ... I, NAME, certify")."""
    exhibit = _Exhibit(text)
    issuers = sorted(issuers)
    pairs: List[Tuple[Offsets, Offsets]] = []
    for start, verb, end, certifying, named in _statement_officers(exhibit, sorted(officers)):
        naming = [i for i in issuers if start <= i[0] < end and not exhibit.in_heading(i[0])]
        if not named or not naming:
            continue
        for k, officer in enumerate(certifying):
            # the officer's own words run to the next officer's name or the verb
            own_end = certifying[k + 1][0] if k + 1 < len(certifying) else verb
            own = [i for i in naming if officer[1] <= i[0] < own_end]
            pairs.append((officer, (own or naming)[0]))
    return pairs


class CertifiedIssuers(PairRule):
    """The certified_issuers step: decides OFFICER_OF for the officers a certifying statement
    names and leaves the model's other pairs (releases, signature blocks) alone."""

    def overrules(self, head: Offsets, child: Offsets, found: Sequence[Tuple[Offsets, Offsets]]) -> bool:
        return any(head == officer for officer, _ in found)


# the certifies step replaces the model's CERTIFIES: the rule reads the statement the guide
# defines the relation by, where the model has to learn it from a few dozen certifications and
# misses most two-officer and signature-block cases
make_certifying_statements = pair_rule(
    label="CERTIFIES", head_label="OFFICER", child_label="REPORT",
    find=certifying_pairs, replaces=True,
)


def make_certified_issuers(nlp: Language, name: str, label: str = "OFFICER_OF", head_label: str = "OFFICER",
                           child_label: str = "ISSUER", confidence: float = 1.0) -> CertifiedIssuers:
    return CertifiedIssuers(name, label, head_label, child_label, confidence, certified_issuer_pairs, replaces=False)
