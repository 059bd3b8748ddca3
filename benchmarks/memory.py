"""Peak memory and time of predicting ONE exhibit, by exhibit size: each size in a fresh process,
the exhibit made by repeating the example texts (corpus/examples/*.txt) up to the size. Texts
longer than nlp.windows.WINDOW_CHARS are predicted in windows. Prints numbers; asserts nothing.

    nice -n 19 python benchmarks/memory.py [--model DIR] [--sizes 20000 200000 1000000 2000000]
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[1] / "corpus" / "examples"
DEFAULT_SIZES = (20_000, 200_000, 1_000_000, 2_000_000)


def synthetic_exhibit(size: int) -> str:
    """The example texts, one paragraph each, repeated and cut to `size` characters."""
    texts = [path.read_text(encoding="utf-8").strip() for path in sorted(EXAMPLES.glob("*.txt"))]
    block = "\n\n".join(texts)
    return ("\n\n".join([block] * (size // (len(block) + 2) + 1)))[:size]


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def measure_one(size: int, model) -> dict:
    """Load the model, predict one exhibit of `size` characters; this process's numbers."""
    from nlp.inference import predict_exhibits
    from nlp.limits import allow_length
    from nlp.models import load_model
    from nlp.readers.items import ExhibitInput
    from nlp.windows import WINDOW_CHARS, split_windows

    text = synthetic_exhibit(size)
    nlp = load_model(model)
    allow_length(nlp, len(text))  # as `exhibit predict --max-chars` does
    loaded_mb = peak_rss_mb()
    started = time.perf_counter()
    [record] = predict_exhibits(nlp, [ExhibitInput("synthetic", text, "benchmark")])
    return {
        "chars": len(text),
        "windows": len(split_windows(text)) if len(text) > WINDOW_CHARS else 1,
        "seconds": time.perf_counter() - started,
        "loaded_mb": loaded_mb,
        "peak_mb": peak_rss_mb(),
        "entities": len(record["entities"]),
        "relations": len(record["relations"]),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=None, help="model directory (default: shipped)")
    parser.add_argument("--sizes", type=int, nargs="+", default=list(DEFAULT_SIZES), help="exhibit sizes (characters)")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # the child process: measure one size
    args = parser.parse_args()

    if args.one is not None:
        from nlp.errors import ExhibitError

        try:
            print(json.dumps(measure_one(args.one, args.model)))
        except ExhibitError as error:  # a bad --model: one line for the parent to show
            sys.exit(f"error: {error}")
        return
    print(f"{'chars':>10} {'windows':>7} {'peak RSS MB':>11} {'after load MB':>13} {'seconds':>8} "
          f"{'entities':>8} {'relations':>9}")
    for size in args.sizes:
        command = [sys.executable, __file__, "--one", str(size)]
        if args.model:
            command += ["--model", str(args.model)]
        done = subprocess.run(command, capture_output=True, text=True)
        if done.returncode:  # the rows printed so far stand; the child's last line says why
            lines = done.stderr.strip().splitlines()
            sys.exit(lines[-1] if lines else f"error: measuring {size:,} characters failed")
        row = json.loads(done.stdout.strip().splitlines()[-1])
        print(f"{row['chars']:>10,} {row['windows']:>7} {row['peak_mb']:>11.0f} {row['loaded_mb']:>13.0f} "
              f"{row['seconds']:>8.1f} {row['entities']:>8,} {row['relations']:>9,}", flush=True)


if __name__ == "__main__":
    main()
