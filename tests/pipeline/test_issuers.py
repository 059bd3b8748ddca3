from __future__ import annotations

import numpy
import pytest
import spacy
from spacy.training import Example

from nlp.io.docs import record_to_doc
from nlp.io.records import Entity, ExhibitRecord
from conftest import add_rule_step, char_offsets, doc_with_guesses

TEMPLATE = (
    "{name} Announces Closing of Private Placement\n\n"
    "TORONTO — {name} Inc. ({exchange}: {tick}) announced today that it closed a placement. "
    "Shares were placed by {agent} as agent. {name} will use the proceeds for drilling.\n\n"
    "About {name}\n\n{name} is an exploration company."
)
COMPANIES = [("Avrel Gold", "TSX-V", "ABN", "Ashby Securities"), ("Brixa Mining", "CSE", "BRX", "Brennick Capital"),
             ("Corvo Energy", "TSX", "CRV", "Carrowby Partners"), ("Delmar Metals", "NASDAQ", "DLM", "Denholm Capital"),
             ("Eskay Lithium", "TSX-V", "ESK", "Pellworth Capital"), ("Fenwick Copper", "CSE", "FNW", "QV Financial")]


def _record(name, exchange, tick, agent):
    text = TEMPLATE.format(name=name, exchange=exchange, tick=tick, agent=agent)
    entities, start = [], 0
    while True:
        start = text.find(name, start)
        if start < 0:
            break
        end = start + len(name) + (5 if text.startswith(" Inc.", start + len(name)) else 0)
        entities.append(Entity(start, end, "ISSUER"))
        start = end
    return ExhibitRecord(tick, text, "offering", entities, [])


def _fitted():
    nlp = spacy.blank("en")
    resolver = add_rule_step(nlp, "issuers")
    records = [_record(*c) for c in COMPANIES[:5]]
    examples = [Example(nlp.make_doc(r.text), record_to_doc(nlp.make_doc, r)) for r in records]
    nlp.initialize(lambda: examples)
    return nlp, resolver


def test_fits_a_scorer_and_labels_every_mention_of_the_issuer():
    nlp, resolver = _fitted()
    assert len(resolver.cfg["weights"]) > 0
    unseen = _record(*COMPANIES[5])
    doc = nlp(unseen.text)
    found = {(e.start_char, e.end_char) for e in doc.ents if e.label_ == "ISSUER"}
    assert found == {(e.start, e.end) for e in unseen.entities}
    assert not any("Financial" in e.text for e in doc.ents)  # the agent is not the issuer


def test_unfitted_resolver_changes_nothing():
    nlp = spacy.blank("en")
    add_rule_step(nlp, "issuers")
    assert list(nlp(_record(*COMPANIES[0]).text).ents) == []


def test_weights_survive_to_disk(tmp_path):
    nlp, resolver = _fitted()
    nlp.to_disk(tmp_path / "m")
    loaded = spacy.load(tmp_path / "m")
    import pytest

    cfg = loaded.get_pipe("rules_issuers").step("issuers").cfg
    assert cfg["weights"] == pytest.approx(resolver.cfg["weights"], rel=1e-6)
    assert cfg["bias"] == pytest.approx(resolver.cfg["bias"], rel=1e-6)


def test_same_company_accepts_mentions_of_the_issuer_only():
    from nlp.pipeline.issuers import same_company

    text = "Northfen Regional Utilities Cooperative Finance Corporation (“CFC”) and Kestrow Inc."
    main = "Northfen Regional Utilities Cooperative Finance"
    assert same_company("Northfen Regional Utilities Cooperative Finance Corporation", main, text)
    assert same_company("CFC", main, text)                       # defined in quotes
    assert same_company("NRUCF", main, text)                     # its initials
    assert same_company("Finance", main, text)                   # a word of it used alone
    assert same_company("Quillon Harbor Energy Group", "QHEG", text)
    assert not same_company("Kestrow Inc.", main, text)
    assert not same_company("Alberta", main, text)


