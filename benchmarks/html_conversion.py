"""Time and peak memory of HTML-to-text conversion as the input doubles, on generated one-line
documents of inline elements (the shape of EDGAR filings whose conversion used to be quadratic).
Each size runs in its own process so peak memory is its own. Prints numbers; asserts nothing.

    python benchmarks/html_conversion.py [--start-mb 1] [--doublings 3]
"""
from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import time


def one_line_html(megabytes: float) -> str:
    unit = '<font style="font-family:Times">w </font>'
    return "<html><body><p>" + unit * int(megabytes * 1_000_000 / len(unit)) + "</p></body></html>"


def measure(megabytes: float) -> None:
    from nlp.readers.html import html_to_text

    html = one_line_html(megabytes)
    started = time.perf_counter()
    text = html_to_text(html)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{len(html) / 1e6:8.1f} MB of HTML  {len(text):>10,} characters  {seconds:7.2f} s  peak {peak:7.0f} MB",
          flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--start-mb", type=float, default=1.0)
    parser.add_argument("--doublings", type=int, default=3)
    parser.add_argument("--one", type=float, help=argparse.SUPPRESS)  # a single size, in this process
    args = parser.parse_args()
    if args.one is not None:
        measure(args.one)
        return
    for step in range(args.doublings + 1):
        size = args.start_mb * 2 ** step
        subprocess.run([sys.executable, __file__, "--one", str(size)], check=True)


if __name__ == "__main__":
    main()
