"""Marsad: Arabic news in, structured intelligence out.

    >>> import marsad
    >>> page = marsad.analyze("…scraped page text…")
    >>> page.articles[0].title
"""

__version__ = "0.1.0"

__all__ = ["analyze", "analyze_many", "analyze_path", "entities", "__version__"]


def __getattr__(name):
    # Lazy: importing marsad loads nothing until a function is used.
    if name in ("analyze", "analyze_many", "analyze_path", "analyze_document"):
        from marsad import pipeline

        return getattr(pipeline, name)
    if name == "entities":
        from marsad.entities import find_entities

        return find_entities
    raise AttributeError(f"module 'marsad' has no attribute {name!r}")