def test_a_shorter_issuer_guess_gives_way_to_the_accepted_name_and_strays_are_dropped():
    nlp, resolver = _fitted()
    unseen = _record(*COMPANIES[5])
    doc = nlp.make_doc(unseen.text)
    first = unseen.text.index("Fenwick")
    stray = unseen.text.index("TORONTO")
    doc.ents = [doc.char_span(first, first + len("Fenwick"), "ISSUER"),
                doc.char_span(stray, stray + len("TORONTO"), "ISSUER")]
    doc = resolver(doc)
    found = {(e.start_char, e.end_char) for e in doc.ents if e.label_ == "ISSUER"}
    assert found == {(e.start, e.end) for e in unseen.entities}


def test_one_issuer_can_be_switched_off():
    nlp, resolver = _fitted()
    resolver.cfg["one_issuer"] = False
    text = _record(*COMPANIES[5]).text
    doc = nlp.make_doc(text)
    stray = text.index("TORONTO")
    doc.ents = [doc.char_span(stray, stray + len("TORONTO"), "ISSUER")]
    assert "TORONTO" in {e.text for e in resolver(doc).ents}


def test_capitalized_function_words_are_never_issuer_names():
    from nlp.pipeline.issuers import doc_candidates

    nlp = spacy.blank("en")
    doc = nlp("CERTIFICATION PURSUANT TO SECTION 1350 AS ADOPTED\n\nQuillon Corporation filed it pursuant to law.")
    keys = {key for key, _, _ in doc_candidates(doc, doc.text)}
    assert "to" not in keys and "as" not in keys
    assert "quillon" in keys


def test_a_name_opened_by_an_honorific_is_no_issuer_candidate():
    from nlp.pipeline.issuers import doc_candidates

    nlp = spacy.blank("en")
    doc = nlp("quillo appoints Dana Roe. Mr. Roe said so. Dr. Voss agreed. Quillon Widgets Corp. grew.")
    keys = {key for key, _, _ in doc_candidates(doc, doc.text)}
    assert not any(key.startswith(("mr", "dr")) for key in keys)
    assert "quillon widgets" in keys


def test_document_words_before_of_open_no_issuer_name():
    from nlp.pipeline.issuers import doc_candidates

    nlp = spacy.blank("en")
    doc = nlp("In connection with the Quarterly Report of Quillon Widgets Corp. on Form 10-Q, "
              "Dana Roe, Chief Executive Officer of Quillon Widgets Corp., certifies. "
              "Bank of Marlow Harbor lent the money.")
    cores = {core for _, core, _ in doc_candidates(doc, doc.text)}
    assert "Quillon Widgets" in cores
    assert not any(core.startswith(("Quarterly", "Chief")) for core in cores)
    # a name whose words before "of" are not document words keeps them
    assert "Bank of Marlow Harbor" in cores


def test_name_occurrences_from_the_word_index_match_the_pattern_search():
    from nlp.pipeline.issuers import _occurrences, word_index

    text = ("Northfen  Bancorp, Inc. (NORTHFEN BANCORP) said northfen bancorp grew; see "
            "www.northfen.com or @Northfen. Northfen\nBancorp closed. NorthfenBancorp is not it.")
    for core in ("Northfen Bancorp", "Northfen", "Bancorp, Inc."):
        assert _occurrences(text, core, word_index(text)) == _occurrences(text, core)
    assert [text[a:b] for a, b in _occurrences(text, "Northfen Bancorp", word_index(text))] == [
        "Northfen  Bancorp", "NORTHFEN BANCORP", "Northfen\nBancorp"]


def test_a_stray_issuer_guess_that_repeats_an_officer_name_becomes_an_officer():
    nlp, resolver = _fitted()
    unseen = _record(*COMPANIES[5])
    text = unseen.text + "\n\n/s/ Jane Roe\nJane Roe\nChief Executive Officer\n"
    doc = nlp.make_doc(text)
    first = text.index("Fenwick")
    signed, printed = text.index("Jane Roe"), text.rindex("Jane Roe")
    doc.ents = [doc.char_span(first, first + len("Fenwick"), "ISSUER"),
                doc.char_span(signed, signed + 8, "OFFICER"), doc.char_span(printed, printed + 8, "ISSUER")]
    doc = resolver(doc)
    assert [(e.start_char, e.label_) for e in doc.ents if e.text == "Jane Roe"] == [
        (signed, "OFFICER"), (printed, "OFFICER")]


