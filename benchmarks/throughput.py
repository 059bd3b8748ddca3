"""Speed and memory of a model on real exhibits: words/s and exhibits/s with 1 and 2 processes,
time per component, load time, peak RSS; then the same for a reference spaCy tok2vec+ner
pipeline with default settings. Prints numbers; asserts nothing.

    python benchmarks/throughput.py [--model DIR] [--data corpus/exhibits.jsonl] [--repeat 2]
                                    [--batch-size 8] [--only model|reference]
"""
from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Callable, Dict, List

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "exhibits.jsonl"


def peak_rss_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # kilobytes on Linux


def component_shares(nlp, texts: List[str]) -> Dict[str, float]:
    """Share of pipeline time per component, one document at a time in this process."""
    seconds: Dict[str, float] = defaultdict(float)
    for text in texts:
        t0 = time.perf_counter()
        doc = nlp.make_doc(text)
        seconds["(tokenizer)"] += time.perf_counter() - t0
        for name, proc in nlp.pipeline:
            t0 = time.perf_counter()
            doc = proc(doc)
            seconds[name] += time.perf_counter() - t0
    total = sum(seconds.values())
    return {name: s / total for name, s in seconds.items()}


def pipe_seconds(nlp, texts: List[str], n_process: int, batch_size: int) -> float:
    from nlp.inference import WIRE_STEP

    if n_process > 1:  # what predict does: relations travel back from the workers as plain lists
        nlp.add_pipe(WIRE_STEP, last=True)
    started = time.perf_counter()
    for _ in nlp.pipe(texts, n_process=n_process, batch_size=batch_size):
        pass
    seconds = time.perf_counter() - started
    if n_process > 1:
        nlp.remove_pipe(WIRE_STEP)
    return seconds


def measure(title: str, load: Callable[[], object], texts: List[str], batch_size: int) -> None:
    words = sum(len(t.split()) for t in texts)
    started = time.perf_counter()
    nlp = load()
    load_seconds = time.perf_counter() - started
    print(f"== {title}")
    print(f"  pipeline        {' -> '.join(nlp.pipe_names)}")
    print(f"  model load      {load_seconds:.2f} s")
    print(f"  exhibits        {len(texts)}  words {words:,}")
    for n_process in (1, 2):
        seconds = pipe_seconds(nlp, texts, n_process, batch_size)
        print(f"  {n_process} process{'es' if n_process > 1 else '  '}     {words / seconds:8,.0f} words/s "
              f"{len(texts) / seconds:6.1f} exhibits/s")
    for name, share in component_shares(nlp, texts).items():
        print(f"    {name:<20} {100 * share:5.1f}% of pipeline time")
    print(f"  peak RSS        {peak_rss_mb(resource.RUSAGE_SELF):.0f} MB (this process), "
          f"{peak_rss_mb(resource.RUSAGE_CHILDREN):.0f} MB (largest worker process)")


def reference_pipeline(records) -> Callable[[], object]:
    """spacy.blank("en") + tok2vec + ner, spaCy's default settings, initialized on a few examples
    (untrained weights: speed does not depend on them)."""

    def load():
        import spacy
        from spacy.training import Example

        from nlp.io.docs import record_to_doc

        nlp = spacy.blank("en")
        nlp.add_pipe("tok2vec")
        nlp.add_pipe("ner")
        examples = [Example(nlp.make_doc(r.text), record_to_doc(nlp.make_doc, r)) for r in records[:8]]
        nlp.initialize(lambda: examples)
        return nlp

    return load


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=None, help="model directory (default: shipped)")
    parser.add_argument("--data", type=Path, default=CORPUS, help="guide JSONL of exhibits (default: the corpus)")
    parser.add_argument("--repeat", type=int, default=2, help="passes over the texts")
    parser.add_argument("--batch-size", type=int, default=8)
    parser.add_argument("--only", choices=("model", "reference"), help="measure one pipeline (in this process)")
    args = parser.parse_args()

    if args.only is None:
        # Each pipeline in a fresh process, so peak RSS and load time are its own.
        for which in ("model", "reference"):
            subprocess.run([sys.executable, __file__, *sys.argv[1:], "--only", which], check=True)
        return

    from nlp.errors import ExhibitError
    from nlp.io.records import read_records
    from nlp.models import load_model

    try:
        records = read_records(args.data)
    except ExhibitError as error:  # a wrong --data path: a message, not a traceback
        sys.exit(f"error: {error}")
    texts = [r.text for r in records] * args.repeat
    if args.only == "model":
        measure(f"exhibit-nlp model ({args.model or 'shipped'})", lambda: load_model(args.model), texts,
                args.batch_size)
    else:
        measure("reference: spaCy tok2vec + ner, default settings", reference_pipeline(records), texts,
                args.batch_size)


if __name__ == "__main__":
    main()
