"""Corpus assembly, company-grouped splits and model training for exhibit-nlp."""
