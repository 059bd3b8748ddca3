from pathlib import Path
from typing import List, Optional

import typer
from typing_extensions import Annotated

from ..errors import InputError
from .app import command


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
    html_out: Annotated[Optional[Path], typer.Option("--html", help="Also write an HTML report (tables and gold/predicted renderings) to this file.")] = None,
) -> None:
    """Precision/recall/F1 with bootstrap intervals, error listing and label confusion of a model on
    gold data or of a prediction file against gold; or the paired comparison of two systems."""
    import json

    from nlp.bootstrap import BootstrapSettings
    from nlp.evaluation import SystemOutput, analyze_system, check_scorable, compare_systems, load_system, run_model
    from nlp.io.corpus_reader import select_records
    from nlp.io.records import read_records
    from nlp.models import default_model_path, load_model
    from nlp.reports import html as html_report, markdown as markdown_report, terminal
    from nlp.reports.document import comparison_document, evaluation_document
    from nlp.scoring import pair_documents

    if as_json and markdown:
        raise InputError("E100", "--json and --markdown exclude each other")
    if errors < 0 or context < 0:
        raise InputError("E108", "--errors and --context must be 0 or more")
    settings = BootstrapSettings(resamples, seed, confidence)
    gold_path = gold or data

    def gold_records():
        records = select_records(gold_path, split, splits if split else None)
        check_scorable(records, gold_path, gold=True)
        return records

    pairs = []
    if compare is not None:
        if len(compare) != 2:
            raise InputError("E105", f"--compare takes two systems (A and B), got {len(compare)}")
        if gold_path is None:
            raise InputError("E107", "--compare needs the gold data: DATA or --gold")
        records = gold_records()
        system_a, system_b = (load_system(source, records, batch_size) for source in compare)
        result = compare_systems(records, system_a, system_b, settings)
        document = comparison_document(result, f"exhibit evaluate --compare on {gold_path}")
    else:
        if predictions is not None:
            if gold is None:
                raise InputError("E080", "--predictions needs --gold")
            if model is not None:
                raise InputError("E109", "--predictions and --model exclude each other")
            records = gold_records()
            predicted = read_records(predictions)
            check_scorable(predicted, predictions, gold=False)
            output = SystemOutput(str(predictions), predicted)
        else:
            if data is None:
                raise InputError("E081", "give DATA (gold JSONL) with --model, or --predictions with --gold")
            records = gold_records()
            output = run_model(load_model(model), records, batch_size, name=str(model or default_model_path()))
        result = analyze_system(records, output, settings, errors, context)
        pairs, _, _ = pair_documents(records, output.predicted)
        document = evaluation_document(result, f"exhibit evaluate: {output.name} on {gold_path}")

    if as_json:
        typer.echo(json.dumps(result, indent=2, ensure_ascii=False))
    elif markdown:
        typer.echo(markdown_report.render(document), nl=False)
    else:
        typer.echo(terminal.render(document))
    if html_out is not None:
        page = html_report.render(document, "exhibit evaluate", html_report.exhibits_with_errors(result, pairs))
        try:
            html_out.write_text(page, encoding="utf-8")
        except OSError as err:
            raise InputError("E110", f"{html_out}: cannot write the HTML report ({err.strerror})") from None
        typer.echo(f"wrote {html_out}", err=True)
