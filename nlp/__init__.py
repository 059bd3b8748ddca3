"""exhibit-nlp: entities and relations from SEC filing exhibits, as a spaCy pipeline.

The Python API (docs/python-api.md): nlp.load(), nlp.extract(texts), nlp.facts_frame(records).
"""

__version__ = "0.1.0"
__all__ = ["load", "extract", "facts_frame"]


def __getattr__(name: str):
    # imported on first use, so `import nlp` (and every CLI start) stays light
    if name in __all__:
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module 'nlp' has no attribute {name!r}")
