"""spaCy components, in pipeline order: exhibit_structure, exhibit_entity_rules (the entity rule
steps), exhibit_normalizer (which also sets doc.sents from the segments), exhibit_relations and
exhibit_relation_rules (the relation rule steps); tok2vec, ner and textcat (the exhibit's kind)
are spaCy's own. docs/pipeline.md explains the order. exhibit_segmenter remains for pipelines
saved with it."""
