"""Marsad: Arabic news in, structured intelligence out.

    >>> import marsad
    >>> page = marsad.analyze("…scraped page text…")
    >>> page.articles[0].title
"""

__version__ = "0.1.0"

__all__ = ["analyze", "analyze_many", "analyze_path", "entities", "events", "quotes", "__version__"]


def __getattr__(name):
    # Lazy: importing marsad loads nothing until a function is used.
    if name in ("analyze", "analyze_many", "analyze_path", "analyze_document"):
        from marsad import pipeline

        return getattr(pipeline, name)
    if name in ("entities", "quotes", "events"):
        # Callable stage packages: marsad.entities(text), marsad.quotes(article), marsad.events(article).
        import importlib

        return importlib.import_module(f"marsad.{name}")
    raise AttributeError(f"module 'marsad' has no attribute {name!r}")
