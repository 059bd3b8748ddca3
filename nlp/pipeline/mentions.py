"""exhibit_mentions: every repeat of a name the recognizer found once becomes a mention too.

The guide counts every mention by name ("About" sections, disclaimers, signature blocks). A
recognizer that finds "Aben Minerals Ltd." in the first sentence often misses the same name
in boilerplate, so this component labels the other occurrences of the names it found (and
their short forms: the name without its legal suffix, an officer's surname).
"""
from __future__ import annotations

import re
from typing import Dict, Iterable, List, Sequence, Set

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

LEGAL_SUFFIX = re.compile(
    r",?\s+(?:Inc|Incorporated|Corp|Corporation|Co|Company|Ltd|Limited|LLC|L\.L\.C|plc|PLC|"
    r"S\.A|N\.V|AG|SE|LP|L\.P|Ltée|Holdings?)\.?$"
)
NAME_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}


def short_forms(label: str, text: str) -> Set[str]:
    """The name as written plus the shorter forms it is commonly repeated as."""
    name = " ".join(text.split())
    forms = {name}
    if label == "ISSUER":
        base = name
        while True:
            stripped = LEGAL_SUFFIX.sub("", base)
            if stripped == base or not stripped:
                break
            base = stripped
            forms.add(base)
    elif label == "OFFICER":
        words = [w for w in name.replace(",", " ").split() if w.lower() not in NAME_SUFFIXES]
        if len(words) >= 2 and len(words[-1]) > 2 and words[-1][0].isupper():
            forms.add(words[-1])
    return {f for f in forms if len(f) >= 3}


def _pattern(form: str) -> re.Pattern:
    return re.compile(r"(?<![\w@./])" + r"\s+".join(map(re.escape, form.split())) + r"(?![\w@]|\.\w)")


class MentionPropagator:
    def __init__(self, name: str = "exhibit_mentions", labels: Sequence[str] = ("ISSUER", "OFFICER")):
        self.name = name
        self.labels = list(labels)

    def __call__(self, doc: Doc) -> Doc:
        forms: Dict[str, str] = {}
        for ent in doc.ents:
            if ent.label_ in self.labels:
                for form in short_forms(ent.label_, ent.text):
                    forms.setdefault(form, ent.label_)
        if not forms:
            return doc
        taken = [(e.start_char, e.end_char) for e in doc.ents]
        new: List[Span] = []
        # longest forms first, so "Aben Minerals Ltd." wins over "Aben Minerals"
        for form in sorted(forms, key=len, reverse=True):
            for match in _pattern(form).finditer(doc.text):
                start, end = match.span()
                if any(s < end and start < e for s, e in taken):
                    continue
                span = doc.char_span(start, end, label=forms[form], alignment_mode="strict")
                if span is None or any(t.like_url or t.like_email for t in span):
                    continue
                new.append(span)
                taken.append((start, end))
        if new:
            doc.ents = filter_spans(list(doc.ents) + new)
        return doc

    def to_disk(self, path, *, exclude=tuple()):
        pass

    def from_disk(self, path, *, exclude=tuple()):
        return self


@Language.factory(
    "exhibit_mentions",
    default_config={"labels": ["ISSUER", "OFFICER"]},
    requires=["doc.ents"],
    assigns=["doc.ents"],
)
def make_mention_propagator(nlp: Language, name: str, labels: List[str]) -> MentionPropagator:
    return MentionPropagator(name, labels)
