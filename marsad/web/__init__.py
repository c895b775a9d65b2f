"""Marsad's web observatory: FastAPI JSON API, server-rendered RTL pages, read-only over the store."""

from marsad.web.app import create_app

__all__ = ["create_app"]
