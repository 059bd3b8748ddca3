"""`exhibit predict --backend dask`: the same pipeline on a Dask distributed cluster.

The client lists the inputs (paths only) and splits them into partitions of about
`partition_size` exhibits (a JSONL file into byte ranges of lines). Each partition is one task:
the worker loads the model from its path (once per worker process, then cached), reads its
inputs, and writes one part (part-00000.jsonl or .parquet, through a .partial name) plus a
small part-00000.done.json with its counts and skipped inputs. The client then merges those
into manifest.json. Workers must see the input files, the model and the output folder at the
same paths as the client (a shared file system).

With resume, partitions whose part and done file exist (for the same inputs) are not run again.

The folder may hold other files: .exhibit-parts.json lists every file a run wrote there (or was
about to write), and only those are ever replaced or removed. A folder holding a file of the
same name that no run wrote, or an input among the files a run would replace, is refused.
"""
from __future__ import annotations

import json
import os
import threading
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable, Dict, Iterator, List, Optional, Sequence, Tuple

from .errors import ExhibitError, InputError
from .inference import predict_batch
from .limits import allow_length
from .readers.dispatch import ReadOptions, checked_items, input_kind, iter_file_items
from .readers.items import InputItem
from .readers.jsonl import iter_jsonl_exhibits, jsonl_chunks
from .readers.sgml import count_sgml_exhibits
from .writers.failure import remove_quietly
from .writers.target import check_not_an_input

MANIFEST = "manifest.json"
OWNED = ".exhibit-parts.json"  # the names of the files runs wrote in the output folder
PART_FORMATS = ("jsonl", "parquet")
DEFAULT_PARTITION_SIZE = 64


@dataclass(frozen=True)
class InputUnit:
    """A whole input file, or the lines of a JSONL file starting in bytes [start, stop)."""

    path: str
    start: Optional[int] = None
    stop: Optional[int] = None
    first_line: int = 1
    size: int = 1  # expected items, to balance partitions


@dataclass
class Partition:
    index: int
    units: List[InputUnit] = field(default_factory=list)

    @property
    def name(self) -> str:
        return f"part-{self.index:05d}"

    @property
    def size(self) -> int:
        return sum(unit.size for unit in self.units)


def _units_of(path: Path, options: ReadOptions, partition_size: int) -> List[InputUnit]:
    kind = input_kind(path)
    if kind == "stdin":
        raise InputError("E065", "standard input cannot be split over a cluster: give files with --backend dask")
    if kind == "jsonl":
        return [InputUnit(str(path), start, stop, first, max(count, 1))
                for start, stop, first, count in jsonl_chunks(path, partition_size)]
    if kind == "sgml":
        return [InputUnit(str(path), size=max(count_sgml_exhibits(path, options.exhibit_types), 1))]
    return [InputUnit(str(path))]


def plan_partitions(files: Sequence[Path], options: ReadOptions = ReadOptions(),
                    partition_size: int = DEFAULT_PARTITION_SIZE) -> List[Partition]:
    """Consecutive units grouped into partitions of about partition_size exhibits, in input order."""
    partitions: List[Partition] = []
    current = Partition(0)
    for path in files:
        for unit in _units_of(Path(path), options, partition_size):
            if current.units and current.size + unit.size > partition_size:
                partitions.append(current)
                current = Partition(len(partitions))
            current.units.append(unit)
    if current.units:
        partitions.append(current)
    return partitions


def iter_unit_items(unit: InputUnit, options: ReadOptions) -> Iterator[InputItem]:
    """The items of one unit: a whole file, or a byte range of lines of a JSONL file."""
    if unit.start is None:
        return iter_file_items(Path(unit.path), options)
    lines = iter_jsonl_exhibits(Path(unit.path), options.encoding, unit.start, unit.stop, unit.first_line)
    return checked_items(Path(unit.path), lines, options.max_chars)


# One model per worker process (threads of a worker share it, one batch at a time).
_MODELS: Dict[str, Tuple[Any, threading.Lock]] = {}
_MODELS_LOCK = threading.Lock()


