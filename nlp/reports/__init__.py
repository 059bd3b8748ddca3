"""Evaluation reports for people: report dicts (nlp.evaluation, training.cross_validate) become a
list of headings, paragraphs and tables (`document`), which each renderer writes as a terminal
table, Markdown or a self-contained HTML page."""
