"""Words that show a capitalized word belongs to no person's name.

Rules that complete or collect officers' names from the text ("Ms. Lee" + "Roe", "A, B and C
will serve as directors") must not take in a title ("President"), a company or document word
("Capital", "Registrant"), a contact line ("Investor Relations") or a headline's verb ("Quillon
Names ..."). The words come from the pattern files the other steps read.
"""
from __future__ import annotations

import re

from ..pattern_files import alternation, load_patterns
from .titles import has_title_word

_COMPANIES = load_patterns("companies")
NOT_PERSON_WORDS = frozenset(
    word.lower() for key in ("company_name_words", "generic_registrant_words", "issuer_stop_words")
    for word in _COMPANIES[key]) | frozenset(load_patterns("names")["not_a_name"])
# "Quillon Announces", "QUILLON NAMES": a headline's verb after a name
HEADLINE_VERB = re.compile(rf"(?:{alternation(_COMPANIES['issuer_action_regexes'])})", re.IGNORECASE)


def may_be_name_word(word: str) -> bool:
    """Whether a capitalized word may be a word of a person's name."""
    return not (has_title_word(word) or word.lower() in NOT_PERSON_WORDS or HEADLINE_VERB.match(word))
