"""spaCy components: exhibit_segmenter, exhibit_normalizer, exhibit_relations."""
