"""Readers and writers: guide JSONL, spaCy Doc/DocBin, Hugging Face datasets."""
