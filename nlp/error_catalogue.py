"""Every error code of exhibit-nlp, each with its one meaning, so that a code can be looked up.

Raise sites write the code as a string literal (`InputError("E053", ...)`, `SkippedInput(...,
"E057", ...)`); this module lists each code once with a summary of what it means, the message
at the raise site adding the file, line, record or value. tests/test_error_catalogue.py scans
nlp/ and training/ and fails when a code is raised but not listed here, listed but never
raised, listed twice, or raised from more than one module without the entry naming them
(`shared_by`): reusing a code in a new place must be a decision, not an accident.

docs/errors.md is rendered from this list: `python -m nlp.error_catalogue --markdown`.
`python -m nlp.error_catalogue E053` prints one code's meaning.

A new code takes the next free number of its area; a code whose meaning is gone is removed
(its number is not given a new meaning).
"""
from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import Dict, Optional, Sequence, Tuple


@dataclass(frozen=True)
class Code:
    code: str
    summary: str
    # The modules that raise this code, when more than one does on purpose (dotted names).
    shared_by: Tuple[str, ...] = ()


_READERS = ("nlp.readers.dispatch", "nlp.readers.jsonl", "nlp.readers.sgml", "nlp.readers.text")

ENTRIES: Tuple[Code, ...] = (
    # Records (JSONL) and annotation data files
    Code("E001", "a data file (or dataset folder) to read does not exist",
         ("nlp.convert", "nlp.formats.conll", "nlp.formats.docbin", "nlp.formats.hf",
          "nlp.formats.label_studio", "nlp.io.records", "training.train")),
    Code("E002", "a JSONL path is a folder, not a file"),
    Code("E003", "a JSONL file cannot be read: permission denied"),
    Code("E004", "a JSONL line is not UTF-8 text"),
    Code("E005", "a JSONL line of records is not JSON"),
    Code("E006", "a JSONL line is not a record of the expected shape"),
    Code("E007", "a records folder holds no .jsonl file"),
    Code("E010", "an unknown span alignment mode"),
    # Corpus splits
    Code("E020", "the splits file does not exist"),
    Code("E021", "a file is not a splits file", ("nlp.io.corpus_reader", "training.split")),
    Code("E022", "a split was asked for without a splits file"),
    Code("E023", "a record has no split (run `exhibit split` first)"),
    # Assembling the corpus from annotations
    Code("E030", "an annotation file line is not JSON"),
    Code("E031", "an annotated text differs from the exhibit's text"),
    Code("E032", "an annotated record is not in the manifest"),
    # Models
    Code("E040", "no model directory at the path given"),
    Code("E041", "a directory is not a spaCy model (config.cfg or meta.json missing)"),
    Code("E042", "a model directory cannot be loaded"),
    # Reading exhibits (exhibit predict, show, suggest)
    Code("E050", "an exhibit is not text in the given encoding"),
    Code("E051", "no file in a folder matches the file pattern", ("nlp.readers.dispatch", "nlp.readers.text")),
    Code("E052", "the folder of an output does not exist or is not a folder"),
    Code("E053", "an exhibit file or folder does not exist", _READERS),
    Code("E054", "an exhibit file cannot be read (permission denied, or the system refused)", _READERS),
    Code("E055", "a JSONL exhibit line is not JSON (skipped)"),
    Code("E056", "a JSONL exhibit line is not an object with a string `id` and `text` (skipped)"),
    Code("E057", "an exhibit's text is empty (skipped)"),
    Code("E058", "an exhibit is above the --max-chars (or --max-bytes) size limit (skipped)"),
    Code("E059", "an EDGAR submission's document is truncated: no closing </TEXT> (skipped)"),
    # Training
    Code("E060", "a corpus folder lacks exhibits.jsonl or splits.json"),
    Code("E061", "the training data has problems (the validation findings are named)"),
    Code("E062", "--train and --dev go together (or --train with --dev-share)"),
    Code("E063", "an output path cannot be written (a folder where a file goes, or the reverse, "
                 "or the system refused)"),
    Code("E064", "--encoding names no known text encoding"),
    Code("E065", "options (or inputs) of `exhibit predict` that do not go together",
         ("nlp.cli.predict", "nlp.distributed", "nlp.writers")),
    Code("E066", "--backend dask needs the dask[distributed] package"),
    Code("E067", "an earlier output cannot be resumed from (--resume)"),
    Code("E069", "an HTML exhibit cannot be turned into text"),
    Code("E070", "the training config file does not exist"),
    Code("E071", "the training config is invalid"),
    Code("E072", "the pipeline of the training config cannot be built"),
    # Evaluation
    Code("E080", "--predictions needs --gold"),
    Code("E081", "evaluate needs DATA with --model, or --predictions with --gold"),
    Code("E100", "--json and --markdown exclude each other", ("nlp.cli.cross_validate", "nlp.cli.evaluate")),
    Code("E101", "the schema file does not exist"),
    Code("E102", "a file is not a schema file"),
    Code("E103", "--resamples below 1"),
    Code("E104", "--confidence not between 0 and 1"),
    Code("E105", "--compare takes exactly two systems"),
    Code("E106", "neither a model directory nor a prediction file at the path given"),
    Code("E107", "--compare needs the gold data"),
    Code("E108", "--errors or --context below 0"),
    Code("E109", "--predictions and --model exclude each other"),
    Code("E110", "the HTML evaluation report cannot be written"),
    Code("E111", "--folds below 2"),
    Code("E112", "fewer companies than cross-validation folds"),
    Code("E115", "--dev-share not at least 0 and below 1 (exhibit split)"),
    # Facts (flatten)
    Code("E120", "a line of predictions is not JSON"),
    Code("E121", "a line of predictions is not an output record"),
    Code("E123", "an unknown format of flattened facts"),
    Code("E124", "the flattened facts output is a folder, or its folder does not exist"),
    Code("E125", "the flattened facts output cannot be written: permission denied"),
    # Conversion between annotation formats
    Code("E130", "an unknown annotation format"),
    Code("E131", "the format of a file cannot be told from its name or content: give it"),
    Code("E132", "a conversion's output would overwrite its input"),
    Code("E133", "a guide record's field has the wrong type, or it has no text"),
    Code("E134", "a span's offsets are not integers within the text"),
    Code("E135", "the folder of a converted file does not exist"),
    Code("E136", "a line of a guide JSONL file is not a JSON object"),
    Code("E137", "a Prodigy task's span or relation is malformed"),
    Code("E138", "a file is not a Label Studio export (not UTF-8 JSON, or not a list of tasks)"),
    Code("E139", "a doccano entity or relation is malformed"),
    Code("E140", "a CoNLL tag does not belong to the tag scheme"),
    Code("E141", "a CoNLL file is not UTF-8 text"),
    Code("E142", "a CoNLL line is not a token and a tag"),
    Code("E143", "a CoNLL tag is not O or a B-/I-/L-/U-/E-/S- tag"),
    Code("E144", "an unknown CoNLL tag scheme"),
    Code("E145", "a file is not a spaCy DocBin"),
    Code("E146", "a path is not a readable dataset of guide records (Hugging Face or Parquet)"),
    Code("E147", "an unknown tokenizer", shared_by=("nlp.formats.base", "training.inference_tokenizer")),
    # Show
    Code("E150", "the folder of the HTML page of `exhibit show` does not exist"),
    Code("E151", "the HTML page of `exhibit show` cannot be written: permission denied"),
    # Every command
    Code("E160", "the file system refused (disk full, permission, a file where a folder should be)"),
    Code("E161", "an input holds no records", ("nlp.convert", "nlp.evaluation", "nlp.io.records")),
    Code("E162", "two records have the same id", shared_by=("nlp.io.records", "training.assemble")),
    Code("E163", "the folder of an output is a file"),
    Code("E164", "the splits file cannot be read or written"),
    Code("E165", "a record to score has a span out of its text, or overlapping spans"),
    Code("E166", "an unknown setting in the training config"),
    Code("E167", "a section is missing from the training config"),
    Code("E168", "the training output folder cannot be created"),
    Code("E169", "cannot write in the folder of an output: permission denied"),
    # Splits and training helpers
    Code("E170", "a fold plan (--plan) is not three counts adding up to the number of folds",
         ("nlp.cli.split", "training.split")),
    Code("E171", "the locked test split cannot be retired"),
    Code("E172", "no exhibit in the test split: nothing to lock"),
    Code("E173", "the locked test split changed"),
    Code("E174", "no fold folder with a trained model and test.jsonl (ablation)"),
    Code("E175", "a --variant is not NAME=component1,component2"),
    Code("E176", "a pretraining corpus line is not a JSON object with a text"),
    Code("E177", "the locked test split cannot be used for pretraining"),
    Code("E178", "a learning-curve share not above 0 and at most 1"),
    Code("E179", "--resume of `exhibit cross-validate` needs --output (the folds' folder)"),
    Code("E180", "a --setting is not NAME=component.key=number"),
    Code("E181", "a wrap width too narrow to hold a name (`python -m training.wrap_corpus`)"),
    # Writing outputs safely
    Code("E200", "an output would overwrite an input of the same run"),
    Code("E201", "a Dask output folder holds files not written by a Dask run of `exhibit predict`"),
    Code("E202", "another run is writing the same output"),
    Code("E203", "an output is locked by a lock file"),
    Code("E204", "the lock file of an output cannot be created"),
    Code("E205", "an output cannot be written (disk full, permission); nothing half written is kept"),
    # Hostile input
    Code("E220", "a JSON number has too many digits"),
    Code("E221", "JSON nested too deep"),
    Code("E222", "a JSON string holds a lone surrogate"),
    Code("E223", "a JSON number is NaN, Infinity or out of range"),
    Code("E224", "a record's id is not a string"),
    Code("E225", "a Label Studio task or result field has the wrong type"),
    Code("E226", "a Prodigy task field has the wrong type"),
    Code("E227", "a doccano record field has the wrong type"),
    Code("E229", "a dataset span is out of range of its text"),
    Code("E230", "a DocBin record field has the wrong type"),
    Code("E232", "a file decodes to more bytes than the limit"),
    Code("E233", "a file holds more records than the limit"),
    Code("E250", "an HTML exhibit is above the --max-bytes limit"),
    Code("E251", "an EDGAR submission's document is above the --max-bytes limit (skipped)"),
    Code("E252", "HTML beyond the parser's limits: text would be lost"),
    Code("E253", "an EDGAR submission's document is not text, e.g. uuencoded (skipped)"),
    Code("E254", "an EDGAR submission holds no document of the chosen types (skipped)"),
    Code("E255", "a link out of an input folder, not followed without --follow-links (skipped)"),
    Code("E256", "no default model installed: give --model DIR or set EXHIBIT_MODEL"),
    Code("E257", "standard input is above the size limit"),
    Code("E270", "a text window is not at least four times its overlap"),
    Code("E280", "the currency cues data file is missing or malformed"),
    # Python API
    Code("E290", "extract: texts is one string, not a list of texts"),
    Code("E291", "extract: an item is neither a text nor an (id, text) pair"),
    Code("E292", "extract: batch_size below 1"),
    Code("E293", "facts_frame needs pandas"),
    Code("E294", "facts_frame: an item is not an output record"),
    # Facts tables
    Code("E300", "the input is raw exhibits, not predictions"),
    Code("E301", "a JSONL record has no entities: an exhibit to predict on, not a prediction"),
    Code("E303", "--format xlsx needs the openpyxl package"),
    Code("E304", "the tables, --format and output of a facts export do not fit together "
                 "(several tables in a one-table file, a binary format to standard output, "
                 "the suffix and --format disagree)", ("nlp.facts.export", "nlp.writers.tables")),
    # Training and evaluation on splits
    Code("E320", "no record is in the split asked for"),
    Code("E321", "--dev-share goes with --train and instead of --dev"),
    Code("E322", "--dev-share needs exhibits of at least two companies"),
    Code("E323", "the --from model of `exhibit train` is no trained model (no meta.json and config.cfg)"),
    Code("E324", "the --from model lacks a component of the config that holds weights"),
    Code("E325", "the training data uses entity labels the --from model's recognizer does not know"),
    # Label Studio
    Code("E330", "--annotation is not first, latest or an annotator"),
    Code("E331", "the Label Studio labeling config cannot be written"),
    # Skipping bad lines
    Code("E350", "no readable record: every line of the file was skipped"),
    # Codes split off from codes that had several meanings (issue 19)
    Code("E360", "--exhibit-types names no exhibit type"),
    Code("E361", "--backend is not local or dask"),
    Code("E362", "an unknown --format of `exhibit predict`"),
    Code("E363", "the Dask scheduler cannot be reached"),
    Code("E364", "an unknown CoNLL document mode"),
    Code("E365", "an unknown --format of a facts table"),
    Code("E366", "an unknown --table of the facts"),
    Code("E367", "--dev-share of training not above 0"),
    Code("E368", "one file given twice as an output of the same run"),
    # Document structure (nlp.structure)
    Code("E370", "the structure pattern file lacks a key the structure marker needs"),
    Code("E371", "the structure pattern file's pieces do not make a valid regular expression"),
    # Pattern files of the rule components (nlp.pattern_files)
    Code("E380", "a pattern file is missing, unreadable or not valid JSON"),
    Code("E381", "a pattern file is not an object whose \"_about\" describes every key"),
    Code("E382", "a pattern file value is neither a string nor a list of strings"),
    Code("E383", "a pattern file entry is not a valid regular expression"),
    # Pipeline assembly: rule stages and model migration
    Code("E385", "a rule stage names a step that does not exist"),
    Code("E386", "a rule step's settings name an argument the step does not take"),
    Code("E387", "a model folder to migrate or update is not a saved spaCy pipeline",
         shared_by=("training.migrate_model", "training.relation_constraints", "training.inference_tokenizer")),
    Code("E388", "the folder for a migrated or refitted model exists and is not empty",
         shared_by=("training.migrate_model", "training.refit_rules")),
    Code("E389", "a migrated pipeline does not come out as the config's pipeline"),
    # Relation constraints learned into a trained model (training.relation_constraints)
    Code("E390", "the model has no exhibit_relations component to learn constraints for"),
    Code("E391", "the model's meta.json names no exhibits it was trained on"),
    Code("E392", "the corpus lacks exhibits the model was trained on"),
    # Rule steps fitted again in a trained model (training.refit_rules)
    Code("E393", "a rule step to refit is not in the model, or its name fits more than one"),
    # Synthetic training-only exhibits (training.synthetic, training.split)
    Code("E400", "an --extra-train record lacks meta.synthetic"),
    Code("E401", "an --extra-train record has the id of a corpus record"),
    Code("E402", "an --extra-train record has the company of a corpus record"),
    Code("E403", "the corpus to cross-validate holds a synthetic record"),
    Code("E404", "a synthetic record would go to dev or test, or shares a company with real exhibits"),
)

