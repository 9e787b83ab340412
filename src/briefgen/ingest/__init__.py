"""Reading sources: text, Markdown, web pages, Word and PDF files, and folders of them."""

from briefgen.ingest.files import SUPPORTED_SUFFIXES, expand_paths, read_source
from briefgen.ingest.text import parse_text

__all__ = ["SUPPORTED_SUFFIXES", "expand_paths", "parse_text", "read_source"]
