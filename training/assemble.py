"""Assemble corpus records from resolved annotations and the exhibit manifest.

The text always comes from the exhibit's source (byte-identical): its file in the shared
`texts/`, or, for a release chosen from the shared unlabeled pool, that pool's JSONL row. The
manifest's company, category, source, licence and delivery batch go into `meta` (the corpus's
`pool/manifest.jsonl` plays the manifest's part for pool releases), with the text's sha256 for
`exhibit validate`.
"""
from __future__ import annotations

from pathlib import Path
from typing import Dict, Iterable, List, Optional, Tuple

from nlp.errors import InputError
from nlp.io.records import ExhibitRecord, iter_checked_lines, iter_json_lines, text_sha256
from training.cli import run

MANIFEST_FIELDS = ("company", "exhibit", "date", "source_repo", "source_path", "license", "note")
POOL_FILE = "unlabeled/press_releases.jsonl"  # the shared pool, relative to the exhibits folder


def read_jsonl_rows(path: Path) -> Iterable[Tuple[int, dict]]:
    """(line number, row) for each non-blank line; a malformed line is a coded error naming it."""
    for item in iter_json_lines(Path(path)):
        if item.error:
            raise InputError("E030", f"{path}:{item.line}: {item.error}")
        yield item.line, item.data


def read_manifest(path: Path) -> Dict[str, dict]:
    return {row["id"]: row for _, row in read_jsonl_rows(path)}


def read_pool(pool_path: Path, pool_manifest: Dict[str, dict]) -> Dict[str, str]:
    """The texts of the pool releases the pool manifest lists, checked against its sha256."""
    texts = {}
    for number, row in read_jsonl_rows(pool_path):
        if row.get("id") in pool_manifest:
            texts[row["id"]] = row["text"]
            if text_sha256(row["text"]) != pool_manifest[row["id"]].get("sha256"):
                raise InputError("E031", f"{pool_path}:{number}: {row['id']}: text differs from the pool manifest's sha256")
    missing = sorted(set(pool_manifest) - set(texts))
    if missing:
        raise InputError("E032", f"{pool_path}: pool manifest ids not in the pool: {', '.join(missing)}")
    return texts


def source_text(record_id: str, texts_dir: Path, pool_texts: Dict[str, str],
                pool_path: Optional[Path] = None) -> Tuple[str, str, Path]:
    """(text, meta source_file, where it was read) for an exhibit file or a pool release."""
    if record_id in pool_texts:
        return pool_texts[record_id], f"{POOL_FILE}#{record_id}", Path(pool_path or POOL_FILE)
    path = Path(texts_dir) / f"{record_id}.txt"
    return path.read_bytes().decode("utf-8"), f"texts/{record_id}.txt", path


def attach_source(record: ExhibitRecord, texts_dir: Path, manifest: Dict[str, dict],
                  pool_texts: Optional[Dict[str, str]] = None, pool_path: Optional[Path] = None,
                  manifests_read: str = "the manifest") -> ExhibitRecord:
    """The record with its text re-read from its source and manifest fields in meta."""
    row = manifest.get(record.id)
    if row is None:
        raise InputError("E032", f"{record.id}: not in {manifests_read}")
    try:
        text, source_file, path = source_text(record.id, texts_dir, pool_texts or {}, pool_path)
    except FileNotFoundError as err:
        raise InputError("E031", f"{record.id}: no exhibit text at {err.filename}") from None
    if text != record.text:
        raise InputError("E031", f"{record.id}: annotated text differs from {path}")
    meta = dict(record.meta)
    meta.update({k: row.get(k) for k in MANIFEST_FIELDS if row.get(k) is not None})
    meta["batch"] = row.get("batch", 1)  # which delivery of the shared exhibits it came in
    meta["source_file"] = source_file
    meta["sha256"] = text_sha256(text)
    return ExhibitRecord(record.id, text, row.get("category"), record.entities, record.relations, meta)


def assemble(resolved: Iterable[Path], texts_dir: Path, manifest_path: Path,
             pool_path: Optional[Path] = None, pool_manifest_path: Optional[Path] = None) -> List[ExhibitRecord]:
    """Corpus records, sorted by id, from resolved annotation files; an id annotated twice, in
    one file or two, is an error naming both places."""
    manifest = read_manifest(manifest_path)
    manifests_read = f"the manifest {manifest_path}"
    pool_texts: Dict[str, str] = {}
    pool_path = Path(pool_path) if pool_path is not None else Path(manifest_path).parent / POOL_FILE
    if pool_manifest_path is not None and Path(pool_manifest_path).exists():
        pool_manifest = read_manifest(pool_manifest_path)
        clash = sorted(set(pool_manifest) & set(manifest))
        if clash:
            raise InputError("E032", f"{pool_manifest_path}: ids also in {manifest_path}: {', '.join(clash)}")
        pool_texts = read_pool(pool_path, pool_manifest)
        manifest = {**manifest, **pool_manifest}
        manifests_read += f" or the pool manifest {pool_manifest_path}"
    elif pool_manifest_path is not None:
        # a corpus without pool releases needs no pool manifest; say so only if one is missed
        manifests_read += f" (no pool manifest at {pool_manifest_path})"
    records = []
    first_seen: Dict[str, str] = {}  # id -> FILE:LINE
    for path in resolved:
        for line, record in iter_checked_lines(Path(path), ExhibitRecord.from_dict):
            where = f"{path}:{line}"
            if record.id in first_seen:
                raise InputError("E162", f"{where}: {record.id}: duplicate id, also at {first_seen[record.id]}")
            first_seen[record.id] = where
            records.append(attach_source(record, texts_dir, manifest, pool_texts, pool_path, manifests_read))
    return sorted(records, key=lambda r: r.id)


def main(
    resolved: List[Path],
    texts: Path = Path("../shared/exhibits/texts"),
    manifest: Path = Path("../shared/exhibits/manifest.jsonl"),
    pool: Path = Path("../shared/exhibits/unlabeled/press_releases.jsonl"),
    pool_manifest: Path = Path("corpus/pool/manifest.jsonl"),
    output: Path = Path("corpus/exhibits.jsonl"),
) -> None:
    """Assemble resolved annotation files into the corpus file (text re-read from the exhibits
    and, for releases listed in the pool manifest, from the unlabeled pool)."""
    from nlp.io.records import expand_jsonl_paths, write_records

    records = assemble(expand_jsonl_paths(resolved), texts, manifest, pool, pool_manifest)
    count = write_records(records, output)
    print(f"wrote {count} records to {output}")


if __name__ == "__main__":
    import typer

    run(main)
