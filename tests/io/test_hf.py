from __future__ import annotations

from nlp.io.hf import dataset_to_records, load_parquet, records_to_dataset, save_parquet


def test_dataset_round_trip(seed_records):
    dataset = records_to_dataset(seed_records)
    assert dataset.num_rows == 2
    assert [r.to_dict() for r in dataset_to_records(dataset)] == [r.to_dict() for r in seed_records]


def test_parquet_splits_load_as_dataset_dict(tmp_path, seed_records):
    save_parquet({"train": seed_records[:1], "test": seed_records[1:]}, tmp_path)
    loaded = load_parquet(tmp_path)
    assert set(loaded) == {"train", "test"}
    assert dataset_to_records(loaded["test"])[0].to_dict() == seed_records[1].to_dict()
