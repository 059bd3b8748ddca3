from __future__ import annotations

import spacy

from nlp.pipeline.agents import agent_name_spans

RELEASE = (
    "Acme Corp. announced the pricing of its offering. Goldman Sachs & Co. LLC, J.P. Morgan, "
    "Jefferies and Needham and Company are acting as joint book-running managers for the "
    "offering. The Benchmark Company, LLC is acting as sole placement agent.\n"
    "Acme will use the proceeds for working capital."
)


def _names(text):
    return [text[s:e] for s, e in agent_name_spans(text)]


def test_every_name_of_the_acting_as_list_is_an_agent():
    assert _names(RELEASE) == [
        "Goldman Sachs & Co. LLC", "J.P. Morgan", "Jefferies", "Needham and Company",
        "Benchmark Company, LLC",
    ]


def test_no_agent_without_an_agent_role():
    assert _names("John Smith and Jane Doe are acting as directors of the Company.") == []
    assert _names("The offering is expected to close on March 3.") == []


def test_component_labels_the_list_and_keeps_other_labels():
    nlp = spacy.blank("en")
    agents = nlp.add_pipe("exhibit_agents")
    doc = nlp.make_doc(RELEASE)
    start = RELEASE.index("Jefferies")
    morgan = RELEASE.index("Morgan")
    doc.ents = [doc.char_span(start, start + len("Jefferies"), "ISSUER"),
                doc.char_span(morgan, morgan + len("Morgan"), "AGENT")]
    found = {(e.text, e.label_) for e in agents(doc).ents}
    assert ("Jefferies", "ISSUER") in found          # another label is never overridden
    assert ("J.P. Morgan", "AGENT") in found          # a shorter guess of the same label gives way
    assert ("Goldman Sachs & Co. LLC", "AGENT") in found


def test_lists_with_also_a_past_tense_role_and_an_aside():
    from nlp.pipeline.agents import agent_name_spans

    def names(text):
        return [text[a:b] for a, b in agent_name_spans(text)]

    assert names("Piper Sandler, TD Cowen and Truist Securities are also acting as bookrunners.") == [
        "Piper Sandler", "TD Cowen", "Truist Securities"]
    assert names("The notes were sold. Goldman Sachs served as lead placement agent.") == ["Goldman Sachs"]
    assert names("RBW Capital, LLC (a division of Dawson James Securities, Inc) and Spartan Capital "
                 "Securities, LLC acted as the co-placement agents.") == [
        "RBW Capital, LLC", "Spartan Capital Securities, LLC"]
    assert names("Previously, David Stewart served as Vice President and General Manager of Arrow.") == []