def cached_model(path: str) -> Tuple[Any, threading.Lock]:
    from .models import load_model

    with _MODELS_LOCK:
        if path not in _MODELS:
            _MODELS[path] = (load_model(Path(path)), threading.Lock())
        return _MODELS[path]


def _write_json(path: Path, data: Any) -> None:
    tmp = path.with_name(path.name + ".partial")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    os.replace(tmp, path)


def done_path(out_dir: Path, partition: Partition) -> Path:
    return Path(out_dir) / f"{partition.name}.done.json"


def run_partition(partition: Partition, model_path: str, out_dir: str, fmt: str, options: ReadOptions,
                  batch_size: int = 8, min_score: Optional[float] = None, fail_fast: bool = False) -> Dict:
    """Runs in a worker: predict one partition into its part; returns (and saves) its summary.

    Project errors come back as {"fatal": ...} rather than raised, as they cannot cross the wire.
    """
    from .writers import JsonlWriter, ParquetWriter

    out = Path(out_dir)
    part = out / f"{partition.name}.{fmt}"
    errors: List[Dict] = []
    try:
        nlp, lock = cached_model(model_path)
        allow_length(nlp, options.max_chars)
        items = (item for unit in partition.units for item in iter_unit_items(unit, options))
        with lock:
            if fmt == "parquet":
                with ParquetWriter(part) as writer:
                    stats = predict_batch(nlp, items, writer.write, lambda s: errors.append(s.to_dict()),
                                          fail_fast=fail_fast, batch_size=batch_size, min_score=min_score)
            else:
                partial = part.with_name(part.name + ".partial")
                with JsonlWriter(partial) as writer:
                    stats = predict_batch(nlp, items, writer.write, lambda s: errors.append(s.to_dict()),
                                          fail_fast=fail_fast, batch_size=batch_size, min_score=min_score)
                os.replace(partial, part)
    except ExhibitError as err:
        return {"index": partition.index, "errors": errors,
                "fatal": {"code": err.code, "message": err.message, "kind": type(err).__name__}}
    summary = {"index": partition.index, "part": part.name, "records": stats.written, "skipped": stats.skipped,
               "errors": errors, "units": [asdict(unit) for unit in partition.units]}
    _write_json(done_path(out, partition), summary)
    return summary


