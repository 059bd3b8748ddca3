"""Certification records: report form, amendment and period; officers with their titles."""
from __future__ import annotations

import pytest

from fact_records import build_record

from nlp.facts import extract_facts
from nlp.facts.periods import find_period


def certification(facts):
    assert facts["record"]["kind"] == "certification"
    return facts["record"]


@pytest.mark.parametrize("text, expected", [
    ("the Quarterly Report on Form 10-Q for the quarter ended June 30, 2024 (the Report)",
     {"text": "quarter ended June 30, 2024", "date": "2024-06-30"}),
    ("for the fiscal year ended\n   December 31, 2023", {"text": "fiscal year ended December 31, 2023",
                                                       "date": "2023-12-31"}),
    ("for the quarterly period ended Sept. 30, 2009", {"text": "quarterly period ended Sept. 30, 2009",
                                                      "date": "2009-09-30"}),
    ("for the three months ended 31 March 2025", {"text": "three months ended 31 March 2025",
                                                  "date": "2025-03-31"}),
    ("for the period ending February 30, 2003", {"text": "period ending February 30, 2003", "date": None}),
    ("for the fiscal year 2023", None),
])
def test_period_phrases(text, expected):
    assert find_period(text) == expected


def test_the_period_nearest_the_report_wins():
    text = ("Compared with the year ended December 31, 2022, as the Annual Report on Form 10-K "
            "for the year ended December 31, 2023 shows")
    assert find_period(text)["date"] == "2022-12-31"  # no report given: the first period
    start = text.index("Annual Report")
    assert find_period(text, start, start + len("Annual Report on Form 10-K"))["date"] == "2023-12-31"


def test_certification_record():
    text = ("CERTIFICATION OF CHIEF EXECUTIVE OFFICER\n\n"
            "I, Jane Q. Doe, certify that: 1. I have reviewed this quarterly report on Form 10-Q "
            "of Acme Corp. for the quarter ended June 30, 2024;\n\n"
            "/s/ Jane Q. Doe\nJANE Q. DOE\nPresident & CEO\nAcme Corp.\n\n"
            "Richard Roe\nChief Financial Officer")
    rec = certification(extract_facts(build_record(
        text,
        [("CHIEF EXECUTIVE OFFICER", "TITLE"), ("Jane Q. Doe", "OFFICER"), ("Form 10-Q", "REPORT"),
         ("Acme Corp.", "ISSUER"), ("Jane Q. Doe#2", "OFFICER"), ("JANE Q. DOE", "OFFICER"),
         ("President & CEO", "TITLE"), ("Acme Corp.#2", "ISSUER"), ("Richard Roe", "OFFICER"), ("Chief Financial Officer", "TITLE")],
        [("Jane Q. Doe", "Form 10-Q", "CERTIFIES"), ("JANE Q. DOE", "President & CEO", "HAS_TITLE"),
         ("JANE Q. DOE", "Acme Corp.#2", "OFFICER_OF"), ("Richard Roe", "Chief Financial Officer", "HAS_TITLE")],
    )))
    assert rec == {
        "kind": "certification",
        "company": "Acme Corp.",
        "report": {"form": "10-Q", "amendment": False,
                   "period": {"text": "quarter ended June 30, 2024", "date": "2024-06-30"}},
        "officers": [
            {"name": "Jane Q. Doe", "titles": ["President and Chief Executive Officer"]},
            {"name": "Richard Roe", "titles": ["Chief Financial Officer"]},
        ],
    }


def test_a_surname_alone_is_the_same_officer():
    text = "I, Jane Q. Doe, Chief Executive Officer, certify the Form 10-K. Signed: Doe"
    rec = certification(extract_facts(build_record(
        text, [("Jane Q. Doe", "OFFICER"), ("Chief Executive Officer", "TITLE"), ("Form 10-K", "REPORT"),
               ("Doe", "OFFICER")],
        [("Jane Q. Doe", "Chief Executive Officer", "HAS_TITLE")],
    )))
    assert rec["officers"] == [{"name": "Jane Q. Doe", "titles": ["Chief Executive Officer"]}]


def test_amendment_stated_before_the_report():
    text = "In connection with Amendment No. 2 to the Annual Report on Form 20-F of Acme plc"
    rec = certification(extract_facts(build_record(text, [("Annual Report on Form 20-F", "REPORT"),
                                                          ("Acme plc", "ISSUER")])))
    assert rec["report"] == {"form": "20-F/A", "amendment": True, "period": None}


def test_the_certified_report_over_an_earlier_mention():
    text = ("Unlike the Form 10-K, the Quarterly Report on Form 10-Q/A for the period ended "
            "March 31, 2008 is certified by Ann Lee.")
    rec = certification(extract_facts(build_record(
        text, [("Form 10-K", "REPORT"), ("Quarterly Report on Form 10-Q/A", "REPORT"), ("Ann Lee", "OFFICER")],
        [("Ann Lee", "Quarterly Report on Form 10-Q/A", "CERTIFIES")],
    )))
    assert rec["report"] == {"form": "10-Q/A", "amendment": True,
                             "period": {"text": "period ended March 31, 2008", "date": "2008-03-31"}}


def test_report_without_an_officer_is_still_a_certification():
    text = "The undersigned certifies the Annual Report on Form 10-K of Acme Corp."
    rec = certification(extract_facts(build_record(text, [("Annual Report on Form 10-K", "REPORT"),
                                                          ("Acme Corp.", "ISSUER")])))
    assert rec["officers"] == [] and rec["company"] == "Acme Corp."
