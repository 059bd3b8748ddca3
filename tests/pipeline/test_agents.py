from __future__ import annotations

import pytest
import spacy

from nlp.pipeline.agents import agent_name_spans
from conftest import add_rule_step, after_step

RELEASE = (
    "Acme Corp. announced the pricing of its offering. Hollisfield & Co. LLC, R.T. Ambrose, "
    "Carrowby and Pellworth and Company are acting as joint book-running managers for the "
    "offering. The Brennick Company, LLC is acting as sole placement agent.\n"
    "Acme will use the proceeds for working capital."
)


def _names(text):
    return [text[s:e] for s, e in agent_name_spans(text)]


def test_every_name_of_the_acting_as_list_is_an_agent():
    assert _names(RELEASE) == [
        "Hollisfield & Co. LLC", "R.T. Ambrose", "Carrowby", "Pellworth and Company",
        "Brennick Company, LLC",
    ]


def test_a_firm_named_before_a_participle_of_its_role_is_an_agent():
    text = ("Fenwright Capital LLC led the offering, with Olmsby Partners LLC, acting as sub-placement agent. "
            "Kestrel Securities, serving as sole bookrunner, and Jane Doe, serving as director, signed.")
    assert _names(text) == ["Olmsby Partners LLC", "Kestrel Securities"]


def test_no_agent_without_an_agent_role():
    assert _names("John Smith and Jane Doe are acting as directors of the Company.") == []
    assert _names("The offering is expected to close on March 3.") == []


def test_component_labels_the_list_and_keeps_other_labels():
    nlp = spacy.blank("en")
    agents = add_rule_step(nlp, "agents")
    doc = nlp.make_doc(RELEASE)
    start = RELEASE.index("Carrowby")
    ambrose = RELEASE.index("Ambrose")
    hollisfield = RELEASE.index("Hollisfield")
    doc.ents = [doc.char_span(start, start + len("Carrowby"), "AMOUNT"),
                doc.char_span(ambrose, ambrose + len("Ambrose"), "AGENT"),
                doc.char_span(hollisfield, hollisfield + len("Hollisfield & Co. LLC"), "ISSUER")]
    found = {(e.text, e.label_) for e in agents(doc).ents}
    assert ("Carrowby", "AMOUNT") in found          # a label outside `overrides` is never overridden
    assert ("R.T. Ambrose", "AGENT") in found          # a shorter guess of the same label gives way
    assert ("Hollisfield & Co. LLC", "AGENT") in found  # a firm acting as agent is not the issuer


def test_lists_with_also_a_past_tense_role_and_an_aside():
    from nlp.pipeline.agents import agent_name_spans

    def names(text):
        return [text[a:b] for a, b in agent_name_spans(text)]

    assert names("Ashby Rowe, QV Harland and Denholm Securities are also acting as bookrunners.") == [
        "Ashby Rowe", "QV Harland", "Denholm Securities"]
    assert names("The notes were sold. Hollisfield served as lead placement agent.") == ["Hollisfield"]
    assert names("KTV Capital, LLC (a division of Marlow Finch Securities, Inc) and Tarnwell Capital "
                 "Securities, LLC acted as the co-placement agents.") == [
        "KTV Capital, LLC", "Tarnwell Capital Securities, LLC"]
    assert names("Previously, Lyle Brandt served as Vice President and General Manager of Kestrow.") == []


def test_a_legal_suffix_inside_the_list_does_not_end_its_sentence():
    # the sentence runs on after "Inc." (nlp.structure knows the abbreviation), so both banks count
    text = "Fenwright Capital, Inc. and Olmsby Securities are acting as joint book-running managers."
    found = {text[a:b] for a, b in agent_name_spans(text)}
    assert found == {"Fenwright Capital, Inc.", "Olmsby Securities"}


def test_counsel_to_the_agent_is_not_an_agent():
    text = "Brackwell Halden LLP is acting as legal counsel to the placement agent for the offering."
    assert agent_name_spans(text) == []


def test_a_role_in_apposition_names_the_agent_before_it():
    assert _names("Acme Corp. entered into an agreement with Kestrel Capital Corporation, as lead "
                  "agent and sole bookrunner, for a brokered financing.") == ["Kestrel Capital Corporation"]
    assert _names("Acme agreed with Red Fern Securities Inc. to act as lead underwriter.") == [
        "Red Fern Securities Inc."]
    assert _names("The Selling Holders signed an agreement with Ternbridge Markets (the “Underwriter”), "
                  "pursuant to which it buys the shares.") == ["Ternbridge Markets"]
    assert _names("The Company has engaged H.C. Vane & Co. as exclusive placement agent.") == ["H.C. Vane & Co."]


