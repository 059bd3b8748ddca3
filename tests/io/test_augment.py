from __future__ import annotations

import random

from nlp.io.augment import substitute_names
from nlp.io.records import Entity, ExhibitRecord, Relation
from nlp.validation import validate_record


def _record():
    text = ("VORN MINERALS LTD. closes placement. Vorn Minerals Ltd. (“Vorn”) issued units. "
            "Vorn raised $5 million, said Delia Brasker, CEO. Mr. Brasker signed.")
    def span(s, nth=1):
        start = -1
        for _ in range(nth):
            start = text.index(s, start + 1)
        return (start, start + len(s))
    ents = {
        "i1": (span("VORN MINERALS LTD."), "ISSUER"), "i2": (span("Vorn Minerals Ltd."), "ISSUER"),
        "i3": (span("Vorn", 2), "ISSUER"), "i4": (span("Vorn", 3), "ISSUER"),
        "amt": (span("$5 million"), "AMOUNT"), "sec": (span("units"), "SECURITY"),
        "o1": (span("Delia Brasker"), "OFFICER"), "t": (span("CEO"), "TITLE"),
        "o2": (span("Brasker", 2), "OFFICER"),
    }
    entities = [Entity(s, e, label) for (s, e), label in ents.values()]
    relations = [Relation(ents["i4"][0], ents["amt"][0], "RAISES"),
                 Relation(ents["i2"][0], ents["sec"][0], "OFFERS"),
                 Relation(ents["o1"][0], ents["t"][0], "HAS_TITLE")]
    return ExhibitRecord("vorn", text, "offering", entities, relations)


def test_names_are_replaced_and_offsets_stay_exact():
    record = _record()
    new = substitute_names(record, random.Random(4))
    assert "Vorn" not in new.text and "Brasker" not in new.text
    assert validate_record(new) == []
    labels = [e.label for e in sorted(new.entities)]
    assert labels == [e.label for e in sorted(record.entities)]
    # non-name spans keep their text
    by_label = {e.label: new.text[e.start:e.end] for e in new.entities if e.label in ("AMOUNT", "TITLE", "SECURITY")}
    assert by_label == {"AMOUNT": "$5 million", "TITLE": "CEO", "SECURITY": "units"}
    assert len(new.relations) == 3
    spans = {(e.start, e.end) for e in new.entities}
    assert all(r.head in spans and r.child in spans for r in new.relations)


def test_replacement_is_consistent_and_keeps_case_and_suffix():
    new = substitute_names(_record(), random.Random(9))
    issuers = [new.text[e.start:e.end] for e in sorted(new.entities) if e.label == "ISSUER"]
    upper, full, short, short2 = issuers
    assert upper == full.upper() and full.endswith(" Ltd.") and upper.endswith(" LTD.")
    assert full.startswith(short) and short == short2
    officers = [new.text[e.start:e.end] for e in sorted(new.entities) if e.label == "OFFICER"]
    assert officers[0].endswith(officers[1])
