"""`exhibit show` rendering: facts and warnings first, then the text sentence by sentence with
each sentence's relations right after it; nothing loaded from elsewhere."""
from __future__ import annotations

from html.parser import HTMLParser

from nlp.extensions import register_extensions
from nlp.show import exhibit_html, exhibit_section, render_page, whole_sentences

TEXT = ("Acme Corp. sold 1,000 shares of Common Stock at $2.00 per share.\n\n"
        "The placement agent was Roe & Co. It raised $2,000 in all.")


def _at(phrase: str):
    start = TEXT.index(phrase)
    return [start, start + len(phrase)]


def _entity(phrase, label, value=None):
    start, end = _at(phrase)
    return {"start": start, "end": end, "label": label, "value": value}


SENTENCES = [(0, TEXT.index("The placement")), (TEXT.index("The placement"), TEXT.index("It raised")),
             (TEXT.index("It raised"), len(TEXT))]


def output() -> dict:
    return {
        "id": "acme",
        "text": TEXT,
        "entities": [
            _entity("Acme Corp.", "ISSUER", "Acme Corp."), _entity("1,000", "QUANTITY", 1000),
            _entity("Common Stock", "SECURITY", "Common Stock"),
            _entity("$2.00", "PRICE", {"amount": "2.00", "currency": "USD", "scale": None}),
            _entity("Roe & Co.", "AGENT", "Roe & Co."),
            _entity("$2,000", "AMOUNT", {"amount": "2000", "currency": "USD", "scale": None}),
        ],
        "relations": [
            {"head": _at("$2.00"), "child": _at("Common Stock"), "label": "PRICE_OF", "score": 0.9},
            {"head": _at("Acme Corp."), "child": _at("$2,000"), "label": "RAISES", "score": 0.8},
        ],
        "record": {"kind": "offering", "offering": {"issuer": "Acme Corp.", "gross": {"amount": "2000", "currency": "USD"},
                                                    "agents": ["Roe & Co."]},
                   "securities": [{"name": "Common Stock", "quantity": 1000,
                                   "price": {"amount": "2.00", "currency": "USD"}}]},
        "warnings": [{"code": "amount_mismatch", "message": "1,000 x 2.00 = 2,000.00 USD & more"}],
    }


class Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack, self.errors, self.links = [], [], []

    def handle_starttag(self, tag, attrs):
        self.links += [value for name, value in attrs if name in ("src", "href")]
        if tag not in ("meta", "br"):
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(tag)
        else:
            self.stack.pop()


def test_facts_and_warnings_come_before_the_text():
    section = exhibit_html("acme", "acme.txt", output(), SENTENCES)
    facts, warnings = section.index("<h3>Facts (offering)</h3>"), section.index("<h3>Warnings</h3>")
    assert facts < warnings < section.index('<div class="sentence">')
    assert "<th>issuer</th><td>Acme Corp.</td>" in section
    assert "<th>gross</th><td>$2,000</td>" in section and "<th>quantity</th><td>1,000 shares</td>" in section
    assert "<code>amount_mismatch</code> 1,000 x 2.00 = 2,000.00 USD &amp; more" in section
    assert "{" not in section  # no Python reprs
    assert "1 warning" in section


def test_each_sentence_is_followed_by_its_relations():
    section = exhibit_html("acme", "acme.txt", output(), SENTENCES)
    first, second, third = (section.index(f'<div class="sentence"><p class="text">{start}')
                            for start in ('<mark class="entity" style="background: #7aecec">Acme',
                                          "The placement", "It raised"))
    price_of, raises = section.index("→ PRICE_OF →"), section.index("→ RAISES →")
    assert first < price_of < second  # the PRICE_OF head ($2.00) stands in the first sentence
    assert first < raises < second    # RAISES is listed by its head (Acme Corp.), not its child
    assert second < third and section.count('<ul class="relations">') == 1
    assert '<b>$2.00</b> <span class="label"' in section and "(0.90)" in section
    # whitespace is folded and the text escaped
    assert "Roe &amp; Co." in section and "\n\n" not in section.split("<h3>Text")[1]


def test_a_sentence_boundary_inside_an_entity_is_dropped():
    entities = [{"start": 8, "end": 20, "label": "ISSUER"}]
    assert whole_sentences([(0, 12), (12, 30), (30, 40)], entities, 40) == [(0, 30), (30, 40)]
    assert whole_sentences([], [], 10) == [(0, 10)]


def test_page_is_offline_and_well_formed():
    page = render_page([exhibit_html("acme", "acme.txt", output(), SENTENCES)], "show <test>")
    parser = Page()
    parser.feed(page)
    parser.close()
    assert parser.errors == [] and parser.stack == [] and parser.links == []
    assert "<script" not in page and "@import" not in page and "url(" not in page
    assert "<title>show &lt;test&gt;</title>" in page


def test_section_from_a_doc_uses_its_sentences_and_facts(blank_nlp):
    register_extensions()
    doc = blank_nlp(TEXT)
    doc.ents = [doc.char_span(*_at("Acme Corp."), label="ISSUER"), doc.char_span(*_at("$2,000"), label="AMOUNT")]
    for token in doc:
        token.is_sent_start = token.i == 0 or token.text == "The"
    doc._.relations = {(tuple(_at("Acme Corp.")), tuple(_at("$2,000"))): {"RAISES": 0.75}}
    section = exhibit_section("acme", "acme.txt", doc)
    assert "<h3>Facts (offering)</h3>" in section and "<th>issuer</th><td>Acme Corp.</td>" in section
    assert section.count('<div class="sentence">') == 2
    assert section.index("→ RAISES →") < section.index('<div class="sentence"><p class="text">The placement')