CATALOGUE: Dict[str, Code] = {entry.code: entry for entry in ENTRIES}


def is_catalogued(code: str) -> bool:
    return code in CATALOGUE


def meaning(code: str) -> Optional[str]:
    """The summary of code (case-insensitive, brackets allowed: "[e053]"), None when unknown."""
    entry = CATALOGUE.get(code.strip("[] ").upper())
    return entry.summary if entry else None


def render_markdown() -> str:
    """docs/errors.md: every code and its meaning, in code order."""
    lines = [
        "# Error codes",
        "",
        "Every message of `exhibit` starts with a code in brackets (`[E053] in.txt: no such file`).",
        "Each code has one meaning, listed here; the message adds the file, line, record or value.",
        'A code whose meaning ends in "(skipped)" is reported for one input; the run goes on with the others.',
        "",
        "This page is generated from `nlp/error_catalogue.py` "
        "(`python -m nlp.error_catalogue --markdown > docs/errors.md`); a test checks it is current.",
        "",
        "| Code | Meaning |",
        "|------|---------|",
    ]
    for entry in sorted(ENTRIES, key=lambda e: e.code):
        lines.append(f"| {entry.code} | {entry.summary.replace('|', '&#124;')} |")
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str]) -> int:
    if list(argv) == ["--markdown"]:
        sys.stdout.write(render_markdown())
        return 0
    if not argv:
        print("usage: python -m nlp.error_catalogue CODE... | --markdown", file=sys.stderr)
        return 2
    status = 0
    for code in argv:
        found = meaning(code)
        print(f"{code.strip('[] ').upper()}: {found}" if found else f"{code}: not an exhibit-nlp code")
        status = status if found else 1
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
