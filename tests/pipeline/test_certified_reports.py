from __future__ import annotations

from nlp.pipeline.certified_reports import report_name_spans


def _names(text):
    return [text[a:b] for a, b in report_name_spans(text)]


def test_report_names_of_a_certification():
    text = ("I, Jane Roe, certify that:\n1. I have reviewed this quarterly report on Form 10-Q of Acme Corp.;\n"
            "the Company's report on Form 10-K and its Form 10-K/A, and the ANNUAL REPORT ON FORM 20-F.")
    assert _names(text) == ["quarterly report on Form 10-Q", "report on Form 10-K", "Form 10-K/A",
                            "ANNUAL REPORT ON FORM 20-F"]


def test_report_names_of_older_certifications_with_the_period_before_or_after_the_form():
    text = ("The undersigned certifies that the Annual Report Form 10-K and the Company's Form 10-QSB "
            "Quarterly Report, like the Annual Report on the Form 20-F and its Form 20-F annual report, comply.")
    assert _names(text) == ["Annual Report Form 10-K", "Form 10-QSB Quarterly Report",
                            "Annual Report on the Form 20-F", "Form 20-F annual report"]


def test_no_report_outside_a_certification():
    assert _names("The company reported second quarter earnings on its Form 10-Q and Form 8-K.") == []
