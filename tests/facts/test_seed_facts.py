"""The structured records of the two seed exhibits the annotation guide annotates."""
from __future__ import annotations

import json

import pytest

from nlp.facts import extract_facts


@pytest.fixture(scope="module")
def seeds(seeds_path):
    return {r["id"]: r for r in map(json.loads, seeds_path.read_text(encoding="utf-8").splitlines())}


def test_offering_seed(seeds):
    facts = extract_facts(seeds["seed_innovo_ex99_20031202"])
    assert facts["record"] == {
        "kind": "offering",
        "offering": {
            "issuer": "Innovo Group Inc.",
            "gross": {"amount": "9000000", "currency": "USD"}, "net": None,
            "currency": "USD", "currency_assumed": True,  # a bare "$", no other cue
            "agents": ["SunTrust Robinson Humphrey Capital Markets"],
            # "The weighted average combined price of the Common Stock and the warrants is $3.20"
            "combined_price": {"amount": "3.20", "currency": "USD"},
        },
        "securities": [
            # "2,996,667 million shares": read as written, and warned about
            {"name": "Common Stock", "quantity": 2996667,
             "price": {"amount": "3.00", "currency": "USD"},
             "exercise_price": None, "conversion_price": None},
            # "warrants to acquire 599,333 shares of Common Stock at an exercise price of $4.00"
            {"name": "Common Stock purchase warrants", "quantity": 599333, "price": None,
             "exercise_price": {"amount": "4.00", "currency": "USD"}, "conversion_price": None},
        ],
    }
    # The release itself says "2,996,667 million shares" at $3.00 for about $9 million.
    assert [w["code"] for w in facts["warnings"]] == ["implausible_scale"]
    assert "read as 2,996,667" in facts["warnings"][0]["message"]


def test_certification_seed(seeds):
    facts = extract_facts(seeds["seed_innovo_ex32_20040329"])
    assert facts["record"] == {
        "kind": "certification",
        "company": "Innovo Group Inc.",
        # "this Amendment No. 1 to the Annual Report on Form 10-K for the fiscal year ended ..."
        "report": {"form": "10-K/A", "amendment": True,
                   "period": {"text": "fiscal year ended November 29, 2003", "date": "2003-11-29"}},
        "officers": [
            # the heading's "PRINCIPAL EXEUCTIVE OFFICER" typo is merged into the body's spelling
            {"name": "Samuel J. Furrow, Jr.",
             "titles": ["Chief Executive Officer", "Principal Executive Officer"]},
            {"name": "Marc B. Crossman",
             "titles": ["Chief Financial Officer", "Principal Financial Officer"]},
        ],
    }
    assert facts["warnings"] == []


def test_values_already_in_the_record_are_used(seeds):
    seed = json.loads(json.dumps(seeds["seed_innovo_ex99_20031202"]))
    for ent in seed["entities"]:
        if ent["label"] == "QUANTITY":
            ent["value"] = 2996000  # a value someone corrected by hand
            break
    facts = extract_facts(seed)
    assert facts["record"]["securities"][0]["quantity"] == 2996000
    # 2,996,000 x $3.00 is within 5% of $9 million; the text's own slip is still warned about
    assert [w["code"] for w in facts["warnings"]] == ["implausible_scale"]
