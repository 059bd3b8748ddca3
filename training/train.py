"""Train a pipeline from a config on the corpus splits (or a user's own JSONL files).

Training data is validated first, with exhibit validate's messages, so a bad record stops the
run before any minute is spent training.
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Dict, Optional

from nlp.errors import ConfigError, InputError
from nlp.io.corpus_reader import select_records
from nlp.provenance import META_KEY, inherit_trained_on, record_trained_on
from nlp.validation import validate_files
from training.config_checks import check_known_settings, config_error_detail
from training.label_sets import FOREIGN, MIXED, LabelSet, entity_labels
from training.warm_start import base_model_meta, check_base_labels, continued_from, warm_start

DEFAULT_CONFIG = Path("configs/default.cfg")


def corpus_overrides(corpus: Path) -> Dict[str, str]:
    corpus = Path(corpus)
    data = corpus / "exhibits.jsonl"
    splits = corpus / "splits.json"
    for path in (data, splits):
        if not path.exists():
            raise InputError("E060", f"{path}: missing (a corpus folder holds exhibits.jsonl and splits.json)")
    return {"paths.train": str(data), "paths.dev": str(data), "paths.splits": str(splits)}


def file_overrides(train: Path, dev: Path) -> Dict[str, str]:
    for path in (train, dev):
        if not Path(path).exists():
            raise InputError("E001", f"{path}: no such file")
    return {
        "paths.train": str(train), "paths.dev": str(dev),
        "paths.train_split": "", "paths.dev_split": "",
    }


def held_out_dev_overrides(train: Path, dev_share: float, output: Path, seed: int = 0) -> Dict[str, str]:
    """Hold out about dev_share of the train file's companies as dev (no company in both), write
    both parts into output/data/, and point the config at them."""
    from nlp.io.records import read_records, write_records
    from training.split import company_key, hold_out_dev

    if not Path(train).exists():
        raise InputError("E001", f"{train}: no such file")
    if dev_share <= 0:
        raise InputError("E367", f"--dev-share must be above 0 (give --dev to name a dev file), not {dev_share}")
    records = read_records(train)
    train_part, dev_part = hold_out_dev(records, dev_share, seed)
    if dev_part == train_part:  # a single company: nothing to hold out
        companies = len({company_key(r) for r in records})
        raise InputError("E322", f"{train}: --dev-share needs exhibits of at least 2 companies to hold some "
                                 f"out, found {companies}; give --dev instead")
    folder = make_output_folder(Path(output) / "data")
    write_records(train_part, folder / "train.jsonl")
    write_records(dev_part, folder / "dev.jsonl")
    return file_overrides(folder / "train.jsonl", folder / "dev.jsonl")


def check_training_data(train: Path, dev: Path, strict_schema: bool = True) -> LabelSet:
    """The training files' label set; InputError with their first validation problems.

    Labels that share nothing with the guide's are taken from the data with no flag; guide
    labels mixed with others need strict_schema=False (--any-labels), and the error says so."""
    paths = sorted({Path(train), Path(dev)})
    label_set = entity_labels(paths)
    problems = validate_files(paths, label_set.schema(accept_any=not strict_schema))
    if problems:
        shown = "; ".join(str(p) for p in problems[:3])
        more = f" (and {len(problems) - 3} more)" if len(problems) > 3 else ""
        hint = ""
        if strict_schema and label_set.kind == MIXED:
            hint = (f"; labels {', '.join(label_set.unknown)} are not the guide's: "
                    "pass --any-labels to accept them")
        raise InputError("E061", f"training data has problems: {shown}{more}{hint}")
    return label_set


def training_records(config):
    """The records the config trains on (its train file, only the train split when it names one)."""
    paths = config["paths"]
    split = paths.get("train_split") or None
    return select_records(Path(paths["train"]), split, Path(paths["splits"]) if split else None)


def alignment_summary(nlp, config, records=None) -> str:
    """How the training split's spans align with the pipeline's tokenizer (the train corpus's mode)."""
    from nlp.io.docs import records_to_docbin

    records = training_records(config) if records is None else records
    corpus = config["corpora"]["train"]
    _, report = records_to_docbin(nlp.make_doc, records, alignment=corpus.get("alignment", "expand"))
    return report.summary()


def load_training_config(config_path: Path, overrides: Dict[str, str], base: Optional[Path] = None):
    """The config with its overrides; with `base`, its networks continue from that model's."""
    from spacy.util import load_config

    if not Path(config_path).exists():
        raise ConfigError("E070", f"{config_path}: config file not found")
    try:
        config = load_config(config_path, overrides=overrides, interpolate=False)
    except Exception as err:
        raise ConfigError("E071", f"{config_path}: invalid config ({config_error_detail(err)})") from None
    check_known_settings(config, config_path)
    if base is not None:
        config = warm_start(config, base)
    return with_pretraining_section(config)


def with_pretraining_section(config):
    """The config with spaCy's default [pretraining] block when it names pretrained tok2vec
    weights but has no such block: spaCy reads which component takes the weights from that
    block and, finding it empty, drops [initialize] init_tok2vec without a word."""
    from spacy.language import DEFAULT_CONFIG_PRETRAIN_PATH
    from spacy.util import load_config

    if config["initialize"].get("init_tok2vec") in (None, "null", "") or config.get("pretraining"):
        return config
    return load_config(DEFAULT_CONFIG_PRETRAIN_PATH, interpolate=False).merge(config).merge(
        {"pretraining": load_config(DEFAULT_CONFIG_PRETRAIN_PATH, interpolate=False)["pretraining"]})


def make_output_folder(output: Path) -> Path:
    output = Path(output)
    try:
        output.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise InputError("E168", f"{output}: cannot create the output folder ({err.strerror})") from None
    return output


def init_pipeline(config, config_path: Path, gpu_id: int = -1):
    """spaCy's init_nlp, with a setting it cannot build named in one line."""
    from spacy.training.initialize import init_nlp

    try:
        return init_nlp(config, use_gpu=gpu_id)
    except (ValueError, KeyError, TypeError) as err:
        raise ConfigError("E072", f"{config_path}: cannot build the pipeline ({config_error_detail(err)})") from None


def train_pipeline(
    config_path: Path,
    output: Path,
    overrides: Dict[str, str],
    gpu_id: int = -1,
    strict_schema: bool = True,
    base: Optional[Path] = None,
) -> Dict:
    """Train with spaCy's loop; write model-best/model-last and metrics.json into output. With
    `base`, the networks continue from that model's weights (training.warm_start)."""
    from spacy.training.loop import train as train_nlp

    config = load_training_config(config_path, overrides, base)
    paths = config["paths"]
    label_set = check_training_data(Path(paths["train"]), Path(paths["dev"]), strict_schema)
    base_meta = base_model_meta(base) if base is not None else None
    if base_meta is not None:
        check_base_labels(base, base_meta, label_set.labels)
    pipeline = label_set.fit_pipeline(config)
    if label_set.kind == FOREIGN:
        print(label_set.note(pipeline), file=sys.stderr)
    if gpu_id >= 0:
        from thinc.api import require_gpu

        require_gpu(gpu_id)
    output = make_output_folder(output)
    started = time.time()
    nlp = init_pipeline(config, config_path, gpu_id)
    records = training_records(config)
    # Saved with model-best and model-last, so scoring on these exhibits later warns.
    record_trained_on(nlp.meta, records)
    if base_meta is not None:
        inherit_trained_on(nlp.meta, base_meta)  # its weights learned from those exhibits too
        nlp.meta[META_KEY]["continued_from"] = continued_from(base_meta)
    alignment = alignment_summary(nlp, config, records)
    print(f"alignment of training spans: {alignment}")
    train_nlp(nlp, output)
    minutes = (time.time() - started) / 60
    metrics = {"config": str(config_path), "overrides": overrides, "train_minutes": round(minutes, 2),
               "alignment": alignment}
    if base is not None:
        metrics["continued_from"] = str(base)
    best = output / "model-best"
    if best.exists():
        metrics["dev"] = evaluate_split(best, Path(paths["dev"]), paths.get("dev_split") or None,
                                        Path(paths["splits"]) if paths.get("dev_split") else None)
    (output / "metrics.json").write_text(json.dumps(metrics, indent=2) + "\n", encoding="utf-8")
    return metrics


def evaluate_split(model_dir: Path, data: Path, split: Optional[str], splits_path: Optional[Path]) -> Dict:
    from nlp.evaluation import evaluate_model
    from nlp.models import load_model

    nlp = load_model(model_dir)
    return evaluate_model(nlp, select_records(data, split, splits_path))
