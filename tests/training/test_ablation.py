"""Component ablation over cross-validation folds: variants, paired deltas, settings, old models."""
from __future__ import annotations

import pytest
import spacy

from nlp.errors import InputError
from training.ablation import (ablation_units, default_variants, leaving_out, format_table, load_fold_model, paired_summary,
                               parse_setting, parse_variant)


def test_default_variants_leave_out_each_rule_and_keep_the_learned_components():
    amounts, offers = "exhibit_entity_rules.amounts", "exhibit_relation_rules.offers"
    variants = default_variants(["tok2vec", "ner", amounts, "exhibit_relations", offers])
    assert variants["full"] == []
    assert variants[f"-{amounts}"] == [amounts] and variants[f"-{offers}"] == [offers]
    assert variants["learned-only"] == [amounts, offers]
    assert "-ner" not in variants and "-tok2vec" not in variants


def test_rule_stages_are_ablated_step_by_step_and_restored():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("exhibit_entity_rules", config={"steps": ["officers", "amounts"]})
    assert ablation_units(nlp) == ["sentencizer", "exhibit_entity_rules.officers", "exhibit_entity_rules.amounts"]
    text = "I, Jane Roe, certify that the Company raised gross proceeds of $5.0 million."
    with leaving_out(nlp, ["exhibit_entity_rules.officers", "sentencizer"]):
        assert {e.label_ for e in nlp(text).ents} == {"AMOUNT"}
        assert nlp.pipe_names == ["exhibit_entity_rules"]
    assert {e.label_ for e in nlp(text).ents} == {"OFFICER", "AMOUNT"}
    assert nlp.get_pipe("exhibit_entity_rules").step_names == ["officers", "amounts"]


def test_paired_summary_compares_each_fold_with_its_own_full_pipeline():
    per_fold = [{"full": {"entities": 0.8}, "-x": {"entities": 0.7}},
                {"full": {"entities": 0.6}, "-x": {"entities": 0.6}}]
    summary = paired_summary(per_fold)
    assert summary["-x"]["entities"]["mean"] == pytest.approx(0.65)
    assert summary["-x"]["entities"]["delta_mean"] == pytest.approx(-0.05)
    assert summary["-x"]["entities"]["delta_std"] == pytest.approx(0.05)
    assert "| -x | 0.650 (-0.050 ± 0.050) |" in format_table(summary)


def test_variant_and_setting_syntax():
    assert parse_variant("rules=a, b") == ("rules", ["a", "b"])
    assert parse_setting("t=exhibit_relations.threshold=0.4") == ("t", ("exhibit_relations", "threshold", 0.4))
    with pytest.raises(InputError, match="NAME=component1,component2"):
        parse_variant("rules")
    with pytest.raises(InputError, match="NAME=component.key=number"):
        parse_setting("t=exhibit_relations.threshold=low")


def test_a_fold_model_loads_without_components_whose_factory_is_gone(tmp_path):
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.to_disk(tmp_path / "model")
    config = (tmp_path / "model" / "config.cfg").read_text()
    (tmp_path / "model" / "config.cfg").write_text(
        config.replace('pipeline = ["sentencizer"]', 'pipeline = ["sentencizer","gone"]')
        + '\n[components.gone]\nfactory = "no_such_factory_anywhere"\n')
    assert load_fold_model(tmp_path / "model").pipe_names == ["sentencizer"]


def test_rule_decisions_count_the_pairs_a_rule_step_found_among_the_final_ones():
    from training.ablation import format_rule_share, rule_decisions

    nlp = spacy.blank("en")
    nlp.add_pipe("exhibit_relation_rules", config={"steps": ["raises"]})
    text = "Acme Corp. raised $5 million."
    doc = nlp.make_doc(text)
    doc.ents = [doc.char_span(0, 10, "ISSUER"), doc.char_span(18, 28, "AMOUNT")]
    doc._.relations = {((0, 10), (0, 4)): {"OFFERS": 0.9}}  # a model pair no rule decides
    doc = nlp.get_pipe("exhibit_relation_rules")(doc)
    counts = rule_decisions(nlp, [doc])
    assert counts == {"OFFERS": (0, 1), "RAISES": (1, 1)}
    assert "| all | 1 | 2 | 50% |" in format_rule_share([counts])
