"""Segmentation: a page's text → its articles (main and related), with their datelines, outlets, credits,
sections and truncation."""

from marsad.segment.assemble import assemble
from marsad.segment.page import Draft, segment_text

__all__ = ["Draft", "assemble", "segment_text"]
