"""spaCy components: exhibit_officers, exhibit_agents, exhibit_amounts, exhibit_registrants,
exhibit_reports, exhibit_mentions, exhibit_issuers, exhibit_signature_titles, exhibit_sale_context,
exhibit_normalizer, exhibit_segmenter, exhibit_relations, and the relation rules exhibit_certifies,
exhibit_price_of, exhibit_offers, exhibit_raises and exhibit_block_titles."""
