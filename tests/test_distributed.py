"""--backend dask on an in-process cluster (one worker, threads): parts, manifest, resume."""
from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from nlp.cli import app
from nlp.distributed import cached_model, plan_partitions, run_distributed
from nlp.errors import InputError
from nlp.inference import predict_exhibits
from nlp.models import default_model_path
from nlp.readers import ExhibitInput, iter_inputs, list_input_files

distributed = pytest.importorskip("distributed")
INPUTS = Path(__file__).resolve().parent / "data" / "inputs"


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                                  dashboard_address=None) as local:
        yield local


@pytest.fixture(scope="module")
def client(cluster):
    with distributed.Client(cluster) as connected:
        yield connected


@pytest.fixture(scope="module")
def files():
    return list_input_files([INPUTS, INPUTS / "certifications.jsonl"])


def test_partitions_follow_input_order_and_split_jsonl_by_lines(files):
    partitions = plan_partitions(files, partition_size=2)
    assert [[(Path(u.path).name, u.first_line, u.size) for u in p.units] for p in partitions] == [
        [("0001047469-04-035975.txt", 1, 2)],
        [("ante_ex99-1.htm", 1, 1)],
        [("certifications.jsonl", 1, 2)],
        [("certifications.jsonl", 3, 1)],
    ]
    assert [p.name for p in partitions] == ["part-00000", "part-00001", "part-00002", "part-00003"]
    with pytest.raises(InputError, match="standard input cannot be split"):
        plan_partitions([Path("-")])


def test_cluster_run_writes_parts_and_a_manifest_equal_to_a_local_run(client, files, tmp_path):
    out = tmp_path / "parts"
    manifest = run_distributed(files, out, default_model_path(), client, "jsonl", partition_size=2)
    assert (manifest["records"], manifest["skipped"]) == (5, 1)
    assert [p["part"] for p in manifest["parts"]] == [f"part-0000{k}.jsonl" for k in range(4)]
    assert [(e["source"], e["code"]) for e in manifest["errors"]] == [
        (f"{INPUTS / 'certifications.jsonl'}:2", "E055")]
    assert json.loads((out / "manifest.json").read_text()) == manifest
    records = [json.loads(line) for p in manifest["parts"] for line in (out / p["part"]).read_text().splitlines()]
    # the worker shares this process, so its cached model is the one the local run uses
    nlp, _ = cached_model(str(default_model_path().resolve()))
    local = list(predict_exhibits(nlp, (i for i in iter_inputs(files) if isinstance(i, ExhibitInput))))
    assert records == local
    assert not list(out.glob("*.partial"))


def test_parquet_parts_and_resume_skips_finished_partitions(client, files, tmp_path):
    out = tmp_path / "parts"
    first = run_distributed(files, out, default_model_path(), client, "parquet", partition_size=3)
    assert sum(pq.read_table(out / p["part"]).num_rows for p in first["parts"]) == 5
    (out / "part-00001.done.json").unlink()  # as if the run had stopped before that partition ended
    again = run_distributed(files, out, default_model_path(), client, "parquet", partition_size=3, resume=True)
    assert again["resumed_partitions"] == len(first["parts"]) - 1
    assert (again["records"], again["parts"]) == (first["records"], first["parts"])


def test_command_line_dask_backend(cluster, tmp_path):
    out = tmp_path / "parts"
    result = CliRunner().invoke(app, ["predict", str(INPUTS / "ante_ex99-1.htm"), str(INPUTS / "certifications.jsonl"),
                                      "--backend", "dask", "--scheduler", cluster.scheduler_address,
                                      "-o", str(out), "--partition-size", "8"])
    assert result.exit_code == 1, result.output  # one malformed JSONL line was skipped
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["parts"] == [{"part": "part-00000.jsonl", "records": 3, "skipped": 1}]
    assert f"skipped [E055] {INPUTS / 'certifications.jsonl'}:2" in result.stderr
    assert "wrote 3 records in 1 parts" in result.stderr
