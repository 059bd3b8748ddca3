"""spaCy components: exhibit_mentions, exhibit_issuers, exhibit_normalizer, exhibit_segmenter,
exhibit_relations."""
