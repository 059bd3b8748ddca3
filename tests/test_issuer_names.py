"""The issuer resolver (nlp/issuer_names.py) on invented text: names of one issuer, what each
mention is of it, the canonical name, and the issuer a sentence names."""
from __future__ import annotations

import pytest

from conftest import char_offsets
from nlp.issuer_names import (
    ABBREVIATION, DEFINED_TERM, FULL, SHORT, agreed_issuer, company_key, core_key, group_companies,
    is_definition, issuers_by_sentence, legal_name, mention_kind, most_mentioned, resolve_issuer, same_company,
    suffix_forms,
)

TEXT = ("Plover Ridge Nutrition Holdings, Inc. (“PRX” or the “Company”) priced units. "
        "PRNH and Plover said Tamsin Bay Corp. will act as agent.")
ISSUER = "Plover Ridge Nutrition Holdings, Inc."


def offsets(text, name, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    return (start, start + len(name))


@pytest.mark.parametrize("name, kind", [
    ("Plover Ridge Nutrition Holdings, Inc.", FULL),
    ("PLOVER RIDGE NUTRITION HOLDINGS", FULL),     # case and one suffix ignored
    ("Plover Ridge", SHORT),                       # same leading word
    ("Nutrition", SHORT),                          # one of its words alone
    ("PRNH", ABBREVIATION),                        # its initials
    ("PRX", DEFINED_TERM),                         # not its initials, but defined in quotes
    ("Tamsin Bay Corp.", None),
    ("PXQ", None),                                 # capitals neither initials nor defined
])
def test_mention_kind_says_what_a_mention_is_of_the_issuer(name, kind):
    assert mention_kind(name, ISSUER, TEXT) == kind
    assert same_company(name, ISSUER, TEXT) is (kind is not None)


def test_an_issuer_known_by_its_initials_accepts_the_spelled_out_name():
    assert mention_kind("Orrin Vale Labs", "OVL", "") == ABBREVIATION
    assert mention_kind("Orrin Vale", "OVL", "") is None


def test_forms_and_keys_of_a_name():
    assert suffix_forms("Plover Holdings, Inc.") == ["Plover Holdings, Inc.", "Plover Holdings", "Plover"]
    assert core_key("Plover  Ridge, Inc.") == "plover ridge"
    assert company_key("The Plover & Ridge Group, Inc.") == "plover and ridge"


def test_most_mentioned_counts_core_names_and_a_tie_names_no_one():
    assert most_mentioned(["Plover Inc.", "Plover", "Tamsin Bay"]) == "Plover Inc."
    assert most_mentioned(["Plover", "Tamsin Bay"]) is None
    assert most_mentioned([]) is None


def test_most_mentioned_returns_the_name_as_written_most_often():
    assert most_mentioned(["PRRC", "PRRC", "prrc", "Tamsin Bay"]) == "PRRC"
    assert most_mentioned(["Plover", "Plover  Inc.", "Plover", "Tamsin Bay"]) == "Plover"


def test_agreed_issuer_keeps_a_name_only_when_the_decisions_agree():
    assert agreed_issuer("Plover Ridge", "Plover", TEXT) == "Plover Ridge"
    assert agreed_issuer("Plover Ridge", "Tamsin Bay", TEXT) is None
    assert agreed_issuer(None, "Plover", TEXT) == "Plover"
    text = "Plover Ridge Resources Corp. (“PRRC” or the “Company”) said PRRC grew."
    assert agreed_issuer("Plover Ridge Resources", "PRRC", text) == "Plover Ridge Resources"
    assert agreed_issuer("Plover Ridge Resources", "Tamsin", text) is None


def test_group_companies_merges_short_names_and_initials():
    groups = group_companies(["PRNH", "Plover Ridge Nutrition Holdings, Inc.", "Plover", "Tamsin Bay Corp."])
    assert [sorted(group) for group in groups] == [
        ["PRNH", "Plover", "Plover Ridge Nutrition Holdings, Inc."], ["Tamsin Bay Corp."]]


def test_group_companies_merges_a_term_the_text_defines_for_a_name():
    text = "Vorn Minerals Inc. (“Vorn”, “VMi”, the “Corporation”) said VMi will. Tamsin Bay Corp. agreed."
    groups = group_companies(["Vorn Minerals Inc.", "VMi", "VMi", "Tamsin Bay Corp."], text)
    assert groups == [["Vorn Minerals Inc.", "VMi", "VMi"], ["Tamsin Bay Corp."]]
    mentions = [char_offsets(text, "Vorn Minerals Inc."), char_offsets(text, "VMi", 1), char_offsets(text, "VMi", 2)]
    assert resolve_issuer(text, mentions) == "Vorn Minerals Inc."


def test_resolve_issuer_prefers_the_linked_company_then_the_most_named():
    text = "PLOVER RIDGE REPORTS\nTamsin Bay Corp. and Tamsin Bay met Plover Ridge Inc. in Plover Ridge."
    mentions = [offsets(text, "PLOVER RIDGE"), offsets(text, "Tamsin Bay Corp."), offsets(text, "Tamsin Bay", 1),
                offsets(text, "Plover Ridge Inc."), offsets(text, "Plover Ridge", 1)]
    assert resolve_issuer(text, mentions) == "Plover Ridge Inc."          # three mentions against two
    assert resolve_issuer(text, mentions, linked=[offsets(text, "Tamsin Bay", 1)]) == "Tamsin Bay Corp."
    assert resolve_issuer(text, []) is None


def test_the_issuer_a_sentence_names_skips_definitions():
    text = "Plover Ridge Inc. (“Plover”) sold notes. Tamsin Bay bought. No one here."
    issuers = [offsets(text, "Plover", 1), offsets(text, "Plover Ridge Inc."), offsets(text, "Tamsin Bay")]
    assert is_definition(text, text.index("Plover”"))
    sentences = [(0, 41), (41, 60), (60, len(text))]
    assert list(issuers_by_sentence(text, issuers, sentences)) == [
        ((0, 41), [offsets(text, "Plover Ridge Inc.")]),
        ((41, 60), [offsets(text, "Tamsin Bay")]),
    ]


def test_the_canonical_name_is_the_legal_name_the_text_writes_without_a_leading_the():
    text = "Xandor said on Monday. Xandor Brands, Inc. (Nasdaq: XDB) makes shoes. Xandor grew."
    assert resolve_issuer(text, [offsets(text, "Xandor"), offsets(text, "Xandor", 2)]) == "Xandor Brands, Inc."
    text = "The Marrow Field Company reports. The Marrow Field Company grew."
    assert resolve_issuer(text, [offsets(text, "The Marrow Field Company")]) == "Marrow Field Company"
    # a ticker in capitals and a name with its legal form are kept as written
    assert legal_name("XDB and Xandor Brands, Inc.", "XDB") == "XDB"
    assert legal_name("Xandor Brands, Inc. and Xandor Brands Ltd.", "Xandor Brands Ltd.") == "Xandor Brands Ltd."
    assert legal_name("Xandor said so.", "Xandor") == "Xandor"
    # a sentence's full stop is not part of the name, an abbreviation's point is
    assert legal_name("Xandor sold. It is Xandor Mills Limited. Xandor", "Xandor") == "Xandor Mills Limited"
    assert legal_name("It is Xandor Mills S.A. Xandor", "Xandor") == "Xandor Mills S.A."


def test_initials_spans_finds_the_initials_alone_but_not_an_exchange_mark():
    from nlp.issuer_names import initials_spans

    text = "Orrin Park Technologies, Inc. (NYSE: OPT) said OPT grew; OPTIONS and OPT-in do not count. OPT Lane too."
    assert initials_spans("Orrin Park Technologies, Inc.", text) == [char_offsets(text, "OPT", 2)]
    assert initials_spans("Orrin Park, Inc.", text) == []  # "OP" is too short, and "OPI" is not written
    text = "Quillon Metals Corporation (QMC: NYSE) said QMC grew."
    assert initials_spans("Quillon Metals Corporation", text) == [char_offsets(text, "QMC", 2)]