CERTIFICATION = (
    "CERTIFICATION PURSUANT TO 18 U.S.C. SECTION 1350\n\n"
    "In connection with the Annual Report of Quillon Corporation (the “Company”) on Form 10-K for "
    "the year ended December 31, 2003, I, Odell Praske, Chief Executive Officer of the Company, "
    "certify that the Report fully complies with Section 13(a) and that it fairly presents the "
    "financial condition of the Company, a Delaware corporation organized under Delaware law.\n\n"
    "/s/ Odell Praske\n"
)


def test_the_registrant_a_certifying_statement_names_is_the_issuer():
    nlp, resolver = _fitted()
    # the recognizer's most frequent ISSUER guess is a state, named twice
    doc = doc_with_guesses(nlp, CERTIFICATION, ("Quillon Corporation", "ISSUER"), ("Delaware", "ISSUER"),
                           ("Delaware", "ISSUER", 2))
    assert [e.text for e in resolver(doc).ents if e.label_ == "ISSUER"] == ["Quillon Corporation"]


def test_an_agent_guess_that_names_the_issuer_becomes_an_issuer_mention():
    nlp, resolver = _fitted()
    unseen = _record(*COMPANIES[5])
    doc = doc_with_guesses(nlp, unseen.text, ("Fenwick Copper", "AGENT", 3), ("QV Financial", "AGENT"))
    labels = {(e.text, e.label_) for e in resolver(doc).ents}
    assert ("Fenwick Copper", "AGENT") not in labels and ("QV Financial", "AGENT") in labels
    assert {(e.start_char, e.end_char) for e in doc.ents if e.label_ == "ISSUER"} == {
        (e.start, e.end) for e in unseen.entities}


def test_an_officer_guess_on_the_issuers_name_becomes_an_issuer_mention():
    nlp, resolver = _fitted()
    unseen = _record(*COMPANIES[5])
    doc = doc_with_guesses(nlp, unseen.text, ("Fenwick Copper", "OFFICER", 3))
    assert {(e.start_char, e.end_char, e.label_) for e in resolver(doc).ents} == {
        (e.start, e.end, "ISSUER") for e in unseen.entities}


@pytest.mark.parametrize("text, initials, expected", [
    # the initials of the name without its suffix; the ticker after the exchange mark is none
    ("Fenwick Copper Mining Inc. Appoints CFO\n\nTORONTO — Fenwick Copper Mining Inc. (CSE: FCM) announced "
     "today that FCM named a CFO. Fenwick Copper Mining will grow. FCM's board agreed.\n\n"
     "About Fenwick Copper Mining\n\nFenwick Copper Mining is an exploration company.", "FCM", ["FCM named", "FCM's"]),
    # the initials of the name with its suffix as the text writes it; nor a ticker before the mark
    ("Fenwick Copper Corporation Reports\n\nTORONTO — Fenwick Copper Corporation (FCC: TSX) announced today "
     "that FCC drilled. Fenwick Copper will grow. FCC agreed.\n\nAbout Fenwick Copper\n\n"
     "Fenwick Copper is an exploration company.", "FCC", ["FCC drilled", "FCC agreed"]),
])
def test_the_issuers_initials_alone_are_its_mentions_but_not_its_ticker(text, initials, expected):
    nlp, resolver = _fitted()
    found = [(e.text, e.start_char) for e in nlp(text).ents if e.label_ == "ISSUER"]
    assert [start for name, start in found if name == initials] == [text.index(at) for at in expected]


@pytest.mark.parametrize("text, expected", [
    # the longer name opens a legal name the text writes: each mention is taken whole
    ("Lafren Crest USA Prices Notes\n\nLafren Crest USA, Inc. priced notes. Lafren Crest grew.",
     ["Lafren Crest USA", "Lafren Crest USA", "Lafren Crest"]),
    # a headline verb or a subsidiary's name is no longer form of the issuer
    ("Lafren Announces Notes\n\nLafren Inc. priced notes. Lafren Announces more. Lafren Texas Utilities grew. "
     "Lafren Texas Utilities paid.", ["Lafren", "Lafren", "Lafren", "Lafren", "Lafren"]),
    # a full name written once, at the opening sentence after the headline, is the issuer's
    ("Lafren Launches Offering\n\nLafren Crest, Inc., a lender, launched an offering. Lafren will list.",
     ["Lafren", "Lafren Crest", "Lafren"]),
    # one written once further on is a subsidiary's
    ("Lafren Launches Offering\n\nLafren Inc. launched an offering. Lafren will list. Lafren grew. "
     "Lafren Crest, Inc. is its subsidiary.", ["Lafren", "Lafren", "Lafren", "Lafren", "Lafren"]),
])
def test_an_accepted_short_name_is_taken_to_the_name_the_text_writes_in_full(text, expected):
    from nlp.pipeline.issuers import IssuerResolver, _occurrences, doc_candidates

    candidates = list(doc_candidates(spacy.blank("en").make_doc(text), text))
    spans = IssuerResolver._written_in_full(text, "Lafren", _occurrences(text, "Lafren"), candidates)
    assert [text[a:b] for a, b in spans] == expected


