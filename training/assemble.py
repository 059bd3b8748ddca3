"""Assemble corpus records from resolved annotations and the exhibit manifest.

The text always comes from the exhibit file (byte-identical), and the manifest's company,
category, source, licence and delivery batch go into `meta`, with the text's sha256 for `exhibit validate`.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Dict, Iterable, List

from nlp.errors import InputError
from nlp.io.records import ExhibitRecord, read_records, text_sha256
from training.cli import run

MANIFEST_FIELDS = ("company", "exhibit", "date", "source_repo", "source_path", "license", "note")


def read_manifest(path: Path) -> Dict[str, dict]:
    out = {}
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                row = json.loads(line)
            except ValueError as err:
                raise InputError("E030", f"{path}:{number}: malformed JSON ({err})") from None
            out[row["id"]] = row
    return out


def attach_source(record: ExhibitRecord, texts_dir: Path, manifest: Dict[str, dict]) -> ExhibitRecord:
    """The record with its text re-read from texts_dir and manifest fields in meta."""
    path = Path(texts_dir) / f"{record.id}.txt"
    text = path.read_bytes().decode("utf-8")
    if text != record.text:
        raise InputError("E031", f"{record.id}: annotated text differs from {path}")
    row = manifest.get(record.id)
    if row is None:
        raise InputError("E032", f"{record.id}: not in the manifest")
    meta = dict(record.meta)
    meta.update({k: row.get(k) for k in MANIFEST_FIELDS if row.get(k) is not None})
    meta["batch"] = row.get("batch", 1)  # which delivery of the shared exhibits it came in
    meta["source_file"] = f"texts/{record.id}.txt"
    meta["sha256"] = text_sha256(text)
    return ExhibitRecord(record.id, text, row.get("category"), record.entities, record.relations, meta)


def assemble(resolved: Iterable[Path], texts_dir: Path, manifest_path: Path) -> List[ExhibitRecord]:
    manifest = read_manifest(manifest_path)
    records = []
    for path in resolved:
        for record in read_records(path):
            records.append(attach_source(record, texts_dir, manifest))
    return sorted(records, key=lambda r: r.id)


def main(
    resolved: List[Path],
    texts: Path = Path("../shared/exhibits/texts"),
    manifest: Path = Path("../shared/exhibits/manifest.jsonl"),
    output: Path = Path("corpus/exhibits.jsonl"),
) -> None:
    """Assemble resolved annotation files into the corpus file (text re-read from the exhibits)."""
    from nlp.io.records import expand_jsonl_paths, write_records

    records = assemble(expand_jsonl_paths(resolved), texts, manifest)
    ids = [r.id for r in records]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise SystemExit(f"duplicate ids: {', '.join(duplicates)}")
    count = write_records(records, output)
    print(f"wrote {count} records to {output}")


if __name__ == "__main__":
    import typer

    run(main)
