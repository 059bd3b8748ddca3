"""Property tests: the value normalizer, the record builder and the facts never fail on any
input with anything but their documented errors (ValueError from ExhibitRecord.from_dict)."""
from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings, strategies as st

from nlp.facts import KINDS, extract_facts
from nlp.io.records import ExhibitRecord
from nlp.schema import GUIDE_ENTITY_LABELS, GUIDE_RELATIONS
from nlp.values import normalize_value

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Words the parsers look for, so that examples reach past the first "no number here" exit.
WORDS = ["$", "US$", "CAD", "€", "1,000", "2.50", ".5", "0", "9" * 40, "million", "M", "bn", "k", "cents",
         "dollars", "shares", "Form", "10-K", "10-Q/A", "/A", "amended", "CEO", "&", "Vice-President",
         "Inc.", "Acme", "\n", "\n\n", " ", ",", ".", "(", ")", "-", "é", "\u00a0", "\u2028"]
text_like = st.one_of(st.text(max_size=80), st.lists(st.sampled_from(WORDS), max_size=14).map(" ".join))
labels = st.one_of(st.sampled_from(GUIDE_ENTITY_LABELS), st.text(max_size=12))


@FUZZ
@given(label=labels, text=text_like)
def test_normalize_value_takes_any_text_for_any_label(label, text):
    value = normalize_value(label, text)
    json.dumps(value)  # every value is JSON-ready: str, int, dict or None
    assert value is None or isinstance(value, (str, int, dict))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=20,
)
entity_like = st.fixed_dictionaries({}, optional={"start": json_values | st.integers(-5, 50),
                                                  "end": json_values | st.integers(-5, 50), "label": json_values})
relation_like = st.fixed_dictionaries({}, optional={"head": json_values | st.lists(st.integers(), max_size=3),
                                                    "child": json_values | st.lists(st.integers(), max_size=3),
                                                    "label": json_values})
not_a_list = st.one_of(st.integers(), st.floats(allow_nan=False), st.booleans(), st.text(max_size=5),
                       st.dictionaries(st.text(max_size=3), json_values, max_size=2))
fields = {
    "category": json_values, "meta": json_values,
    "entities": st.lists(entity_like | json_values, max_size=4) | not_a_list,
    "relations": st.lists(relation_like | json_values, max_size=4) | not_a_list,
}
record_like = st.one_of(
    json_values,
    st.fixed_dictionaries({}, optional={"id": st.text(max_size=10) | json_values,
                                        "text": st.text(max_size=40) | json_values, **fields}),
    # a good id and text, so the other fields are what gets tested
    st.fixed_dictionaries({"id": st.text(max_size=10), "text": st.text(max_size=40)}, optional=fields),
)


@FUZZ
@given(data=record_like)
def test_from_dict_builds_a_record_or_raises_value_error(data):
    try:
        record = ExhibitRecord.from_dict(data)
    except ValueError:
        return
    assert isinstance(record.id, str) and isinstance(record.text, str)
    json.dumps(record.to_dict())  # what was accepted can be written back


@st.composite
def valid_records(draw):
    """Structurally valid guide records: spans inside the text, guide labels, relations between
    listed entities (of any types: predictions need not follow the schema)."""
    text = draw(text_like.filter(bool))
    entities = []
    for _ in range(draw(st.integers(0, 6))):
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, len(text)))
        entity = {"start": start, "end": end, "label": draw(st.sampled_from(GUIDE_ENTITY_LABELS))}
        if draw(st.booleans()):
            entity["value"] = normalize_value(entity["label"], text[start:end])
        entities.append(entity)
    relations = []
    if entities:
        for _ in range(draw(st.integers(0, 6))):
            head, child = draw(st.sampled_from(entities)), draw(st.sampled_from(entities))
            relations.append({"head": [head["start"], head["end"]], "child": [child["start"], child["end"]],
                              "label": draw(st.sampled_from(sorted(GUIDE_RELATIONS)))})
    category = draw(st.sampled_from([None, *KINDS]))
    return {"id": "fuzz", "text": text, "category": category, "entities": entities, "relations": relations}


@FUZZ
@given(record=valid_records())
def test_extract_facts_reads_any_valid_record(record):
    ExhibitRecord.from_dict(record)
    facts = extract_facts(record)
    assert facts["record"]["kind"] in KINDS
    assert all({"code", "message"} <= set(w) for w in facts["warnings"])
    json.dumps(facts)