def test_a_term_the_issuer_defines_in_quotes_is_no_mention_of_the_company_it_acquires():
    nlp, resolver = _fitted()
    text = ("Quillon Water Products Acquires Vorn Plastics\n\nTORONTO — Quillon Water Products, Inc. (“QWP” or "
            "the “Company”) (CSE: QWPC) acquired Vorn Plastics. QWP will grow.\n\nAbout Quillon Water Products\n\n"
            "Quillon Water Products makes bottles.")
    doc = resolver(doc_with_guesses(nlp, text, ("QWP", "ISSUER"), ("QWP", "ISSUER", 3), ("Vorn Plastics", "ISSUER", 2)))
    found = [(e.text, e.label_) for e in doc.ents]
    assert found.count(("QWP", "ISSUER")) == 2 and ("Vorn Plastics", "ISSUER") not in found


def test_an_officer_guess_on_a_founders_name_the_company_bears_stays_an_officer():
    nlp, resolver = _fitted()
    text = _record(*COMPANIES[5]).text + '\n\n"We grew," said Hal Fenwick, Chief Executive Officer. Fenwick agreed.'
    doc = doc_with_guesses(nlp, text, ("Fenwick", "OFFICER", 7))
    assert ("Fenwick", "OFFICER") in {(e.text, e.label_) for e in resolver(doc).ents}


def test_issuer_guesses_on_an_officers_surname_cast_no_vote():
    # the recognizer takes the surname of the officer it found in full for a company, twice:
    # that would outvote the scorer's name and keep every stray guess
    nlp, resolver = _fitted()
    text = _record(*COMPANIES[5]).text + "\n\nFenwick appoints Hal Brenna. Brenna led mines. Brenna will chair."
    doc = doc_with_guesses(nlp, text, ("Hal Brenna", "OFFICER"), ("Fenwick", "ISSUER", 6),
                           ("Brenna", "ISSUER", 2), ("Brenna", "ISSUER", 3))
    issuers = {e.text for e in resolver(doc).ents if e.label_ == "ISSUER"}
    assert "Brenna" not in issuers
    assert "Fenwick Copper" in issuers


ACQUISITION = (
    "Brixa Mining Acquires Vornhal Minerals, a Copper Explorer\n\n"
    "TORONTO, Feb. 3, 2025 (GLOBE NEWSWIRE) — Brixa Mining Inc. (CSE: BRX) announced today that it "
    "acquired Vornhal Minerals Ltd. Vornhal Minerals holds twelve claims. Vornhal Minerals will keep its "
    "name. Vornhal Minerals was founded in 2019.\n\n"
    "About Brixa Mining\n\nBrixa Mining is an exploration company."
)


def test_the_company_a_headline_says_is_acquired_is_no_issuer():
    from nlp.pipeline.issuers import acquired_companies

    nlp, _ = _fitted()
    assert acquired_companies(nlp.make_doc(ACQUISITION), ACQUISITION) == ["Vornhal Minerals"]
    # the recognizer took the acquired company for the issuer throughout
    guesses = [("Vornhal Minerals", "ISSUER", k) for k in (1, 2, 3, 4, 5)]
    doc = doc_with_guesses(nlp, ACQUISITION, *guesses)
    doc = nlp.get_pipe("rules_issuers")(doc)
    issuers = {e.text for e in doc.ents if e.label_ == "ISSUER"}
    assert "Brixa Mining" in issuers and not any("Vornhal" in name for name in issuers)


