"""Raw text for `spacy pretrain`: the unlabeled releases plus the corpus texts of chosen splits.

Each paragraph (text between blank lines) becomes one JSONL line {"text": ...}, so that long
exhibits are not dropped by the pretraining reader's length limit and batches stay even. The
locked test split is never included: pretraining on it would let the model see test text.

    python -m training.pretrain_corpus OUT.jsonl [--unlabeled FILE ...] [--corpus DIR] [--splits train,dev]
"""
from __future__ import annotations

import argparse
import json
import re
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from nlp.errors import InputError
from nlp.io.records import read_records

PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
MIN_WORDS = 5  # headings and page numbers teach the encoder little


def paragraphs(text: str) -> Iterator[str]:
    for block in PARAGRAPH_BREAK.split(text):
        block = block.strip()
        if len(block.split()) >= MIN_WORDS:
            yield block


def unlabeled_texts(path: Path) -> Iterator[str]:
    with Path(path).open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                text = json.loads(line)["text"]
            except (ValueError, KeyError, TypeError) as error:
                raise InputError("E176", f"{path}:{number}: not a JSON object with a \"text\" string ({error})") from None
            if isinstance(text, str):
                yield text


def corpus_texts(corpus: Path, splits: Sequence[str]) -> Iterator[str]:
    if "test" in splits:
        raise InputError("E177", "the locked test split is never used for pretraining")
    assignments = json.loads((Path(corpus) / "splits.json").read_text(encoding="utf-8"))["assignments"]
    for record in read_records(Path(corpus) / "exhibits.jsonl"):
        if assignments.get(record.id) in splits:
            yield record.text


def write_raw_text(texts: Iterable[str], out: Path) -> int:
    count = 0
    with Path(out).open("w", encoding="utf-8") as handle:
        for text in texts:
            for block in paragraphs(text):
                handle.write(json.dumps({"text": block}) + "\n")
                count += 1
    return count


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--unlabeled", type=Path, action="append", default=[])
    parser.add_argument("--corpus", type=Path, default=Path("corpus"))
    parser.add_argument("--splits", default="train,dev")
    args = parser.parse_args(argv)
    splits = [s for s in args.splits.split(",") if s]

    def texts():
        for path in args.unlabeled:
            yield from unlabeled_texts(path)
        yield from corpus_texts(args.corpus, splits)

    print(f"{write_raw_text(texts(), args.out)} paragraphs written to {args.out}")


if __name__ == "__main__":
    main()
