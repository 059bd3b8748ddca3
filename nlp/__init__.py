"""exhibit-nlp: entities and relations from SEC filing exhibits, as a spaCy pipeline."""

__version__ = "0.1.0"
