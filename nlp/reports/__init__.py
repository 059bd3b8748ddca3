"""Evaluation reports for people: report dicts (nlp.evaluation, training.cross_validate) become a
list of headings, paragraphs and tables (`document`), which each renderer writes as a terminal
table, Markdown or HTML; `html.evaluation_page` draws one system's report with score bars, a
shaded confusion matrix and the documents' differences marked (docs/reports.md)."""
