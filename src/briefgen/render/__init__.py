"""Rendering a Briefing: Word documents through docxtpl templates, and the structured
points as JSON, YAML or Markdown."""

from briefgen.render.context import briefing_context
from briefgen.render.docx import DEFAULT_TEMPLATE_NAME, default_template, render_docx, save_docx
from briefgen.render.summary import SCHEMA, format_summary, summary_data, write_summary
from briefgen.render.templates import SHIPPED, copy_template, find_template

__all__ = [
    "DEFAULT_TEMPLATE_NAME",
    "SCHEMA",
    "SHIPPED",
    "briefing_context",
    "copy_template",
    "default_template",
    "find_template",
    "format_summary",
    "render_docx",
    "save_docx",
    "summary_data",
    "write_summary",
]