def test_an_appositive_list_keeps_each_name_and_stops_at_the_issuer():
    assert _names("Norvik AB (publ) has mandated Brask Bank AB (publ) as global coordinator and Felling "
                  "Bank A/S, Tarn Banken AB (publ) and Swedholm AB (publ) as joint bookrunners.") == [
        "Brask Bank AB", "Felling Bank A/S", "Tarn Banken AB", "Swedholm AB"]
    assert _names("An agreement between the Company and Paradigm Vale Inc., as lead agent.") == [
        "Paradigm Vale Inc."]
    assert _names("Acme retained Pellworth and Company as its financial advisor.") == ["Pellworth and Company"]


def test_roles_outside_the_offering_name_no_agent():
    assert _names("Harbour Trust Company, N.A. will act as warrant agent.") == []
    assert _names("Acme appointed Jane Roe as general manager of its plant.") == []
    assert _names("Acme has engaged Brask Markets LLC to act as the dealer manager in connection "
                  "with the Tender Offer.") == []
    # the dealer managers of an exchange offer are agents (guide v1.1)
    assert _names("Acme has engaged Brask Markets LLC to act as the dealer manager for the Exchange "
                  "Offer and Tender Offer.") == ["Brask Markets LLC"]


def test_the_firms_that_deliver_the_prospectus_are_agents():
    text = ("Copies of the final prospectus may be obtained, when available, from: Brask & Co. LLC, "
            "Attention: Prospectus Department, 12 Elm Street, New York, NY 10001, or by email at "
            "prospectus@example.com; Tarrow Capital, LLC, 40 Pine Street, Boston; or by contacting "
            "(i) Quell Securities (USA) Inc., c/o Broadridge Financial Solutions.")
    assert _names(text) == ["Brask & Co. LLC", "Tarrow Capital, LLC", "Quell Securities (USA) Inc."]


def test_the_prospectus_paragraph_of_a_merger_names_no_agent():
    text = ("The proxy statement/prospectus may be obtained free of charge by written request to: "
            "Halvern Corporation, 5 Main Street, Austin, TX 78701.")
    assert _names(text) == []
    # without a firm before an address, the paragraph names nobody
    assert _names("Copies of the prospectus may be obtained from the SEC's website at www.sec.gov.") == []


def test_the_other_members_of_the_syndicate_are_agents():
    text = ("Acme Corp. entered into an agreement with Hollisfield & Co. LLC, as lead underwriter, on behalf "
            "of a syndicate of underwriters including Carrowby Securities Inc., R.T. Ambrose and Pellworth "
            "Capital (together, the “Underwriters”), pursuant to which the Underwriters will buy the shares.")
    assert _names(text) == ["Hollisfield & Co. LLC", "Carrowby Securities Inc.", "R.T. Ambrose", "Pellworth Capital"]


def test_a_syndicate_list_ends_at_its_sentence():
    text = "It has a syndicate of agents including Carrowby Markets. The Company will pay a fee."
    assert _names(text) == ["Carrowby Markets"]


def test_a_partnership_name_keeps_its_commas_and_its_description_is_no_agent():
    text = ("Hartwell James and Corby, Dunmore & Pratt, A Vexley Company are serving as co-placement "
            "agents for the offering.")
    assert _names(text) == ["Hartwell James", "Corby, Dunmore & Pratt"]


def test_a_list_of_firms_ending_in_an_ampersand_name_stays_a_list():
    # only single surnames before the last "Surname & Surname" join it
    text = "Citadel, Vane Sachs & Co. LLC and Harrow Brothers, Lyle & Marsh are acting as underwriters."
    assert _names(text) == ["Citadel", "Vane Sachs & Co. LLC", "Harrow Brothers", "Lyle & Marsh"]


@pytest.mark.parametrize("text, kept", [
    # an appointment names no agent's role: a bank in a biography is no AGENT
    ("Quillon named Jane Roe CFO. She held senior roles at Tarnwell Securities.", False),
    ("Quillon closed its offering. Tarnwell Securities acted as sole placement agent.", True),
    ("Quillon filed a prospectus. Copies may be obtained from Tarnwell Securities, 10 Vorn Street.", True),
    ("Quillon sold shares. Tarnwell Securities acted as sole manager of the offering.", True),
    # a bare "agent" or "manager", or a lender's "underwriting", is no deal agent's role
    ("Quillon's transfer agent, Tarnwell Securities, will act as exchange agent for the split.", False),
    ("Quillon named Jane Roe general manager; she joined from Tarnwell Securities.", False),
    ("Quillon improved its loan underwriting with Tarnwell Securities.", False),
])
def test_no_agent_guess_stands_in_an_exhibit_that_names_no_agents_role(text, kept):
    found = after_step("agents", text, ("Tarnwell Securities", "AGENT"), ("Quillon", "ISSUER"))
    assert (("Tarnwell Securities", "AGENT") in found) is kept and ("Quillon", "ISSUER") in found