def _finished(out_dir: Path, partition: Partition, fmt: str) -> Optional[Dict]:
    """The saved summary of a partition an earlier run completed for the same inputs, if any."""
    try:
        summary = json.loads(done_path(out_dir, partition).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    same = summary.get("units") == [asdict(unit) for unit in partition.units]
    return summary if same and (Path(out_dir) / f"{partition.name}.{fmt}").exists() else None


def _files_of(partition: Partition, fmt: str) -> List[str]:
    """Every name a partition's task writes: its part and done file, and their .partial names."""
    names = [f"{partition.name}.{fmt}", done_path(Path("."), partition).name]
    return names + [f"{name}.partial" for name in names]


def _owned(out_dir: Path) -> List[str]:
    try:
        names = json.loads((out_dir / OWNED).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return []
    except (OSError, ValueError):
        raise InputError("E201", f"{out_dir / OWNED}: unreadable list of the parts written here; "
                                 "choose a new output folder") from None
    if not isinstance(names, list):
        return []
    # only plain names of this folder: an edited list must not reach a file elsewhere
    return [name for name in names if isinstance(name, str) and name not in ("", ".", "..") and "/" not in name]


def claim_part_folder(out_dir: Path, partitions: Sequence[Partition], fmt: str, keep: Sequence[int],
                      inputs: Sequence[Path] = ()) -> None:
    """Make out_dir ready for the partitions not in keep: refuse a file it would replace that no
    run wrote, or that is an input; then record what it will write and remove its earlier files
    that this run does not keep (fewer partitions, other inputs, another format)."""
    out_dir = Path(out_dir)
    owned = set(_owned(out_dir))
    kept = {name for p in partitions if p.index in keep for name in _files_of(p, fmt)}
    planned = {name for p in partitions if p.index not in keep for name in _files_of(p, fmt)}
    planned |= {MANIFEST, f"{MANIFEST}.partial"}
    for name in sorted(planned - owned):
        if (out_dir / name).exists():
            raise InputError("E201", f"{out_dir / name}: not written by an `exhibit predict --backend dask` run, "
                                     "and this run would replace it; choose an empty or new output folder")
    touched = [out_dir / name for name in sorted(planned | (owned - kept))]
    check_not_an_input(touched, inputs)
    out_dir.mkdir(exist_ok=True)
    _write_json(out_dir / OWNED, sorted(owned | planned))  # before any is written: a kill keeps them known
    for name in sorted(owned - kept - planned):
        remove_quietly(out_dir / name)
    _write_json(out_dir / OWNED, sorted(kept | planned))


def connect(scheduler) -> Any:
    """A dask.distributed Client for an address (or the Client given)."""
    try:
        from distributed import Client
    except ImportError:
        raise InputError("E066", "--backend dask needs dask[distributed]: pip install 'exhibit-nlp[dask]'") from None
    if isinstance(scheduler, Client):
        return scheduler
    if not scheduler:
        raise InputError("E065", "--backend dask needs --scheduler ADDRESS (e.g. tcp://10.0.0.5:8786)")
    try:
        return Client(scheduler, timeout="15s")
    except (OSError, TimeoutError) as err:
        raise InputError("E363", f"cannot reach the Dask scheduler at {scheduler} ({err})") from None


def _raise_fatal(result: Dict) -> None:
    from . import errors as error_kinds

    fatal = result["fatal"]
    kind = getattr(error_kinds, fatal["kind"], InputError)
    raise kind(fatal["code"], f"partition {result['index']}: {fatal['message']}")


def run_distributed(
    files: Sequence[Path],
    out_dir: Path,
    model_path: Path,
    scheduler,
    fmt: str = "jsonl",
    options: ReadOptions = ReadOptions(),
    partition_size: int = DEFAULT_PARTITION_SIZE,
    batch_size: int = 8,
    min_score: Optional[float] = None,
    resume: bool = False,
    fail_fast: bool = False,
    on_partition: Optional[Callable[[Dict], None]] = None,
) -> Dict:
    """Predict every input on the cluster into parts in out_dir; returns the manifest it writes."""
    if fmt not in PART_FORMATS:
        raise InputError("E065", f"--backend dask writes jsonl or parquet parts, not {fmt}")
    from distributed import as_completed

    out_dir = Path(out_dir)
    partitions = plan_partitions(files, options, partition_size)
    summaries: Dict[int, Dict] = {}
    if resume:
        written = set(_owned(out_dir))
        for partition in partitions:
            earlier = _finished(out_dir, partition, fmt)
            if earlier is not None and set(_files_of(partition, fmt)[:2]) <= written:
                summaries[partition.index] = earlier
    client = connect(scheduler)
    owned = client is not scheduler
    try:
        claim_part_folder(out_dir, partitions, fmt, list(summaries), files)
    except BaseException:
        if owned:
            client.close()
        raise
    todo = [p for p in partitions if p.index not in summaries]
    futures = client.map(run_partition, todo, model_path=str(Path(model_path).resolve()), out_dir=str(out_dir),
                         fmt=fmt, options=options, batch_size=batch_size, min_score=min_score,
                         fail_fast=fail_fast, pure=False)
    try:
        for future in as_completed(futures):
            result = future.result()
            if "fatal" in result:
                _raise_fatal(result)
            summaries[result["index"]] = result
            if on_partition is not None:
                on_partition(result)
    finally:
        for future in futures:
            future.cancel()
        if owned:
            client.close()
    ordered = [summaries[p.index] for p in partitions]
    manifest = {
        "format": fmt,
        "model": str(model_path),
        "records": sum(s["records"] for s in ordered),
        "skipped": sum(s["skipped"] for s in ordered),
        "resumed_partitions": len(partitions) - len(todo),
        "parts": [{"part": s["part"], "records": s["records"], "skipped": s["skipped"]} for s in ordered],
        "errors": [e for s in ordered for e in s["errors"]],
    }
    _write_json(out_dir / MANIFEST, manifest)
    return manifest
