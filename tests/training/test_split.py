from __future__ import annotations

from nlp.io.records import ExhibitRecord
from training.split import company_key, make_splits


def _records(n_companies=30, per_company=2):
    categories = ["offering", "certification", "other"]
    return [
        ExhibitRecord(f"c{c}_{k}", "text", categories[c % 3], meta={"company": f"Company {c}"})
        for c in range(n_companies)
        for k in range(per_company)
    ]


def test_no_company_in_two_splits():
    records = _records()
    splits = make_splits(records, seed=1)
    by_company = {}
    for record in records:
        by_company.setdefault(company_key(record), set()).add(splits["assignments"][record.id])
    assert all(len(names) == 1 for names in by_company.values())
    assert set(splits["assignments"].values()) == {"train", "dev", "test"}


def test_same_seed_same_splits_and_other_seed_differs():
    records = _records()
    assert make_splits(records, seed=5) == make_splits(records, seed=5)
    assert make_splits(records, seed=5)["assignments"] != make_splits(records, seed=6)["assignments"]


def test_every_split_holds_each_category():
    records = _records(n_companies=60)
    splits = make_splits(records, seed=3)
    for name in ("train", "dev", "test"):
        cats = {r.category for r in records if splits["assignments"][r.id] == name}
        assert cats == {"offering", "certification", "other"}


def test_existing_assignments_stay_and_new_company_exhibits_join_their_company():
    records = _records()
    first = make_splits(records, seed=2)
    known = ExhibitRecord("c0_new", "text", "offering", meta={"company": "Company 0"})
    fresh = [ExhibitRecord(f"n{c}", "t", "other", meta={"company": f"New {c}"}) for c in range(25)]
    second = make_splits(records + [known] + fresh, seed=2, existing=first)
    for rid, name in first["assignments"].items():
        assert second["assignments"][rid] == name
    assert second["assignments"]["c0_new"] == first["assignments"]["c0_0"]
    assert all(f"n{c}" in second["assignments"] for c in range(25))
