"""`exhibit predict --summary`: facts and warnings first, entities grouped with counts, relations
once each, values as people write them (no Python reprs)."""
from __future__ import annotations

import datetime
from decimal import Decimal

from nlp.reports.readable import fact_lines, format_money, format_scalar, group_entities
from nlp.summary import summarize_record

TEXT = ("ACME CORP. Acme Corp. sold 2,996,667 shares of Common Stock at $3.00 per share, "
        "raising $9 million. Acme Corp. thanks investors. Acme Corp. said the Common Stock is listed.")


def _span(phrase: str, nth: int = 1):
    start = -1
    for _ in range(nth):
        start = TEXT.index(phrase, start + 1)
    return [start, start + len(phrase)]


def _entity(phrase, label, nth=1, value=None):
    start, end = _span(phrase, nth)
    ent = {"start": start, "end": end, "label": label}
    if value is not None:
        ent["value"] = value
    return ent


def predicted_record() -> dict:
    """An `exhibit predict` line: entities with values, relations with scores, facts."""
    issuers = [_entity("ACME CORP.", "ISSUER", value="ACME CORP.")]
    issuers += [_entity("Acme Corp.", "ISSUER", k, value="Acme Corp.") for k in (1, 2, 3)]
    return {
        "id": "acme-1",
        "text": TEXT,
        "category": None,
        "entities": issuers + [
            _entity("2,996,667", "QUANTITY", value=2996667),
            _entity("Common Stock", "SECURITY", 1, value="Common Stock"),
            _entity("$3.00", "PRICE", value={"amount": "3.00", "currency": "USD", "scale": None}),
            _entity("$9 million", "AMOUNT", value={"amount": "9000000", "currency": "USD", "scale": "million"}),
            _entity("Common Stock", "SECURITY", 2, value="Common Stock"),
        ],
        "relations": [
            {"head": _span("Acme Corp."), "child": _span("Common Stock"), "label": "OFFERS", "score": 0.91},
            {"head": _span("Acme Corp.", 3), "child": _span("Common Stock", 2), "label": "OFFERS", "score": 0.97},
            {"head": _span("$3.00"), "child": _span("Common Stock"), "label": "PRICE_OF", "score": 0.88},
        ],
        "record": {
            "kind": "offering",
            "issuer": "Acme Corp.",
            "securities": [{"name": "Common Stock", "quantity": 2996667,
                            "price": {"amount": "3.00", "currency": "USD"}, "exercise_price": None}],
            "amount": {"gross": {"amount": "9000000", "currency": "USD"}, "net": None},
            "signed": "2004-03-29",
        },
        "warnings": [{"code": "no_agent", "message": "no placement agent named"}],
    }


def test_facts_and_warnings_come_before_entities_and_relations():
    lines = summarize_record(predicted_record()).splitlines()
    assert lines[0] == "== acme-1 (offering): 9 entities, 3 relations"
    sections = [line for line in lines if not line.startswith(" ")]
    assert [s.split(":")[0] for s in sections[1:]] == ["facts", "warnings", "entities", "relations"]
    assert "  no_agent: no placement agent named" in lines


def test_entities_are_grouped_with_counts_and_relations_listed_once():
    lines = summarize_record(predicted_record()).splitlines()
    issuer = [line for line in lines if line.lstrip().startswith("ISSUER")]
    assert issuer == ["  ISSUER    Acme Corp. ×4"]  # the capitalised heading is the same name
    assert "  SECURITY  Common Stock ×2" in lines
    offers = [line for line in lines if line.lstrip().startswith("OFFERS")]
    assert offers == ["  OFFERS    Acme Corp. -> Common Stock (0.97) ×2"]  # the higher score is shown
    assert "  PRICE_OF  $3.00 -> Common Stock (0.88)" in lines


def test_values_are_written_as_people_write_them():
    text = summarize_record(predicted_record())
    assert "{" not in text and "Decimal" not in text and "'" not in text  # no Python reprs
    assert "    quantity  2,996,667 shares" in text
    assert "    price     $3.00" in text
    assert "    gross     $9,000,000" in text
    assert "  signed      2004-03-29" in text
    assert "AMOUNT    $9 million = $9,000,000" in text
    assert "exercise" not in text and "net" not in text  # empty fields are left out


def test_gold_records_get_their_facts_and_values_computed(seed_records):
    summary = summarize_record(seed_records[1].to_dict())
    assert summary.startswith("== seed_innovo_ex32_20040329 (certification): ")
    assert "2003-11-29 (fiscal year ended November 29, 2003)" in summary  # the period, as a date
    assert "REPORT   Annual Report on Form 10-K = Form 10-K" in summary
    lines = summary.splitlines()
    assert lines.index("warnings: none") < lines.index("entities") < lines.index("relations")


def test_readable_values():
    assert format_money({"amount": "9000000", "currency": "USD"}) == "$9,000,000"
    assert format_money({"amount": "0.07", "currency": "CAD"}) == "CAD 0.07"
    assert format_money({"amount": "-1500.5", "currency": "EUR"}) == "-€1,500.5"
    assert format_scalar(datetime.date(2004, 3, 29)) == "2004-03-29"
    assert format_scalar(Decimal("1234567.00")) == "1,234,567.00"
    assert format_scalar(True) == "yes"
    assert format_scalar({"name": "A", "notes": ["x", None, 2000], "rate": None}) == "name A, notes x; 2,000"
    lines = fact_lines({"kind": "offering", "offering": {"issuer": "Beta Inc.", "net": None},
                        "securities": [{"name": "Series A warrants", "quantity": 1000,
                                        "tranches": [{"quantity": 400}]}]})
    assert [(f.depth, f.name, f.text) for f in lines] == [(0, "issuer", "Beta Inc."),
                                                         (0, "security", "Series A warrants"),
                                                         (1, "quantity", "1,000 warrants"),
                                                         (1, "tranche", ""), (2, "quantity", "400 warrants")]


def test_entity_groups_keep_the_first_value_and_order_labels_as_the_guide():
    text = "$5 million and Beta Inc."
    groups = group_entities(text, [{"start": 15, "end": 24, "label": "ISSUER"},
                                   {"start": 0, "end": 10, "label": "AMOUNT"}])
    assert [(g.label, g.text, g.value, g.count) for g in groups] == [
        ("ISSUER", "Beta Inc.", None, 1), ("AMOUNT", "$5 million", "$5,000,000", 1)]
