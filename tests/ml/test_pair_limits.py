from __future__ import annotations

from nlp.ml.pair_limits import MIN_GROUPS, ONE_PARTNER, ONE_PER_NAME, keep_best_pairs, learn_pair_limits, name_key

# invented text: an officer, then the company named three times in one sentence
TEXT = "I, Ada Quill, the Chief Executive Officer of Orvane Inc., certify that the report of Orvane, Inc. and of ORVANE INC. is true."
ADA = (3, 12)
CEO = (18, 41)
ORVANE_1, ORVANE_2, ORVANE_3 = (45, 56), (85, 97), (105, 116)


def _limits(limit, head=(), child=()):
    return {limit: {"head": list(head), "child": list(child)}}


def _gold(label, pairs):
    return {pair: {label: 1.0} for pair in pairs}


def test_name_key_ignores_case_spacing_and_punctuation():
    assert name_key("Orvane,\nInc.") == name_key("ORVANE INC") == "orvaneinc"
    assert name_key("Orvane Holdings") != name_key("Orvane Inc.")


def test_learns_the_limits_the_gold_keeps_to():
    docs = [(TEXT, _gold("OFFICER_OF", [(ADA, ORVANE_1)]))] * MIN_GROUPS
    learned = learn_pair_limits(docs)
    assert learned[ONE_PER_NAME] == {"head": ["OFFICER_OF"], "child": ["OFFICER_OF"]}
    assert learned[ONE_PARTNER] == {"head": ["OFFICER_OF"], "child": ["OFFICER_OF"]}


def test_a_side_whose_gold_breaks_a_limit_is_not_limited():
    # the officer is linked to two mentions of one name: neither limit holds for heads
    docs = [(TEXT, _gold("OFFICER_OF", [(ADA, ORVANE_1), (ADA, ORVANE_2)]))] * MIN_GROUPS
    learned = learn_pair_limits(docs)
    assert learned[ONE_PER_NAME] == {"head": [], "child": ["OFFICER_OF"]}
    assert learned[ONE_PARTNER] == {"head": [], "child": ["OFFICER_OF"]}


def test_one_exception_in_more_than_a_hundred_does_not_undo_a_limit():
    kept = [(TEXT, _gold("OFFICER_OF", [(ADA, ORVANE_1)]))] * 100
    broken = [(TEXT, _gold("OFFICER_OF", [(ADA, ORVANE_1), (ADA, ORVANE_2)]))]
    assert learn_pair_limits(kept + broken)[ONE_PARTNER]["head"] == ["OFFICER_OF"]
    assert learn_pair_limits(kept[:50] + broken)[ONE_PARTNER]["head"] == []


def test_too_few_examples_teach_nothing():
    docs = [(TEXT, _gold("OFFICER_OF", [(ADA, ORVANE_1)]))] * (MIN_GROUPS - 1)
    assert learn_pair_limits(docs)[ONE_PER_NAME] == {"head": [], "child": []}


def test_keeps_the_best_scoring_mention_of_each_name():
    predicted = {(ADA, ORVANE_1): {"OFFICER_OF": 0.7}, (ADA, ORVANE_2): {"OFFICER_OF": 0.9},
                 (ADA, ORVANE_3): {"OFFICER_OF": 0.6, "OTHER": 0.8}}
    kept = keep_best_pairs(TEXT, predicted, _limits(ONE_PER_NAME, head=["OFFICER_OF"]))
    assert kept == {(ADA, ORVANE_2): {"OFFICER_OF": 0.9}, (ADA, ORVANE_3): {"OTHER": 0.8}}


def test_a_tie_goes_to_the_nearest_mention():
    predicted = {(ADA, ORVANE_2): {"OFFICER_OF": 0.9}, (ADA, ORVANE_1): {"OFFICER_OF": 0.9}}
    kept = keep_best_pairs(TEXT, predicted, _limits(ONE_PER_NAME, head=["OFFICER_OF"]))
    assert kept == {(ADA, ORVANE_1): {"OFFICER_OF": 0.9}}


def test_one_per_name_leaves_other_labels_and_other_names_alone():
    other = TEXT.replace("ORVANE INC.", "Bellwood Co")  # same length: the offsets hold
    predicted = {(ADA, ORVANE_1): {"OFFICER_OF": 0.7}, (ADA, ORVANE_3): {"OFFICER_OF": 0.6}}
    assert keep_best_pairs(other, predicted, _limits(ONE_PER_NAME, head=["OFFICER_OF"])) == predicted
    assert keep_best_pairs(TEXT, predicted, _limits(ONE_PER_NAME, head=["RAISES"])) == predicted


def test_one_partner_keeps_the_best_whatever_the_names():
    # a title held by one officer: of two officers paired with it, the better stays
    other = TEXT.replace("ORVANE INC.", "Bellwood Co")
    predicted = {(ADA, CEO): {"HAS_TITLE": 0.6}, (ORVANE_3, CEO): {"HAS_TITLE": 0.8},
                 (ADA, ORVANE_1): {"OFFICER_OF": 0.7}, (ADA, ORVANE_3): {"OFFICER_OF": 0.6}}
    kept = keep_best_pairs(other, predicted, _limits(ONE_PARTNER, child=["HAS_TITLE"]))
    assert kept == {(ORVANE_3, CEO): {"HAS_TITLE": 0.8},
                    (ADA, ORVANE_1): {"OFFICER_OF": 0.7}, (ADA, ORVANE_3): {"OFFICER_OF": 0.6}}
