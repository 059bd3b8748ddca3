from __future__ import annotations

import pytest
import spacy
from conftest import add_rule_step, char_offsets, doc_with_guesses

from nlp.pipeline.appointments import appointment_pairs


def _pairs(text, officers, issuers):
    found = appointment_pairs(
        text,
        [char_offsets(text, *o) if isinstance(o, tuple) else char_offsets(text, o) for o in officers],
        [char_offsets(text, *i) if isinstance(i, tuple) else char_offsets(text, i) for i in issuers],
    )
    return [(text[o[0]:o[1]], text[i[0]:i[1]], i[0]) for o, i in found]


@pytest.mark.parametrize("text, officer, issuer", [
    # the company appoints the person: headline and body forms
    ("Quillon Appoints Jane Doe as Chief Financial Officer\n\n", "Jane Doe", "Quillon"),
    ("Quillon, Inc. (NYSE: QLN), a maker of valves, today announced the appointment of Jane Doe "
     "as Chief Operating Officer.", "Jane Doe", "Quillon, Inc."),
    ("Tarnwell Corp. announced the promotion of Jane Doe to Executive Vice President.", "Jane Doe", "Tarnwell Corp."),
    ("Tarnwell Announces the Appointment of Jane Doe to Its Board of Directors\n\n", "Jane Doe", "Tarnwell"),
    # the person joins the company in a role
    ("Earlier today Quillon said Jane Doe will join Quillon as Chief Financial Officer.", "Jane Doe", ("Quillon", 2)),
    ("Doe initially joined Quillon in May 2021, as head of its valve division.", "Doe", "Quillon"),
    ("Jane Doe Returns to Quillon as Chief People Officer\n\n", "Jane Doe", "Quillon"),
])
def test_an_appointed_officer_is_the_companys(text, officer, issuer):
    issuer_offsets = char_offsets(text, *issuer) if isinstance(issuer, tuple) else char_offsets(text, issuer)
    assert _pairs(text, [officer], [issuer]) == [(officer, text[slice(*issuer_offsets)], issuer_offsets[0])]


def test_every_name_of_an_appointed_list_is_paired():
    text = "Tarnwell Appoints Jane Doe and John Roe to Board of Directors\n\n"
    assert [o for o, _, _ in _pairs(text, ["Jane Doe", "John Roe"], ["Tarnwell"])] == ["Jane Doe", "John Roe"]


@pytest.mark.parametrize("text, officer, issuer", [
    # the person is the subject: who appointed whom is not stated
    ("Jane Doe, a former partner, was appointed to the board of Quillon.", "Jane Doe", "Quillon"),
    # a quoted officer is no appointee
    ("Quillon announced record sales, said Jane Doe, its chief executive.", "Jane Doe", "Quillon"),
    # joining without a role: a visit, not a post
    ("Jane Doe joins Quillon from a rival firm.", "Jane Doe", "Quillon"),
    # an appointment in another sentence
    ("Quillon reported results.\n\nThe board appointed Jane Doe as Chief Financial Officer.", "Jane Doe", "Quillon"),
])
def test_no_pair_where_no_appointment_is_stated(text, officer, issuer):
    assert _pairs(text, [officer], [issuer]) == []


def test_a_defined_short_name_takes_no_pair():
    text = "Quillon Corp. (“Quillon”) appoints Jane Doe as Chief Financial Officer."
    assert _pairs(text, ["Jane Doe"], [("Quillon", 2), "Quillon Corp."]) == [("Jane Doe", "Quillon Corp.", 0)]


def test_step_adds_its_pairs_to_the_models():
    nlp = spacy.blank("en")
    step = add_rule_step(nlp, "appointments")
    text = "Quillon Appoints Jane Doe as Chief Financial Officer. John Roe, President of Quillon, said so."
    doc = doc_with_guesses(nlp, text, ("Quillon", "ISSUER"), ("Jane Doe", "OFFICER"), ("John Roe", "OFFICER"),
                           ("Quillon", "ISSUER", 2))
    quillon, jane = char_offsets(text, "Quillon"), char_offsets(text, "Jane Doe")
    john, quillon2 = char_offsets(text, "John Roe"), char_offsets(text, "Quillon", 2)
    doc._.relations = {(john, quillon2): {"OFFICER_OF": 0.8}}
    assert step(doc)._.relations == {(john, quillon2): {"OFFICER_OF": 0.8}, (jane, quillon): {"OFFICER_OF": 1.0}}