SUBSIDIARY = (
    "Brixa Sugar Inc. Closes Offering\n\n"
    "Brixa Sugar Inc. (the “Company”) closed its offering of debentures. The Company will use the "
    "proceeds to repay the credit facility of Vornhal Refining Inc. (“Vornhal”), a subsidiary of the "
    "Company. Vornhal operates two refineries.\n\n"
    "About Brixa Sugar\n\nBrixa Sugar Inc. refines sugar through Vornhal."
)


def test_a_subsidiary_of_the_issuer_is_no_issuer():
    from nlp.pipeline.issuers import subsidiary_names

    assert subsidiary_names(SUBSIDIARY) == {"vornhal refining inc.", "vornhal"}
    # a company described as another's subsidiary may be the issuer itself
    assert subsidiary_names("Brixa Funding LLC, a wholly-owned subsidiary of Vornhal Corp., priced notes") == set()
    nlp, _ = _fitted()
    guesses = [("Brixa Sugar Inc.", "ISSUER", 1), ("Vornhal Refining Inc.", "ISSUER", 1)] + [
        ("Vornhal", "ISSUER", k) for k in (2, 3, 4)]
    doc = nlp.get_pipe("rules_issuers")(doc_with_guesses(nlp, SUBSIDIARY, *guesses))
    issuers = {e.text for e in doc.ents if e.label_ == "ISSUER"}
    assert "Brixa Sugar Inc." in issuers and not any("Vornhal" in name for name in issuers)


def test_an_issuer_the_recognizer_names_by_its_initials_keeps_its_full_name():
    # the scorer accepts no name; the recognizer's most frequent guess is the abbreviation, and the
    # name written in full is a mention of it, not a stray
    nlp, resolver = _fitted()
    resolver.cfg["threshold"] = 1.01
    text = ("Plover Ridge Resources Corp. (“PRRC”) Reports\n\nPRRC grew. PRRC drilled. "
            "Plover Ridge Resources Corp. will grow.")
    doc = doc_with_guesses(nlp, text, ("PRRC", "ISSUER"), ("PRRC", "ISSUER", 2), ("PRRC", "ISSUER", 3),
                           ("Plover Ridge Resources Corp.", "ISSUER", 2))
    issuers = [e.text for e in resolver(doc).ents if e.label_ == "ISSUER"]
    assert issuers == ["PRRC", "PRRC", "PRRC", "Plover Ridge Resources Corp."]


def test_a_ticker_is_no_issuer_mention():
    # the guide marks the company's initials as its mention, never its ticker
    nlp, resolver = _fitted()
    text = ("Fenwick Copper Mining Closes Placement\n\nTORONTO — Fenwick Copper Mining Inc. (CSE: FCM) "
            "(“FCM” or the “Company”) closed a placement. FCM grew. Its shares trade under the symbol “FCM.”\n\n"
            "About Fenwick Copper Mining\n\nFenwick Copper Mining is an exploration company.")
    doc = doc_with_guesses(nlp, text, *[("FCM", "ISSUER", nth) for nth in (1, 2, 3, 4)])
    found = [e.start_char for e in resolver(doc).ents if e.text == "FCM" and e.label_ == "ISSUER"]
    assert found == [text.index("FCM”"), text.index("FCM grew")]


def test_an_issuer_name_opening_in_lower_case_is_a_candidate():
    nlp, resolver = _fitted()
    unseen = _record("iQuill Mining", "CSE", "IQM", "Brennick Capital")
    found = {(e.start_char, e.end_char) for e in nlp(unseen.text).ents if e.label_ == "ISSUER"}
    assert found == {(e.start, e.end) for e in unseen.entities}


def test_a_title_guess_on_the_issuers_name_becomes_an_issuer_mention():
    nlp, resolver = _fitted()
    unseen = _record(*COMPANIES[5])
    text = unseen.text + " Fenwick Copper's Chief Executive Officer agreed."
    doc = doc_with_guesses(nlp, text, ("Fenwick Copper", "TITLE", 3), ("Chief Executive Officer", "TITLE"))
    found = {(e.start_char, e.label_) for e in resolver(doc).ents}
    assert (char_offsets(text, "Fenwick Copper", 3)[0], "ISSUER") in found
    assert (text.index("Chief Executive Officer"), "TITLE") in found


