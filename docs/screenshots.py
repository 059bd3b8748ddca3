"""Regenerate the screenshots of the report pages in docs/screenshots/ (see docs/reports.md).

    python docs/screenshots.py [--documents 6] [--split train] [--model DIR] [--chromium chromium]

Runs the model (default: the shipped one) on a few exhibits of a corpus split (offerings and
certifications in turn), writes the
`exhibit evaluate --html` page and the `exhibit show` page of them to a temporary folder, and
has a headless Chromium (Debian: `apt-get install chromium`) take one PNG of the top of each.
Not run in CI: it needs Chromium and the model, and takes a minute.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
WINDOW = (1280, 1800)   # CSS pixels of the page's top that is shot
SCALE = 0.75            # device scale: a 960 x 1350 image, well under 400 KB


@dataclass
class _Input:
    """What nlp.show.show_exhibits reads of an input: id, text and source."""

    id: str
    text: str
    source: str


def build_pages(records, model, folder: Path) -> dict:
    """The evaluation page and the show page of these gold records, written to `folder`."""
    from nlp.evaluation import analyze_system, run_model
    from nlp.reports import html as html_report
    from nlp.reports.document import evaluation_document
    from nlp.scoring import pair_documents
    from nlp.show import show_exhibits

    output = run_model(model, records)
    report = analyze_system(records, output, errors_limit=5)
    document = evaluation_document(report, f"exhibit evaluate: {len(records)} exhibits of the corpus")
    pairs, _, _ = pair_documents(records, output.predicted)
    pages = {
        "evaluation": html_report.report_page(report, document, pairs),
        "show": show_exhibits(model, [_Input(r.id, r.text, "corpus") for r in records],
                              title=f"exhibit show: {len(records)} exhibits"),
    }
    paths = {}
    for name, page in pages.items():
        paths[name] = folder / f"{name}.html"
        paths[name].write_text(page, encoding="utf-8")
    return paths


def mixed(records, n: int) -> list:
    """n records taken in turn from each category (offering first), so both kinds show."""
    by_category: dict = {}
    for record in records:
        by_category.setdefault(record.category or "", []).append(record)
    queues = [by_category[c] for c in sorted(by_category, key=lambda c: c != "offering")]
    picked = []
    while len(picked) < n and any(queues):
        for queue in queues:
            if queue and len(picked) < n:
                picked.append(queue.pop(0))
    return picked


def screenshot(chromium: str, page: Path, png: Path) -> None:
    command = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
               f"--force-device-scale-factor={SCALE}", f"--window-size={WINDOW[0]},{WINDOW[1]}",
               f"--screenshot={png}", page.as_uri()]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    if done.returncode != 0 or not png.is_file():
        sys.exit(f"{chromium} could not take {png.name}: {done.stderr.strip().splitlines()[-1:]}")


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "corpus" / "exhibits.jsonl")
    parser.add_argument("--splits", type=Path, default=ROOT / "corpus" / "splits.json")
    parser.add_argument("--split", default="train")
    parser.add_argument("--documents", type=int, default=6, help="Exhibits taken from the split.")
    parser.add_argument("--model", type=Path, default=None, help="Model directory (default: the shipped model).")
    parser.add_argument("--chromium", default="chromium")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)

    chromium = shutil.which(args.chromium)
    if chromium is None:
        sys.exit(f"{args.chromium}: not found; on Debian: apt-get install chromium")
    sys.path.insert(0, str(ROOT))
    from nlp.io.corpus_reader import select_records
    from nlp.models import load_model

    records = mixed(select_records(args.corpus, args.split, args.splits), args.documents)
    if not records:
        sys.exit(f"{args.corpus}: no exhibit in split {args.split!r}")
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        pages = build_pages(records, load_model(args.model), Path(tmp))
        for name, page in pages.items():
            png = args.out / f"{name}.png"
            screenshot(chromium, page, png)
            print(f"wrote {png} ({png.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
