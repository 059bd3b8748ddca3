from pathlib import Path
from typing import List, Optional

import typer
from typing_extensions import Annotated

from ..errors import InputError, shown_id
from .app import command
from .skipping import FailFast, bad_line_collector, end_if_skipped


def _warn(message: Optional[str]) -> None:
    if message:
        typer.echo(f"warning: {message}", err=True)


def _unscored_gold(lines) -> Optional[str]:
    """The gold records left out of the scores, by id (each line was named when skipped)."""
    if not lines:
        return None
    ids = [shown_id(item.id) for item in lines if item.id is not None]
    unnamed = len(lines) - len(ids)
    listed = ", ".join(ids + ([f"{unnamed} without a readable id"] if unnamed else []))
    return f"{len(lines)} gold record(s) not scored (unreadable lines): {listed}"


@command("evaluate")
def evaluate(
    data: Annotated[Optional[Path], typer.Argument(help="Gold guide JSONL (with --model, or with --compare).")] = None,
    model: Annotated[Optional[Path], typer.Option(help="Model directory to run on DATA (default: the shipped model).")] = None,
    predictions: Annotated[Optional[Path], typer.Option(help="Prediction JSONL of any system.")] = None,
    gold: Annotated[Optional[Path], typer.Option(help="Gold JSONL for --predictions (or --compare).")] = None,
    compare: Annotated[Optional[List[Path]], typer.Option(help="Give twice: systems A and B, each a model directory or a prediction JSONL; reports micro F1 of B - A with a paired bootstrap.")] = None,
    split: Annotated[Optional[str], typer.Option(help="Only this split of the gold data (needs --splits).")] = None,
    splits: Annotated[Path, typer.Option(help="Splits file for --split.")] = Path("corpus/splits.json"),
    resamples: Annotated[int, typer.Option(help="Bootstrap resamples of the documents.")] = 1000,
    seed: Annotated[int, typer.Option(help="Bootstrap seed.")] = 0,
    confidence: Annotated[float, typer.Option(help="Confidence level of the intervals.")] = 0.95,
    errors: Annotated[int, typer.Option("--errors", help="Errors listed per label and kind (0: counts only).")] = 5,
    context: Annotated[int, typer.Option(help="Characters of text shown either side of an error.")] = 40,
    batch_size: Annotated[int, typer.Option(help="Exhibits per batch when running a model.")] = 8,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    markdown: Annotated[bool, typer.Option("--markdown", help="Print Markdown.")] = False,
    fail_fast: FailFast = False,
    html_out: Annotated[Optional[Path], typer.Option("--html", help="Also write an HTML report (score bars with intervals, confusion matrix, errors, and the documents with their differences marked) to this file.")] = None,
) -> None:
    """Precision/recall/F1 with bootstrap intervals, error listing and label confusion of a model on
    gold data or of a prediction file against gold; or the paired comparison of two systems."""
    import json

    from nlp.bootstrap import BootstrapSettings
    from nlp.evaluation import (SystemOutput, analyze_system, check_scorable, compare_systems, load_system, run_model,
                                select_gold)
    from nlp.io.records import read_records
    from nlp.models import default_model_path, load_model
    from nlp.reports import html as html_report, markdown as markdown_report, terminal
    from nlp.reports.document import comparison_document, evaluation_document
    from nlp.scoring import pair_documents
    from nlp.writers import check_not_an_input

    if as_json and markdown:
        raise InputError("E100", "--json and --markdown exclude each other")
    if errors < 0 or context < 0:
        raise InputError("E108", "--errors and --context must be 0 or more")
    settings = BootstrapSettings(resamples, seed, confidence)
    gold_path = gold or data
    check_not_an_input([html_out], [data, gold, predictions, *(compare or [])])

    # Unreadable lines of the gold and prediction files are named and skipped (exit 1).
    skipped = bad_line_collector(fail_fast)

    def gold_records():
        return select_gold(gold_path, split, splits, skipped)

    pairs = []
    if compare is not None:
        if len(compare) != 2:
            raise InputError("E105", f"--compare takes two systems (A and B), got {len(compare)}")
        if gold_path is None:
            raise InputError("E107", "--compare needs the gold data: DATA or --gold")
        records = gold_records()
        system_a, system_b = (load_system(source, records, batch_size, skipped) for source in compare)
        for system in (system_a, system_b):
            _warn(system.overlap_warning(len(records)))
        result = compare_systems(records, system_a, system_b, settings)
        document = comparison_document(result, f"exhibit evaluate --compare on {gold_path}")
    else:
        if predictions is not None:
            if gold is None:
                raise InputError("E080", "--predictions needs --gold")
            if model is not None:
                raise InputError("E109", "--predictions and --model exclude each other")
            records = gold_records()
            predicted = read_records(predictions, skipped)
            check_scorable(predicted, predictions, gold=False)
            output = SystemOutput(str(predictions), predicted)
        else:
            if data is None:
                raise InputError("E081", "give DATA (gold JSONL) with --model, or --predictions with --gold")
            records = gold_records()
            output = run_model(load_model(model), records, batch_size, name=str(model or default_model_path()))
            _warn(output.overlap_warning(len(records)))
        result = analyze_system(records, output, settings, errors, context)
        pairs, _, _ = pair_documents(records, output.predicted)
        document = evaluation_document(result, f"exhibit evaluate: {output.name} on {gold_path}")

    if skipped.items:
        result["skipped_lines"] = [item.to_dict() for item in skipped.items]
        _warn(_unscored_gold(skipped.in_file(gold_path)))
    if as_json:
        typer.echo(json.dumps(result, indent=2, ensure_ascii=False))
    elif markdown:
        typer.echo(markdown_report.render(document), nl=False)
    else:
        typer.echo(terminal.render(document))
    if html_out is not None:
        page = html_report.report_page(result, document, pairs)
        try:
            html_out.write_text(page, encoding="utf-8")
        except OSError as err:
            raise InputError("E110", f"{html_out}: cannot write the HTML report ({err.strerror})") from None
        typer.echo(f"wrote {html_out}", err=True)
    end_if_skipped(skipped)
