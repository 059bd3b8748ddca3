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


def test_an_investment_companys_report_form():
    text = "The undersigned hereby certifies that the Fund's Report on Form N-CSR and its Form N-CSRS/A comply."
    assert _names(text) == ["Report on Form N-CSR", "Form N-CSRS/A"]


def test_no_report_outside_a_certification():
    assert _names("The company reported second quarter earnings on its Form 10-Q and Form 8-K.") == []


def test_a_report_guess_goes_in_an_exhibit_that_certifies_nothing():
    from conftest import after_step

    release = "Quillon Mining Inc. grew. See the risk factors in its Annual Report on Form 10-K for 2030."
    assert after_step("reports", release, ("Annual Report on Form 10-K", "REPORT")) == set()
    # a certification made under the law's name, with no "certify", keeps it
    certified = ("Pursuant to Section 906 of the Sarbanes-Oxley Act, the committee certified that the "
                 "Annual Report on Form 11-K of the Plan fully complies.")
    assert after_step("reports", certified, ("Annual Report on Form 11-K", "REPORT")) == {
        ("Annual Report on Form 11-K", "REPORT")}
