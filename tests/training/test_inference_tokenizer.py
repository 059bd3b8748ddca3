"""A trained model given another tokenizer loads with it and keeps everything else."""
import pytest
import spacy

from nlp.errors import InputError, ModelError
from training.inference_tokenizer import use_tokenizer

GLUED = "NEW YORK--(BUSINESS WIRE)--Quillon Corp. today announced"


def _saved_blank(path):
    nlp = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": "exhibit.Tokenizer.v1"}}})
    nlp.add_pipe("sentencizer")
    nlp.to_disk(path)
    return path


def test_the_model_loads_with_the_new_tokenizer_and_its_pipeline(tmp_path):
    model = _saved_blank(tmp_path / "model")
    assert "Quillon" not in [t.text for t in spacy.load(model).make_doc(GLUED)]
    use_tokenizer(model, "exhibit.Tokenizer.v2")
    nlp = spacy.load(model)
    assert "Quillon" in [t.text for t in nlp.make_doc(GLUED)]
    assert nlp.pipe_names == ["sentencizer"]
    assert nlp.config["nlp"]["tokenizer"] == {"@tokenizers": "exhibit.Tokenizer.v2"}


def test_an_unknown_tokenizer_is_refused_and_the_model_is_untouched(tmp_path):
    model = _saved_blank(tmp_path / "model")
    before = (model / "config.cfg").read_text()
    with pytest.raises(InputError, match="E147.*exhibit.Tokenizer.v9"):
        use_tokenizer(model, "exhibit.Tokenizer.v9")
    assert (model / "config.cfg").read_text() == before


def test_a_folder_without_a_pipeline_is_refused(tmp_path):
    with pytest.raises(ModelError, match="E387"):
        use_tokenizer(tmp_path, "exhibit.Tokenizer.v2")


def test_the_command_reports_an_error_in_one_line(tmp_path):
    from typer.testing import CliRunner
    import typer
    from training.cli import one_line_errors
    from training.inference_tokenizer import main

    app = typer.Typer()
    app.command()(one_line_errors(main))
    result = CliRunner().invoke(app, [str(tmp_path)])
    assert result.exit_code != 0 and "E387" in result.output and "Traceback" not in result.output
