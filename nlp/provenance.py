"""Which exhibits a model was trained on, kept in its meta.json, so that scoring it on them warns.

Training writes meta["exhibit_nlp"]["trained_on"] = {"count", "ids" (sorted), "text_sha256"
(sorted)}; the hashes catch the same exhibit under another id. A model without the list (the
shipped one, models trained before) gives no overlap and so no warning.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Sequence, Set

from .io.records import ExhibitRecord, text_sha256

META_KEY = "exhibit_nlp"
TRAINED_ON = "trained_on"


def trained_on_manifest(records: Sequence[ExhibitRecord]) -> Dict[str, Any]:
    return {"count": len(records), "ids": sorted({r.id for r in records}),
            "text_sha256": sorted({text_sha256(r.text) for r in records})}


def _manifest_in(meta: Dict[str, Any]) -> Optional[Dict[str, Any]]:
    """The trained_on manifest of a model's meta, or None when the meta does not say."""
    section = meta.get(META_KEY)
    manifest = section.get(TRAINED_ON) if isinstance(section, dict) else None
    return manifest if isinstance(manifest, dict) else None


def record_trained_on(meta: Dict[str, Any], records: Sequence[ExhibitRecord]) -> None:
    """Put the training records' manifest into a model's meta (nlp.meta, saved with the model)."""
    section = meta.get(META_KEY)
    meta[META_KEY] = {**(section if isinstance(section, dict) else {}), TRAINED_ON: trained_on_manifest(records)}


def add_trained_on(meta: Dict[str, Any], records: Sequence[ExhibitRecord]) -> None:
    """Add records a model learned from after training (a rule step refitted on them) to the
    manifest in its meta; without a manifest the model's training data is unknown, and stays so."""
    if _manifest_in(meta) is not None:
        _widen_manifest(meta, {r.id for r in records}, {text_sha256(r.text) for r in records})


def inherit_trained_on(meta: Dict[str, Any], base_meta: Dict[str, Any]) -> None:
    """A model whose weights continued from another's (`exhibit train --from`) also learned from
    that model's exhibits: its manifest takes them in. A base model that does not say what it
    was trained on leaves the manifest as training wrote it."""
    inherited = _manifest_in(base_meta)
    if _manifest_in(meta) is not None and inherited is not None:
        _widen_manifest(meta, set(inherited.get("ids") or []), set(inherited.get("text_sha256") or []))


def _widen_manifest(meta: Dict[str, Any], ids: Set[str], hashes: Set[str]) -> None:
    """Join exhibit ids and text hashes to the manifest a model's meta holds."""
    manifest = _manifest_in(meta)
    ids = set(manifest.get("ids") or []) | ids
    hashes = set(manifest.get("text_sha256") or []) | hashes
    meta[META_KEY][TRAINED_ON] = {"count": len(ids), "ids": sorted(ids), "text_sha256": sorted(hashes)}


def trained_on_overlap(meta: Dict[str, Any], records: Sequence[ExhibitRecord]) -> Optional[List[str]]:
    """Ids of the records the model was trained on (same id or same text), or None when the
    model's meta does not say what it was trained on."""
    manifest = _manifest_in(meta)
    if manifest is None:
        return None
    ids, hashes = set(manifest.get("ids") or []), set(manifest.get("text_sha256") or [])
    return [r.id for r in records if r.id in ids or text_sha256(r.text) in hashes]


def overlap_warning(model_name: str, overlap: Optional[List[str]], total: int) -> Optional[str]:
    """One line for the user when some scored exhibits were training exhibits, else None."""
    if not overlap:
        return None
    shown = ", ".join(overlap[:5]) + (", ..." if len(overlap) > 5 else "")
    return (f"{model_name}: {len(overlap)} of the {total} scored exhibits were in its training data "
            f"({shown}); the scores overstate how it does on unseen exhibits")