@pytest.mark.parametrize("text, expected", [
    # a subsidiary's or a product's name opened by the issuer's
    ("with its subsidiaries Vornhal Texas and Vornhal Grid", False),
    ("the Vornhal Coach platform", False),
    # a verb, a title, a part of the issuer, a security, a company word or the name again
    ("Vornhal Reports Results", True), ("the Vornhal Board", True), ("Vornhal CEO Jane Roe", True),
    ("Vornhal Investor Relations", True), ("Vornhal Class A Common Stock", True),
    ("Vornhal Pharmaceuticals AG", True), ("About Vornhal Vornhal is", True),
    ("About Vornhal Vornhal’s platform", True), ("About Vornhal Vornhal's platform", True),
    # after a period a new sentence may start
    ("Vornhal Inc. Shares rose.", True),
])
def test_a_name_running_on_into_another_name_is_told_apart(text, expected):
    from nlp.pipeline.issuers import part_of_longer_name

    name = "Vornhal Inc." if "Inc." in text else "Vornhal"
    start, end = char_offsets(text, name)
    assert part_of_longer_name(text, start, end) is not expected


def test_the_issuers_name_opening_a_subsidiarys_is_no_mention_outside_a_headline():
    nlp, resolver = _fitted()
    text = ("Brixa Mining Names New CFO\n\nTORONTO — Brixa Mining Inc. named a CFO. With its subsidiaries "
            "Brixa Texas and Brixa Grid, Brixa serves the region.")
    guesses = [("Brixa Mining", "ISSUER"), ("Brixa Mining Inc.", "ISSUER")] + [("Brixa", "ISSUER", k) for k in (3, 4, 5)]
    doc = resolver(doc_with_guesses(nlp, text, *guesses))
    found = [e.start_char for e in doc.ents if e.label_ == "ISSUER"]
    assert found == [0, text.index("Brixa Mining Inc."), text.index("Brixa serves")]


@pytest.mark.parametrize("text, name, expected", [
    ("Quillon Biotech® Inc. (NASDAQ: QBXR) grew.", "Quillon Biotech", "Quillon Biotech® Inc."),
    ("Statements of Operations\nQUILLON BIOTECH, INC. AND SUBSIDIARIES", "QUILLON BIOTECH", "QUILLON BIOTECH, INC."),
    # the name ends at a suffix written with its period
    ("Filed with the SEC.\n\nQuillon Biotech, Inc. Company Contact", "Quillon Biotech", "Quillon Biotech, Inc."),
])
def test_a_mention_of_the_issuer_takes_a_suffix_after_a_mark_or_in_capitals(text, name, expected):
    from nlp.pipeline.issuers import IssuerResolver

    doc = spacy.blank("en").make_doc(text)
    start = text.index(name)
    ents = IssuerResolver._label_mentions(doc, text, [], [(start, start + len(name))])
    assert [e.text for e in ents] == [expected]


@pytest.mark.parametrize("text, guess, expected", [
    ("QUILLON NAMES INTERIM CFO\n\nQuillon named one.", "QUILLON NAMES INTERIM", "QUILLON"),
    ("It bought shares of Quillon Class A Common Stock.", "Quillon Class A Common Stock", "Quillon"),
    # company words go on the name: the guess stays whole
    ("Shares of Quillon Pharmaceuticals rose.", "Quillon Pharmaceuticals", "Quillon Pharmaceuticals"),
])
def test_an_issuer_guess_running_on_past_the_name_into_a_verb_or_security_is_cut_to_it(text, guess, expected):
    from nlp.pipeline.issuers import IssuerResolver

    doc = doc_with_guesses(spacy.blank("en"), text, (guess, "ISSUER"))
    start = text.index(guess)
    name_end = start + len(guess.split()[0])
    ents = IssuerResolver._label_mentions(doc, text, list(doc.ents), [(start, name_end)])
    assert [e.text for e in ents] == [expected]


