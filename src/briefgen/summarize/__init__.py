"""Choosing what a briefing says: lede and key points per section."""

from briefgen.summarize.extractive import summarize

__all__ = ["summarize"]
