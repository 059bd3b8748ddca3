from __future__ import annotations

import pytest
import spacy
from conftest import add_rule_step, char_offsets


def _doc(nlp, text, *items):
    doc = nlp.make_doc(text)
    spans = []
    for phrase, label in items:
        start = text.index(phrase)
        spans.append(doc.char_span(start, start + len(phrase), label))
    doc.ents = spans
    return doc


def test_offering_terms_outside_any_sale_are_dropped():
    nlp = spacy.blank("en")
    component = add_rule_step(nlp, "sale_context")
    text = ("Acme Bancorp reported net income of $2,654,000 or $0.63 per share.\n\n"
            "Acme Bancorp priced its public offering of 1,000,000 shares at $5.00 per share.")
    doc = component(_doc(nlp, text, ("Acme Bancorp", "ISSUER"), ("$2,654,000", "AMOUNT"), ("$0.63", "PRICE"),
                         ("1,000,000", "QUANTITY"), ("$5.00", "PRICE")))
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Acme Bancorp", "ISSUER"), ("1,000,000", "QUANTITY"), ("$5.00", "PRICE")]


def test_a_list_item_keeps_the_sale_of_its_introducing_sentence():
    nlp = spacy.blank("en")
    component = add_rule_step(nlp, "sale_context")
    text = "The Company sold the following in its financing:\n\n* an aggregate of 4,474,833 shares at $3.00 each.\n"
    doc = component(_doc(nlp, text, ("4,474,833", "QUANTITY"), ("$3.00", "PRICE")))
    assert [e.text for e in doc.ents] == ["4,474,833", "$3.00"]


def test_other_labels_are_never_touched():
    nlp = spacy.blank("en")
    add_rule_step(nlp, "sale_context", labels=["AMOUNT"])
    text = "Revenue was $5 million and Jane Roe is Chief Executive Officer."
    doc = nlp.get_pipe("rules_sale_context").step("sale_context")(_doc(nlp, text, ("$5 million", "AMOUNT"), ("Jane Roe", "OFFICER")))
    assert [(e.text, e.label_) for e in doc.ents] == [("Jane Roe", "OFFICER")]


def test_existing_stock_named_for_holdings_listing_or_trading_is_no_security():
    nlp = spacy.blank("en")
    component = add_rule_step(nlp, "sale_context")
    text = ("Quillon Corp. closed its private placement of 2,000,000 common shares at $1.00 per share. "
            "Vorn Capital purchased units in the private placement and now holds 9.9% of the Company's "
            "common shares, and 12,000,000 common shares are outstanding after the private placement.")
    first, held, outstanding = (text.index("common shares"), text.index("common shares,"),
                                text.index("common shares are"))
    doc = nlp.make_doc(text)
    doc.ents = [doc.char_span(s, s + len("common shares"), "SECURITY") for s in (first, held, outstanding)]
    assert [e.start_char for e in component(doc).ents] == [first]


def test_stock_sold_in_the_sentence_stays_a_security():
    from nlp.pipeline.sale_context import names_existing_stock

    text = "Quillon sold 1,000,000 shares of its common stock to the holders of its warrants."
    for word in ("common stock", "warrants"):
        assert not names_existing_stock(text, *char_offsets(text, word))


@pytest.mark.parametrize("text, word, existing", [
    ("The board declared a quarterly cash dividend of $0.4125 per share on Quillon’s 6.500% Series B Preferred Stock.",
     "Series B Preferred Stock", True),
    ("Quillon declared dividends on its common stock payable May 1.", "common stock", True),
    ("Quillon priced 2,000,000 shares of its 8.00% Series A Preferred Stock at $25.00 per share.",
     "Series A Preferred Stock", False),
])
def test_a_dividend_paid_on_stock_names_existing_stock(text, word, existing):
    from nlp.pipeline.sale_context import names_existing_stock

    assert names_existing_stock(text, *char_offsets(text, word)) is existing


@pytest.mark.parametrize("text, amount, repurchase", [
    ("Quillon priced its offering and authorized a concurrent share repurchase of up to $10 million.", "$10 million", True),
    ("Quillon announced a $25 million buyback of its common shares.", "$25 million", True),
    ("Quillon closed its public offering for gross proceeds of $40 million.", "$40 million", False),
])
def test_a_sum_a_repurchase_is_of_is_no_amount(text, amount, repurchase):
    from nlp.pipeline.sale_context import repurchase_sum

    assert repurchase_sum(text, *char_offsets(text, amount)) is repurchase


@pytest.mark.parametrize("text, count, existing", [
    ("In the offering Vorn Capital bought units and now holds 286,895 subordinate voting shares.", "286,895", True),
    ("After the offering there will be 94,531,671 common shares outstanding.", "94,531,671", True),
    ("Quillon will use the offering proceeds to repurchase 1,116,312 shares of common stock.", "1,116,312", True),
    ("Quillon sold 2,000,000 common shares in the offering; 12,000,000 shares are outstanding.", "2,000,000", False),
    ("Quillon priced its offering of 3,500,000 units at $1.00 per unit.", "3,500,000", False),
])
def test_a_count_of_existing_or_repurchased_stock_is_no_quantity(text, count, existing):
    from nlp.pipeline.sale_context import counts_existing_stock

    assert counts_existing_stock(text, *char_offsets(text, count)) is existing


