"""Reading sources: files and directories of UTF-8 ``.txt`` / ``.md``."""

from briefgen.ingest.files import SUPPORTED_SUFFIXES, expand_paths, read_source
from briefgen.ingest.text import parse_text

__all__ = ["SUPPORTED_SUFFIXES", "expand_paths", "parse_text", "read_source"]
