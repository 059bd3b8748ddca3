"""Report dicts as a renderer-neutral document: headings, paragraphs and tables of formatted cells.

The three renderers (terminal, markdown, html) only lay these out, so every output format shows
the same figures.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence, Union

BLOCK_TITLES = {
    "entities_strict": "entities, strict (same span and label)",
    "entities_partial": "entities, partial (overlapping span, same label)",
    "entities_span": "entities, span only (same span, any label)",
    "relations_end_to_end": "relations, end to end",
    "relations_given_gold_entities": "relations, given the gold entities",
    "facts": "facts (deduplicated, values normalized)",
}
ENTITY_KIND_TITLES = {
    "boundary": "wrong boundary", "label": "wrong label", "missed": "missed", "spurious": "spurious",
}


@dataclass
class Marked:
    """Text with one highlighted stretch: an error in its context."""

    left: str
    text: str
    right: str


Cell = Union[str, Marked]


@dataclass
class Heading:
    text: str
    anchor: Optional[str] = None


@dataclass
class Paragraph:
    text: str


@dataclass
class Table:
    title: str
    columns: List[str]
    rows: List[List[Cell]]
    numeric: Sequence[int] = field(default_factory=tuple)  # right-aligned column indexes


Block = Union[Heading, Paragraph, Table]


def number(value: float) -> str:
    return f"{value:.3f}"


def interval(bounds: Optional[Sequence[float]]) -> str:
    return f"{bounds[0]:.3f}–{bounds[1]:.3f}" if bounds else ""


def id_list(ids: Sequence[str], shown: int = 10) -> str:
    more = f" and {len(ids) - shown} more" if len(ids) > shown else ""
    return ", ".join(ids[:shown]) + more


def block_names(report: Dict) -> List[str]:
    return [key for key in BLOCK_TITLES if key in report]


# --- one system -------------------------------------------------------------------------------

def _bootstrap_note(report: Dict) -> str:
    settings = report.get("bootstrap")
    if not settings:
        return ""
    return (f"; intervals: {settings['confidence']:.0%} bootstrap over documents, "
            f"{settings['resamples']} resamples, seed {settings['seed']}")


def micro_table(report: Dict, title: str = "micro scores") -> Table:
    rows = []
    for key in block_names(report):
        block = report[key]
        micro, ci = block["micro"], block.get("micro_ci", {})
        rows.append([BLOCK_TITLES[key],
                     number(micro["p"]), interval(ci.get("p")),
                     number(micro["r"]), interval(ci.get("r")),
                     number(micro["f"]), interval(ci.get("f")),
                     number(block["macro_f"])])
    return Table(title, ["", "P", "P 95% CI", "R", "R 95% CI", "F1", "F1 95% CI", "macro F1"], rows,
                 numeric=range(1, 8))


def per_label_table(key: str, block: Dict) -> Table:
    rows = []
    for label, v in block["per_label"].items():
        rows.append([label, number(v["p"]), number(v["r"]), number(v["f"]), str(v["tp"]), str(v["fp"]), str(v["fn"])])
    micro = block["micro"]
    rows.append(["micro", number(micro["p"]), number(micro["r"]), number(micro["f"]),
                 str(micro["tp"]), str(micro["fp"]), str(micro["fn"])])
    rows.append(["macro", number(block.get("macro_p", 0.0)), number(block.get("macro_r", 0.0)),
                 number(block["macro_f"]), "", "", ""])
    return Table(BLOCK_TITLES[key], ["label", "P", "R", "F1", "tp", "fp", "fn"], rows, numeric=range(1, 7))


def confusion_table(confusion: Dict) -> Table:
    labels = confusion["labels"]
    rows = [[gold] + [str(confusion["matrix"][gold][pred]) for pred in labels] for gold in labels]
    return Table("entity label confusion (rows: gold label, columns: predicted label)",
                 ["gold \\ predicted"] + labels, rows, numeric=range(1, len(labels) + 1))


def error_count_tables(errors: Dict) -> List[Table]:
    tables = []
    for part, title in (("entities", "entity errors by label and kind"), ("relations", "relation errors by label and kind")):
        counts = errors[part]["counts"]
        if not counts:
            continue
        kinds = list(next(iter(counts.values())))
        rows = [[label] + [str(by_kind[k]) for k in kinds] + [str(sum(by_kind.values()))]
                for label, by_kind in counts.items()]
        columns = ["label"] + [ENTITY_KIND_TITLES.get(k, k) for k in kinds] + ["total"]
        tables.append(Table(title, columns, rows, numeric=range(1, len(kinds) + 2)))
    return tables


def _span_cell(span: Optional[Dict]) -> str:
    if span is None:
        return ""
    label = f" {span['label']}" if "label" in span else ""
    return f"“{span['text']}”{label}"


def _marked(context: Dict) -> Marked:
    return Marked(context["left"], context["text"], context["right"])


def error_listing_tables(errors: Dict) -> List[Table]:
    """One table per (kind, label) group, titled with its full count and how many are shown."""
    tables = []
    for part in ("entities", "relations"):
        items, counts = errors[part]["items"], errors[part]["counts"]
        groups: Dict[tuple, List[Dict]] = {}
        for item in items:
            groups.setdefault((item["kind"], item["label"]), []).append(item)
        kind_order = list(ENTITY_KIND_TITLES)
        for (kind, label), group in sorted(groups.items(), key=lambda g: (g[0][1], kind_order.index(g[0][0]))):
            total = counts[label][kind]
            shown = f"{total}" if total == len(group) else f"{total}, {len(group)} shown"
            noun = "entity" if part == "entities" else "relation"
            title = f"{ENTITY_KIND_TITLES.get(kind, kind)} {label} {noun} ({shown})"
            if part == "entities":
                rows = [[i["id"], _span_cell(i["gold"]), _span_cell(i["predicted"]), _marked(i["context"])] for i in group]
                columns = ["document", "gold", "predicted", "context"]
            else:
                rows = [[i["id"], f"“{i['head']['text']}”", f"“{i['child']['text']}”", _marked(i["context"])] for i in group]
                columns = ["document", "head", "child", "context"]
            tables.append(Table(title, columns, rows))
    return tables


def evaluation_document(report: Dict, title: str = "evaluation") -> List[Block]:
    doc: List[Block] = [Heading(title), Paragraph(f"documents: {report['documents']}{_bootstrap_note(report)}")]
    if report.get("missing_ids"):
        doc.append(Paragraph(f"missing from the predictions (counted as all missed): {id_list(report['missing_ids'])}"))
    if report.get("extra_ids"):
        doc.append(Paragraph(f"predicted documents not in the gold data (ignored): {id_list(report['extra_ids'])}"))
    doc.append(micro_table(report))
    doc.append(Heading("per label"))
    doc += [per_label_table(key, report[key]) for key in block_names(report)]
    if "confusion" in report:
        doc += [Heading("entity label confusion"), confusion_table(report["confusion"])]
    if "errors" in report:
        doc.append(Heading("errors"))
        doc += error_count_tables(report["errors"])
        listing = error_listing_tables(report["errors"])
        if listing:
            doc += [Heading("error listing", anchor="error-listing")] + listing
    from .facts import fact_error_blocks  # imports this module

    doc += fact_error_blocks(report)
    return doc


# --- two systems ------------------------------------------------------------------------------

def comparison_document(report: Dict, title: str = "comparison") -> List[Block]:
    systems = report["systems"]
    doc: List[Block] = [
        Heading(title),
        Paragraph(f"A: {systems['a']}"),
        Paragraph(f"B: {systems['b']}"),
        Paragraph(f"documents: {report['documents']}{_bootstrap_note(report)} (paired: both systems on the same resamples)"),
    ]
    for side in ("a", "b"):
        missing = report[side].get("missing_ids")
        if missing:
            doc.append(Paragraph(f"missing from {side.upper()} (counted as all missed): {id_list(missing)}"))
    rows = []
    for key in [k for k in BLOCK_TITLES if k in report["comparison"]]:
        c = report["comparison"][key]
        rows.append([BLOCK_TITLES[key], number(c["a_f"]), number(c["b_f"]), f"{c['difference']:+.3f}",
                     f"{c['ci'][0]:+.3f} to {c['ci'][1]:+.3f}", f"{c['b_better_share']:.1%}"])
    doc.append(Table("micro F1, B - A", ["", "A F1", "B F1", "B - A", "95% CI of B - A", "resamples B > A"],
                     rows, numeric=range(1, 6)))
    doc.append(micro_table(report["a"], "A: micro scores"))
    doc.append(micro_table(report["b"], "B: micro scores"))
    doc.extend(_per_label_difference_tables(report.get("per_label_differences") or {}))
    return doc


def _per_label_difference_tables(differences: Dict) -> List[Block]:
    """Per block, each label's P/R/F1 of A and B and the change B - A."""
    tables: List[Block] = []
    for key in [k for k in BLOCK_TITLES if differences.get(k)]:
        rows = [[label, number(d["a_f"]), number(d["b_f"]), f"{d['d_p']:+.3f}", f"{d['d_r']:+.3f}", f"{d['d_f']:+.3f}"]
                for label, d in differences[key].items()]
        tables.append(Table(f"per label, B - A: {BLOCK_TITLES[key]}",
                            ["label", "A F1", "B F1", "P B - A", "R B - A", "F1 B - A"], rows, numeric=range(1, 6)))
    return tables


