"""Assembling corpus records: text re-read from the exhibit file or from the unlabeled pool."""
import json

import pytest

from nlp.errors import InputError
from nlp.io.records import text_sha256
from training.assemble import assemble

FILE_TEXT = "Acme Corp. Appoints Jo Roe as Chief Financial Officer\n"
POOL_TEXT = "Bolt Labs Names Ann Lee President\n\nBolt Labs said today ...\n"


def _jsonl(path, rows):
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.fixture
def sources(tmp_path):
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "oth_acme.txt").write_text(FILE_TEXT, encoding="utf-8")
    manifest = _jsonl(tmp_path / "manifest.jsonl", [
        {"id": "oth_acme", "category": "other", "company": "Acme Corp.", "license": "CC0-1.0", "batch": 2}])
    pool = _jsonl(tmp_path / "pool.jsonl", [
        {"id": "unl_other", "company": "Other", "text": "not chosen"},
        {"id": "unl_bolt", "company": "Bolt Labs Names", "text": POOL_TEXT}])
    pool_manifest = _jsonl(tmp_path / "pool_manifest.jsonl", [
        {"id": "unl_bolt", "category": "other", "company": "Bolt Labs, Inc.", "license": "CC0-1.0", "batch": 3,
         "sha256": text_sha256(POOL_TEXT)}])
    resolved = _jsonl(tmp_path / "resolved.jsonl", [
        {"id": "unl_bolt", "text": POOL_TEXT, "entities": [{"start": 0, "end": 9, "label": "ISSUER"}], "relations": []},
        {"id": "oth_acme", "text": FILE_TEXT, "entities": [], "relations": []}])
    return tmp_path, texts, manifest, pool, pool_manifest, resolved


def test_pool_release_takes_its_text_from_the_pool_and_its_meta_from_the_pool_manifest(sources):
    _, texts, manifest, pool, pool_manifest, resolved = sources
    acme, bolt = assemble([resolved], texts, manifest, pool, pool_manifest)
    assert (bolt.id, bolt.text, bolt.category) == ("unl_bolt", POOL_TEXT, "other")
    assert bolt.meta["company"] == "Bolt Labs, Inc." and bolt.meta["batch"] == 3
    assert bolt.meta["source_file"] == "unlabeled/press_releases.jsonl#unl_bolt"
    assert bolt.meta["sha256"] == text_sha256(POOL_TEXT)
    assert acme.meta["source_file"] == "texts/oth_acme.txt" and acme.meta["batch"] == 2


def test_without_a_pool_manifest_a_pool_release_is_not_in_the_manifest(sources):
    tmp_path, texts, manifest, pool, _, resolved = sources
    with pytest.raises(InputError, match="unl_bolt: not in the manifest"):
        assemble([resolved], texts, manifest, pool, tmp_path / "absent.jsonl")


def test_a_pool_text_that_changed_is_named_by_file_and_line(sources):
    tmp_path, texts, manifest, pool, pool_manifest, resolved = sources
    rows = [json.loads(line) for line in pool.read_text().splitlines()]
    rows[1]["text"] += "edited"
    _jsonl(pool, rows)
    with pytest.raises(InputError, match=r"pool.jsonl:2: unl_bolt: text differs from the pool manifest's sha256"):
        assemble([resolved], texts, manifest, pool, pool_manifest)


def test_a_malformed_pool_manifest_line_is_named(sources):
    _, texts, manifest, pool, pool_manifest, resolved = sources
    pool_manifest.write_text(pool_manifest.read_text() + "{not json\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"pool_manifest.jsonl:2: malformed JSON"):
        assemble([resolved], texts, manifest, pool, pool_manifest)


def test_an_id_in_both_manifests_is_refused(sources):
    _, texts, manifest, pool, pool_manifest, resolved = sources
    _jsonl(pool_manifest, [{"id": "oth_acme", "sha256": text_sha256(FILE_TEXT)}])
    with pytest.raises(InputError, match="ids also in .*manifest.jsonl: oth_acme"):
        assemble([resolved], texts, manifest, pool, pool_manifest)


def test_a_pool_manifest_id_missing_from_the_pool_is_named(sources):
    _, texts, manifest, pool, pool_manifest, resolved = sources
    _jsonl(pool_manifest, [{"id": "unl_gone", "sha256": "0"}])
    with pytest.raises(InputError, match="pool manifest ids not in the pool: unl_gone"):
        assemble([resolved], texts, manifest, pool, pool_manifest)


def test_a_missing_exhibit_file_is_named(sources):
    _, texts, manifest, pool, pool_manifest, resolved = sources
    (texts / "oth_acme.txt").unlink()
    with pytest.raises(InputError, match="oth_acme: no exhibit text at .*oth_acme.txt"):
        assemble([resolved], texts, manifest, pool, pool_manifest)


def test_an_annotated_text_that_differs_from_the_pool_names_the_pool_file_read(sources):
    _, texts, manifest, pool, pool_manifest, resolved = sources
    rows = [json.loads(line) for line in resolved.read_text().splitlines()]
    rows[0]["text"] = POOL_TEXT.replace("Bolt", "Volt")
    _jsonl(resolved, rows)
    with pytest.raises(InputError, match=rf"unl_bolt: annotated text differs from {pool}"):
        assemble([resolved], texts, manifest, pool, pool_manifest)


def test_a_missing_pool_manifest_is_named_when_a_release_needs_it(sources):
    tmp_path, texts, manifest, pool, _, resolved = sources
    with pytest.raises(InputError, match=r"unl_bolt: not in the manifest .*manifest.jsonl \(no pool manifest at .*absent.jsonl\)"):
        assemble([resolved], texts, manifest, pool, tmp_path / "absent.jsonl")


def test_an_id_annotated_twice_names_both_places(sources):
    tmp_path, texts, manifest, pool, pool_manifest, resolved = sources
    again = _jsonl(tmp_path / "again.jsonl", [
        {"id": "oth_acme", "text": FILE_TEXT, "entities": [], "relations": []}])
    with pytest.raises(InputError, match=r"again.jsonl:1: oth_acme: duplicate id, also at .*resolved.jsonl:2"):
        assemble([resolved, again], texts, manifest, pool, pool_manifest)