def test_the_founder_a_company_is_named_after_is_an_officer_where_an_officer_phrase_names_him():
    nlp, resolver = _fitted()
    text = ("Quillon Lafren Inc. Reports Growth\n\nNEW YORK — Quillon Lafren Inc. (NYSE: QLF) grew. "
            "“We grew,” said Quillon Lafren, Executive Chairman. Quillon Lafren Inc. sells coats.")
    doc = resolver(doc_with_guesses(nlp, text, ("Quillon Lafren Inc.", "ISSUER", 2), ("Quillon Lafren", "ISSUER", 3)))
    found = [(e.text, e.label_) for e in doc.ents]
    assert ("Quillon Lafren", "OFFICER") in found and found.count(("Quillon Lafren Inc.", "ISSUER")) >= 2


@pytest.mark.parametrize("text, expected", [
    # a brand written in lower case, which opens sentences so
    ("Vorn Appoints CEO\n\nTORONTO — iquill, a payments firm, named a CEO. iquill has grown.\n\nAbout iquill\n\n"
     "iquill, Corp makes software.", {"iquill"}),
    # the magazine before its list is no company; nor is a common word
    ("Vorn made the prestigious Inc. 5000 list. Through its journalism, Inc. aims to inform.", set()),
])
def test_a_name_written_in_lower_case_is_a_candidate_where_it_opens_a_sentence(text, expected):
    from nlp.pipeline.issuers import doc_candidates

    keys = {key for key, _, _ in doc_candidates(spacy.blank("en").make_doc(text), text)}
    assert keys & {"iquill", "prestigious", "journalism"} == expected


COMMON_WORD = (
    "Brixa Mining Launches Fan Rewards\n\n"
    "TORONTO — Brixa Mining Inc. (CSE: BRX) launched Fan Rewards, which gives every fan of its "
    "tours a gift. Fan Rewards opens today.\n\nAbout Brixa Mining\n\nBrixa Mining is an exploration company."
)


def test_a_common_word_the_text_also_writes_in_lower_case_is_no_issuer():
    nlp, _ = _fitted()
    # the recognizer took the capitalized "Fan" for the issuer at every mention
    guesses = [("Fan", "ISSUER", k) for k in (1, 2, 3)]
    doc = nlp.get_pipe("rules_issuers")(doc_with_guesses(nlp, COMMON_WORD, *guesses))
    issuers = {e.text for e in doc.ents if e.label_ == "ISSUER"}
    assert "Fan" not in issuers and "Brixa Mining" in issuers


def test_a_common_word_opening_a_legal_name_stays_a_candidate():
    text = ("Brixa Launches Night Tours\n\nTORONTO — Brixa Mining Inc. (CSE: BRX) launched tours that "
            "visitors reach by brixa shuttle. Brixa will expand them.\n\nAbout Brixa\n\nBrixa is an exploration company.")
    nlp, _ = _fitted()
    doc = nlp.get_pipe("rules_issuers")(doc_with_guesses(nlp, text, ("Brixa", "ISSUER", 1)))
    assert "Brixa" in {e.text for e in doc.ents if e.label_ == "ISSUER"}


def test_a_common_word_opening_the_issuers_name_stays_its_short_form():
    text = ("Brixa Mining Opens Night Tours\n\nTORONTO — Brixa Mining (CSE: BRX) opened tours that "
            "visitors reach by brixa shuttle. Brixa will expand them.\n\nAbout Brixa Mining\n\n"
            "Brixa Mining is an exploration company.")
    nlp, _ = _fitted()
    doc = nlp.get_pipe("rules_issuers")(doc_with_guesses(nlp, text, ("Brixa", "ISSUER", 3)))
    assert "Brixa" in {e.text for e in doc.ents if e.label_ == "ISSUER"}


def _exhibit_doc(text):
    """A doc in the shipped tokenizer, which splits a word's digits from the letters after them."""
    from nlp.tokenizer import SHIPPED_TOKENIZER

    nlp = spacy.blank("en")
    nlp.tokenizer = spacy.util.registry.tokenizers.get(SHIPPED_TOKENIZER)()(nlp)
    return nlp.make_doc(text)


def test_a_name_with_a_digit_inside_a_word_stays_whole():
    from nlp.pipeline.issuers import doc_candidates

    doc = _exhibit_doc("Q4ntum Grid Expands\n\nQ4ntum Grid, a maker of lamps, today announced a plant.")
    assert [t.text for t in doc][:2] == ["Q4", "ntum"]  # what the candidates must join again
    cores = {core for _, core, _ in doc_candidates(doc, doc.text)}
    assert "Q4ntum Grid" in cores and "Grid" not in cores


