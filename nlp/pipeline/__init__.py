"""spaCy components, in pipeline order: exhibit_structure, exhibit_entity_rules (the entity rule
steps), exhibit_normalizer, exhibit_segmenter, exhibit_relations and exhibit_relation_rules (the
relation rule steps); tok2vec and ner are spaCy's own. docs/pipeline.md explains the order."""