def test_the_step_drops_a_quantity_of_existing_stock():
    nlp = spacy.blank("en")
    component = add_rule_step(nlp, "sale_context")
    text = "Quillon sold 2,000,000 common shares in the private placement and Vorn now holds 500,000 common shares."
    doc = nlp.make_doc(text)
    doc.ents = [doc.char_span(*char_offsets(text, n), "QUANTITY") for n in ("2,000,000", "500,000")]
    assert [e.text for e in component(doc).ents] == ["2,000,000"]


@pytest.mark.parametrize("text, figure, operating", [
    ("After its offering, Quillon reported a net loss of $3.1M or $0.04 per share.", "$0.04", True),
    ("After its offering, Quillon reported a net loss of $3.1M or $0.04 per share.", "$3.1M", True),
    ("Quillon sold shares in 2024, and revenue for the year was $8.2 million.", "$8.2 million", True),
    ("Quillon issued notes and booked $4.4 million in new purchase orders.", "$4.4 million", True),
    ("Vorn declared a quarterly cash dividend of $0.20 per share on its preferred stock.", "$0.20", True),
    ("an increase of $0.02 per share in the company's quarterly common stock dividend", "$0.02", True),
    ("Common Shares, $0.001 par value; 9,000,000 shares authorized", "$0.001", True),
    # a sale's sum, even after words that hold a figure word in another sense
    ("Quillon, which builds a hydrogen distribution network, closed its $2M private placement.", "$2M", False),
    ("NOT FOR DISTRIBUTION IN THE UNITED STATES\n\nQuillon Announces $6 Million Placement", "$6 Million", False),
    ("Quillon closed its offering of 1,000,000 shares at $0.50 per share for gross proceeds of $500,000.", "$0.50", False),
])
def test_a_sum_or_price_of_an_operating_figure_is_no_offering_term(text, figure, operating):
    from nlp.pipeline.sale_context import states_operating_figure

    assert states_operating_figure(text, *char_offsets(text, figure)) is operating


def test_the_step_drops_an_operating_figure_beside_a_sale():
    nlp = spacy.blank("en")
    component = add_rule_step(nlp, "sale_context")
    text = "Quillon closed a private placement for gross proceeds of $2 million. Its revenue for the quarter was $0.4 million."
    doc = nlp.make_doc(text)
    doc.ents = [doc.char_span(*char_offsets(text, n), "AMOUNT") for n in ("$2 million", "$0.4 million")]
    assert [e.text for e in component(doc).ents] == ["$2 million"]


def test_the_step_drops_a_market_or_reference_price_but_keeps_the_price_of_the_sale():
    nlp = spacy.blank("en")
    component = add_rule_step(nlp, "sale_context")
    text = ("Vorn priced its shares at US$1.10 each, a 12% discount to their closing price of US$1.25 "
            "and to the 20-day VWAP of US$1.31.")
    doc = component(_doc(nlp, text, ("US$1.10", "PRICE"), ("US$1.25", "PRICE"), ("US$1.31", "PRICE")))
    assert [e.text for e in doc.ents] == ["US$1.10"]


def test_the_step_drops_stock_repurchased_but_keeps_stock_sold_after_a_repurchase_sentence():
    nlp = spacy.blank("en")
    component = add_rule_step(nlp, "sale_context")
    text = ("Vorn repurchased a total of 250,000 Vorn common shares on the exchange and plans more common "
            "share repurchases. Vorn also sold 1,000,000 common shares in a private placement.")
    doc = nlp.make_doc(text)
    doc.ents = [doc.char_span(*char_offsets(text, phrase, nth), "SECURITY")
                for phrase, nth in (("common shares", 1), ("common share", 2), ("common shares", 2))]
    assert [e.start_char for e in component(doc).ents] == [text.rindex("common shares")]


@pytest.mark.parametrize("text, name, old", [
    ("Holders of the Existing Notes may tender them.", "Existing Notes", True),
    ("to purchase any and all of its outstanding 4.125% senior notes due 2031", "senior notes due 2031", True),
    ("Vorn priced its offering of 6.000% senior notes due 2031.", "senior notes due 2031", False),
    ("the conversion of its outstanding convertible notes into common shares", "convertible notes", False),
    ("Vorn will exchange its existing warrants for new warrants.", "warrants", False),
])
def test_old_debt_tendered_or_exchanged_is_no_security(text, name, old):
    from nlp.pipeline.sale_context import names_old_debt

    start = text.index(name)
    assert names_old_debt(text, start, start + len(name)) is old


def test_every_mention_of_a_term_defined_for_old_notes_is_dropped_but_the_new_notes_stay():
    nlp = spacy.blank("en")
    component = add_rule_step(nlp, "sale_context")
    text = ('Vorn offered to exchange its outstanding 4.250% Senior Notes due 2029 (the "Old Notes") for '
            'new 7.000% Senior Secured Notes due 2031 (the "New Notes"). Holders who tender their Old '
            'Notes before the deadline will receive New Notes issued by Vorn.')
    doc = nlp.make_doc(text)
    doc.ents = [doc.char_span(*char_offsets(text, phrase, nth), "SECURITY")
                for phrase, nth in (("Senior Notes due 2029", 1), ("Old Notes", 1), ("Senior Secured Notes due 2031", 1),
                                    ("New Notes", 1), ("New Notes", 2))]
    assert [e.text for e in component(doc).ents] == ["Senior Secured Notes due 2031", "New Notes", "New Notes"]
