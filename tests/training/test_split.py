from __future__ import annotations

import pytest

from nlp.errors import InputError
from nlp.io.records import ExhibitRecord
from training.split import check_locked_test, company_key, lock_test, make_splits, retire_test


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


def test_plan_sets_the_share_of_each_split():
    records = _records(n_companies=60)
    wide = make_splits(records, seed=4, plan=(10, 4, 6))["assignments"]
    narrow = make_splits(records, seed=4, plan=(16, 2, 2))["assignments"]
    assert list(wide.values()).count("test") > list(narrow.values()).count("test")


def test_a_plan_that_does_not_add_up_to_twenty_folds_is_refused():
    with pytest.raises(InputError, match="E170"):
        make_splits(_records(), seed=1, plan=(10, 3, 3))


def test_retired_test_moves_to_dev_and_is_recorded():
    first = make_splits(_records(), seed=2)
    old_test = {i for i, s in first["assignments"].items() if s == "test"}
    retired = retire_test(first, "looked into")
    assert old_test and all(retired["assignments"][i] == "dev" for i in old_test)
    assert "test" not in retired["companies"].values()
    assert retired["history"][-1]["action"] == "retired test to dev"


def test_locked_test_takes_no_new_company_and_detects_a_change():
    records = _records()
    locked = lock_test(make_splits(records, seed=2))
    fresh = [ExhibitRecord(f"n{c}", "t", "other", meta={"company": f"New {c}"}) for c in range(40)]
    grown = make_splits(records + fresh, seed=2, existing=locked)
    assert [i for i, s in grown["assignments"].items() if s == "test"] == \
        [i for i, s in locked["assignments"].items() if s == "test"]
    assert grown["locked_test"] == locked["locked_test"]
    some_train = next(i for i, s in locked["assignments"].items() if s == "train")
    tampered = {**locked, "assignments": {**locked["assignments"], some_train: "test"}}
    with pytest.raises(InputError, match="E173"):
        check_locked_test(tampered)
    with pytest.raises(InputError, match="E171"):
        retire_test(locked, "again")


def _synthetic(n):
    return [ExhibitRecord(f"syn_{c}", "text", ["offering", "certification"][c % 2],
                          meta={"company": f"Invented {c}", "synthetic": True}) for c in range(n)]


def test_synthetic_records_only_ever_go_to_train():
    real = _records()
    splits = make_splits(real + _synthetic(40), seed=1)
    assert {splits["assignments"][f"syn_{c}"] for c in range(40)} == {"train"}
    # the real corpus is assigned as it would be without them
    assert {i: s for i, s in splits["assignments"].items() if not i.startswith("syn_")} == \
        make_splits(real, seed=1)["assignments"]
    grown = make_splits(real + _synthetic(40), seed=1, existing=lock_test(make_splits(real, seed=1)))
    assert {grown["assignments"][f"syn_{c}"] for c in range(40)} == {"train"}


def test_a_synthetic_record_that_would_leave_train_is_refused():
    real = _records()
    twin = ExhibitRecord("syn_twin", "text", "offering", meta={"company": "Company 3", "synthetic": True})
    with pytest.raises(InputError, match=r"E404.*syn_twin"):
        make_splits(real + [twin], seed=1)
    first = make_splits(real, seed=1)
    test_id = next(i for i, s in first["assignments"].items() if s == "test")
    relabelled = [ExhibitRecord(r.id, r.text, r.category, meta={**r.meta, "synthetic": True})
                  if r.id == test_id else r for r in real]
    with pytest.raises(InputError, match=rf"E404.*{test_id}.*test"):
        make_splits(relabelled, seed=1, existing=first)