# --- cross-validation -------------------------------------------------------------------------

def _spread(stats: Dict) -> List[str]:
    return [number(stats["mean"]), number(stats["std"]), number(stats["min"]), number(stats["max"])]


def cross_validation_document(report: Dict, title: str = "cross-validation") -> List[Block]:
    doc: List[Block] = [
        Heading(title),
        Paragraph(f"{report['k']} folds over {report['documents']} documents of {report['corpus']}, "
                  f"config {report['config']}; {report['grouping']}"),
    ]
    if report.get("extra_train_documents"):
        doc.append(Paragraph(f"every fold also trained on {report['extra_train_documents']} synthetic "
                             f"documents of {report['extra_train']} (never in dev or test)"))
    rows = []
    for fold in report["folds"]:
        scores = fold["scores"]
        rows.append([str(fold["fold"]), str(fold["train_documents"]), str(fold["dev_documents"]),
                     str(fold["test_documents"]), number(scores["entities_strict"]["micro"]["f"]),
                     number(scores["relations_end_to_end"]["micro"]["f"]), f"{fold['minutes']:.1f}"])
    doc.append(Table("folds", ["fold", "train", "dev", "test", "entity F1 (strict)", "relation F1 (end to end)", "minutes"],
                     rows, numeric=range(0, 7)))
    summary = report["summary"]
    rows = []
    for key in [k for k in BLOCK_TITLES if k in summary]:
        micro = summary[key]["micro"]
        rows.append([BLOCK_TITLES[key], number(micro["p"]["mean"]), number(micro["r"]["mean"]), *_spread(micro["f"])])
    doc.append(Table("micro scores over folds", ["", "P mean", "R mean", "F1 mean", "F1 std", "F1 min", "F1 max"],
                     rows, numeric=range(1, 7)))
    doc.append(Heading("per label F1 over folds"))
    for key in [k for k in BLOCK_TITLES if k in summary]:
        rows = [[label, *_spread(stats["f"]), str(stats["folds"])] for label, stats in summary[key]["per_label"].items()]
        doc.append(Table(BLOCK_TITLES[key], ["label", "mean", "std", "min", "max", "folds"], rows, numeric=range(1, 6)))
    return doc
