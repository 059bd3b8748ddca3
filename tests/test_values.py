from __future__ import annotations

from decimal import Decimal

import pytest

from nlp.values import normalize_title, normalize_value, parse_money, parse_quantity, parse_report


@pytest.mark.parametrize(
    "text, amount, currency, scale",
    [
        ("$9 million", "9000000", "USD", "million"),
        ("$9 MILLION", "9000000", "USD", "million"),
        ("$25.0 million", "25000000", "USD", "million"),
        ("$150,000,000", "150000000", "USD", None),
        ("$13.1 Billion", "13100000000", "USD", "billion"),
        ("CAD $316,000", "316000", "CAD", None),
        ("C$0.10", "0.10", "CAD", None),
        ("US$5 million", "5000000", "USD", "million"),
        ("A$1.2\nmillion", "1200000", "AUD", "million"),
        ("€10 million", "10000000", "EUR", "million"),
        ("NOK 41.25", "41.25", "NOK", None),
        ("0.10 CAD", "0.10", "CAD", None),
        ("$0.0001", "0.0001", "USD", None),
    ],
)
def test_money(text, amount, currency, scale):
    money = parse_money(text)
    assert money.amount == Decimal(amount)
    assert (money.currency, money.scale) == (currency, scale)


def test_implausible_scale_is_read_as_written_and_marked():
    money = parse_money("$2,500,000\nmillion")
    assert (money.amount, money.scale, money.implausible_scale) == (Decimal(2500000), None, True)
    assert parse_money("$1,250 million").amount == Decimal(1_250_000_000)  # plausible


def test_money_without_number_or_currency_is_none():
    assert parse_money("approximately") is None
    assert parse_money("1,000") is None


@pytest.mark.parametrize(
    "text, value",
    [("1.5 million", 1_500_000), ("599,333", 599_333), ("4,514,286", 4_514_286),
     # a scale word after a number already in the millions is a slip: read as written
     ("2,996,667  million", 2_996_667), ("2,996,667\nmillion", 2_996_667),
     ("2,996,667\u00a0million", 2_996_667), ("2,996,667", 2_996_667), ("1.5\u202fmillion", 1_500_000)],
)
def test_quantity(text, value):
    assert parse_quantity(text) == value


@pytest.mark.parametrize(
    "text, canonical",
    [
        ("CHIEF FINANCIAL\n              OFFICER", "Chief Financial Officer"),
        ("President & CEO", "President and Chief Executive Officer"),
        ("Chairman of the Board", "Chairman of the Board"),
        ("SVP, General Counsel", "Senior Vice President, General Counsel"),
    ],
)
def test_title(text, canonical):
    assert normalize_title(text) == canonical


@pytest.mark.parametrize(
    "text, form, amended",
    [
        ("Annual Report on Form 10-K", "10-K", False),
        ("Form 10-K/A", "10-K/A", True),
        ("Quarterly Report on Form\n10-Q", "10-Q", False),
        ("annual report on Form 20-F", "20-F", False),
        ("Form 10-KSB", "10-KSB", False),
    ],
)
def test_report(text, form, amended):
    report = parse_report(text)
    assert (report.form, report.amendment, report.canonical) == (form, amended, f"Form {form}")


def test_normalize_value_by_label():
    assert normalize_value("AMOUNT", "$9 million")["amount"] == "9000000"
    assert normalize_value("QUANTITY", "1.5 million") == 1_500_000
    assert normalize_value("REPORT", "Form 10-K/A")["canonical"] == "Form 10-K/A"
    assert normalize_value("ISSUER", "Innovo\nGroup  Inc.") == "Innovo Group Inc."
