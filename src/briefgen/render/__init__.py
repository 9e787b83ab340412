"""Rendering a Briefing: Word documents through docxtpl templates."""

from briefgen.render.context import briefing_context
from briefgen.render.docx import DEFAULT_TEMPLATE_NAME, default_template, render_docx, save_docx

__all__ = [
    "DEFAULT_TEMPLATE_NAME",
    "briefing_context",
    "default_template",
    "render_docx",
    "save_docx",
]
