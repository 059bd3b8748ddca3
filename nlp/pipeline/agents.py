"""The `agents` step of exhibit_entity_rules: the banks a release names in its "acting as ... agent" sentence.

Offering releases list their placement agents and underwriters in one sentence: "Hollisfield
& Co. LLC, R.T. Ambrose, Carrowby and Denholm Securities are acting as joint book-running
managers". The recognizer often takes two of four; every name in that list is an AGENT.
"""
from __future__ import annotations

import re
from typing import Iterator, List, Tuple

from ..pattern_files import alternation, load_patterns
from ..structure import sentence_start
from .phrases import phrase_rule

_CUES = load_patterns("offering_cues")
_COMPANIES = load_patterns("companies")
_ADVERB = r"\s+"  # each adverb of the role is followed by its own space ("jointly acting")

_ROLE = re.compile(
    rf"\b(?:(?:{alternation(_CUES['agent_role_auxiliaries'])})\s+"
    rf"(?:{alternation(word + _ADVERB for word in _CUES['agent_role_adverbs'])})?"
    rf"(?:{alternation(_CUES['agent_role_verbs'])})|{alternation(_CUES['agent_role_bare_verbs'])})"
    # the words between "as" and the role: not another party's role ("as counsel to the agent")
    rf"\s+as\s+(?:(?!\b(?:{alternation(_CUES['agent_role_other_parties'])})\b)[^.\n]){{0,60}}?"
    rf"\b(?:{alternation(_CUES['agent_roles'])})\b",
    re.IGNORECASE,
)
_LIST_SEPARATOR = re.compile(r",\s+(?:and\s+)?|\s+and\s+")
# ", LLC" and "and Company" end the name before them ("Pellworth and Company"), not a new one
_LEGAL_TAIL = re.compile(rf"^(?:{alternation(_COMPANIES['legal_tails'])})$")
_GLUE = set(_COMPANIES["agent_name_glue"])


def _list_items(text: str, start: int, end: int) -> Iterator[Tuple[int, int]]:
    """The names of "A, B and C" in text[start:end], each (start, end)."""
    items: List[Tuple[int, int]] = []
    position = start
    for sep in _LIST_SEPARATOR.finditer(text, start, end):
        if text.count("(", start, sep.start()) > text.count(")", start, sep.start()):
            continue  # inside an aside: "KTV Capital, LLC (a division of Marlow Finch, Inc)"
        items.append((position, sep.start()))
        position = sep.end()
    items.append((position, end))
    # an item ends before its parenthesised aside
    items = [(a, a + text[a:b].find("(") if "(" in text[a:b] else b) for a, b in items]
    merged: List[Tuple[int, int]] = []
    for a, b in items:
        if merged and _LEGAL_TAIL.match(text[a:b].strip()):
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    for a, b in merged:
        while text[a:b].startswith("The "):
            a += 4
        b = a + len(text[a:b].rstrip())
        words = text[a:b].split()
        names_only = all(w[:1].isupper() or w[:1].isdigit() or w in _GLUE for w in words)
        if words and words[0][:1].isupper() and names_only and len(words) <= 6:
            yield a, b


def agent_name_spans(text: str) -> List[Tuple[int, int]]:
    """Character offsets of the names listed before an "acting as ... agent/underwriter" phrase."""
    found = set()
    for role in _ROLE.finditer(text):
        found.update(_list_items(text, sentence_start(text, role.start()), role.start()))
    return sorted(found)


# a name the sentence says is acting as agent is no title or officer, whatever was guessed
make_agent_names = phrase_rule("AGENT", agent_name_spans, overrides=("TITLE", "OFFICER"))
