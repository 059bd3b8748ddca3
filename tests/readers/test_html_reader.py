from __future__ import annotations

import socket
from pathlib import Path

from nlp.readers import read_html_exhibit
from nlp.readers.html import html_to_text, looks_like_html

INPUTS = Path(__file__).resolve().parents[1] / "data" / "inputs"


def test_html_exhibit_becomes_readable_text_without_script_or_style():
    item = read_html_exhibit(INPUTS / "ante_ex99-1.htm")
    assert item.id == "ante_ex99-1" and item.meta == {}
    text = item.text
    assert text.startswith("AirNet Technology Completes $180M Offering\n\nAirNet Technology Inc. (Nasdaq: ANTE)")
    assert "80,826,225 of its ordinary shares" in text
    assert "said Dan Shao, CEO of AirNet." in text  # unclosed <b> and a stray </div> do not glue words
    assert "Investor Relations  ir@airnet.example" in text  # table cells stay apart
    for hidden in ("dataLayer", "function", "margin", "font-weight", "<", ">"):
        assert hidden not in text
    assert not any(line != line.rstrip() for line in text.splitlines())


def test_conversion_fetches_nothing(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("network used")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    html = ('<html><head><link rel="stylesheet" href="http://example.com/a.css"></head>'
            '<body><img src="http://example.com/logo.png"><p>Exhibit 99.1</p></body></html>')
    assert html_to_text(html) == "Exhibit 99.1"


def test_looks_like_html():
    assert looks_like_html('<?xml version="1.0"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0//EN">\n<html>')
    assert looks_like_html("\n<HTML>\n<BODY>")
    assert not looks_like_html("EXHIBIT 32.1\nSection 1350 Certification")
    assert not looks_like_html("<PAGE>\n   EXHIBIT 31.1")
