"""Speed and memory of a model on real exhibits: words/s, exhibits/s, time per component,
load time, peak RSS. Prints numbers; asserts nothing.

    python benchmarks/throughput.py [--model DIR] [--data corpus/exhibits.jsonl] [--repeat 2]
"""
from __future__ import annotations

import argparse
import resource
import time
from collections import defaultdict
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=None, help="model directory (default: shipped)")
    parser.add_argument("--data", type=Path, default=Path("corpus/exhibits.jsonl"))
    parser.add_argument("--repeat", type=int, default=2, help="passes over the texts")
    args = parser.parse_args()

    from nlp.io.records import read_records
    from nlp.models import load_model

    started = time.perf_counter()
    nlp = load_model(args.model)
    load_seconds = time.perf_counter() - started
    texts = [r.text for r in read_records(args.data)] * args.repeat
    words = sum(len(t.split()) for t in texts)

    per_component = defaultdict(float)
    started = time.perf_counter()
    for text in texts:
        doc = nlp.make_doc(text)
        for name, proc in nlp.pipeline:
            t0 = time.perf_counter()
            doc = proc(doc)
            per_component[name] += time.perf_counter() - t0
    total = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"model load      {load_seconds:.2f} s")
    print(f"exhibits        {len(texts)}  words {words}")
    print(f"throughput      {words / total:,.0f} words/s  {len(texts) / total:.1f} exhibits/s (1 process)")
    for name, seconds in per_component.items():
        print(f"  {name:<20} {100 * seconds / total:5.1f}% of pipeline time")
    print(f"peak RSS        {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
