"""exhibit.Tokenizer.v1: spaCy's tokenizer plus splits for words glued together by text
extraction from HTML ("29,750,000Shares", "CorporationTelephone", "VeilleuxCFO"), so that entity
boundaries in such exhibits still fall on token boundaries.
"""
from __future__ import annotations

from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, registry

GLUED_WORD_INFIXES = [
    r"(?<=[0-9])(?=[A-Za-z]{3,})",     # 29,750,000Shares
    r"(?<=[a-z]{2})(?=[A-Z][a-z])",    # CorporationTelephone
    r"(?<=[a-z])(?=[A-Z]{2,})",        # VeilleuxCFO
]


@registry.tokenizers("exhibit.Tokenizer.v1")
def create_exhibit_tokenizer():
    def make_tokenizer(nlp) -> Tokenizer:
        tokenizer = registry.tokenizers.get("spacy.Tokenizer.v1")()(nlp)
        infixes = list(nlp.Defaults.infixes or []) + GLUED_WORD_INFIXES
        tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
        return tokenizer

    return make_tokenizer
