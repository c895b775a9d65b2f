"""Marsad: Arabic news in, structured intelligence out."""

__version__ = "0.1.0"