def test_a_name_may_open_with_a_number_but_not_with_a_year():
    from nlp.pipeline.issuers import doc_candidates

    doc = _exhibit_doc("48 Quarry Labs Joins Forum\n\n48 Quarry Labs said its 2025 Annual Meeting went well.")
    cores = {core for _, core, _ in doc_candidates(doc, doc.text)}
    assert "48 Quarry Labs" in cores
    assert not any(core.startswith("2025") for core in cores) and "Annual Meeting" in cores


def test_a_number_glued_to_a_name_word_opens_the_name():
    from nlp.pipeline.issuers import doc_candidates

    doc = _exhibit_doc("About 7Quarry\n\n7Quarry, a maker of lamps, today announced a plant in 2025Vantor Park.")
    assert [t.text for t in doc][1:3] == ["7", "Quarry"]  # split by the tokenizer, joined again
    cores = {core for _, core, _ in doc_candidates(doc, doc.text)}
    assert "7Quarry" in cores and not any(core.startswith("2025") for core in cores)


def test_a_lead_sentence_subject_described_before_its_verb_is_a_feature():
    from nlp.pipeline.issuers import _occurrences, name_features

    text = ("Vantor Grid Brings Lamps to Halvex\n\n"
            "Vantor Grid, Inc. (the “Company”), the pioneer of solid lamps for Halvex, today announced a kit. "
            "Halvex, based in Ohio. The board, which met in May, announced nothing.")
    subject = name_features(text, "Vantor Grid", _occurrences(text, "Vantor Grid"))
    partner = name_features(text, "Halvex", _occurrences(text, "Halvex"))
    assert subject[11] == 1.0
    # a description that ends its sentence is no subject's ("Halvex, based in Ohio. The board, ...")
    assert partner[11] == 0.0


def test_a_scorer_fitted_before_the_subject_feature_still_scores_names():
    from nlp.pipeline.issuers import IssuerResolver

    resolver = IssuerResolver()
    resolver.cfg["weights"] = [1.0] * 11
    resolver.cfg["bias"] = -1.0
    features = numpy.ones(12, dtype="float32")
    features[11] = 50.0  # read by a scorer with 12 weights only
    assert resolver.name_probability(features) == pytest.approx(1 / (1 + numpy.exp(-10.0)))


def test_a_dateline_place_is_no_lead_sentence_subject():
    from nlp.pipeline.issuers import _occurrences, name_features

    for dateline in ("HALVERTON, Ohio, May 5, 2025 /Wire Service/ -- ", "Halverton, May 5, 2025 - ",
                     "Halverton, Ohio – May 5, 2025—"):
        text = dateline + "Vantor Grid, the pioneer of solid lamps, today announced a kit in Halverton."
        place = dateline.split(",")[0]
        assert name_features(text, place, _occurrences(text, place))[11] == 0.0, dateline
        assert name_features(text, "Vantor Grid", _occurrences(text, "Vantor Grid"))[11] == 1.0, dateline


@pytest.mark.parametrize("guess", [None, "Fenwick CopperFenwick Copper"])
def test_the_issuers_name_printed_twice_without_a_space_is_two_mentions(guess):
    # "About Fenwick Copper" run into its paragraph "Fenwick Copper is ..." by text extraction;
    # the halves are mentions also where the recognizer took them for one name
    from nlp.tokenizer import SHIPPED_TOKENIZER

    nlp, _ = _fitted()
    nlp.tokenizer = spacy.util.registry.tokenizers.get(SHIPPED_TOKENIZER)()(nlp)  # splits the glued words
    text = _record(*COMPANIES[5]).text.replace("About Fenwick Copper\n\n", "About Fenwick Copper")
    guesses = [("Fenwick Copper", "ISSUER")] + ([(guess, "ISSUER")] if guess else [])
    doc = nlp.get_pipe("rules_issuers")(doc_with_guesses(nlp, text, *guesses))
    glued = text.index("CopperFenwick") + len("Copper")
    found = {(e.start_char, e.end_char) for e in doc.ents if e.label_ == "ISSUER"}
    assert {(glued - len("Fenwick Copper"), glued), (glued, glued + len("Fenwick Copper"))} <= found
