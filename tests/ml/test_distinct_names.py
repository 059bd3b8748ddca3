from __future__ import annotations

from nlp.ml.distinct_names import MIN_GROUPS, keep_best_per_name, learn_distinct_names, name_key

# invented text: an officer, then the company named three times in one sentence
TEXT = "I, Ada Quill, the Chief Executive Officer of Orvane Inc., certify that the report of Orvane, Inc. and of ORVANE INC. is true."
ADA = (3, 12)
ORVANE_1, ORVANE_2, ORVANE_3 = (45, 56), (85, 97), (105, 116)


def test_name_key_ignores_case_spacing_and_punctuation():
    assert name_key("Orvane,\nInc.") == name_key("ORVANE INC") == "orvaneinc"
    assert name_key("Orvane Holdings") != name_key("Orvane Inc.")


def _gold(label, pairs):
    return {pair: {label: 1.0} for pair in pairs}


def test_learns_a_label_whose_gold_never_repeats_a_name():
    docs = [(TEXT, _gold("OFFICER_OF", [(ADA, ORVANE_1)]))] * MIN_GROUPS
    assert learn_distinct_names(docs) == {"head": ["OFFICER_OF"], "child": ["OFFICER_OF"]}


def test_a_label_whose_gold_repeats_a_name_on_one_side_is_not_learned_for_that_side():
    docs = [(TEXT, _gold("OFFICER_OF", [(ADA, ORVANE_1), (ADA, ORVANE_2)]))] * MIN_GROUPS
    assert learn_distinct_names(docs) == {"head": [], "child": ["OFFICER_OF"]}


def test_too_few_examples_teach_nothing():
    docs = [(TEXT, _gold("OFFICER_OF", [(ADA, ORVANE_1)]))] * (MIN_GROUPS - 1)
    assert learn_distinct_names(docs) == {"head": [], "child": []}


def test_keeps_the_best_scoring_mention_of_each_name():
    predicted = {(ADA, ORVANE_1): {"OFFICER_OF": 0.7}, (ADA, ORVANE_2): {"OFFICER_OF": 0.9},
                 (ADA, ORVANE_3): {"OFFICER_OF": 0.6, "OTHER": 0.8}}
    kept = keep_best_per_name(TEXT, predicted, {"head": ["OFFICER_OF"], "child": []})
    assert kept == {(ADA, ORVANE_2): {"OFFICER_OF": 0.9}, (ADA, ORVANE_3): {"OTHER": 0.8}}


def test_a_tie_goes_to_the_nearest_mention():
    predicted = {(ADA, ORVANE_2): {"OFFICER_OF": 0.9}, (ADA, ORVANE_1): {"OFFICER_OF": 0.9}}
    kept = keep_best_per_name(TEXT, predicted, {"head": ["OFFICER_OF"], "child": []})
    assert kept == {(ADA, ORVANE_1): {"OFFICER_OF": 0.9}}


def test_unconstrained_labels_and_different_names_are_left_alone():
    other = TEXT.replace("ORVANE INC.", "Bellwood Co")  # same length: the offsets hold
    predicted = {(ADA, ORVANE_1): {"OFFICER_OF": 0.7}, (ADA, ORVANE_3): {"OFFICER_OF": 0.6}}
    assert keep_best_per_name(other, predicted, {"head": ["OFFICER_OF"], "child": []}) == predicted
    assert keep_best_per_name(TEXT, predicted, {"head": ["RAISES"], "child": []}) == predicted
