"""The briefing as HTML, Markdown or plain text: previews from the same context.

``templates/briefing.html``, ``briefing.md`` and ``briefing.txt`` are Jinja2 templates
fed the context every Word template gets (:mod:`briefgen.render.context`). The HTML
is one self-contained file (its CSS inside) that reads on a phone; everything from a
source is escaped in HTML and Markdown alike, and no template can reach Python, nor
run past the sandbox's limits (:mod:`briefgen.render.sandbox`). Any failure while
rendering is one :class:`~briefgen.errors.TemplateError` naming the template and line.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

from briefgen._io import write_atomic
from briefgen.errors import RenderError
from briefgen.model import Briefing
from briefgen.render.context import briefing_context
from briefgen.render.docx import xml_safe
from briefgen.render.summary import md_escape
from briefgen.render.templates import find_template

FORMATS = ("html", "md", "txt")
MAX_TEMPLATE_BYTES = 1_000_000  # the shipped ones are a few kB; 1 MB of tags compiles in 6 s


def environment(format: str) -> Any:
    """The sandboxed Jinja2 environment a text template renders in (autoescape for html);
    a new one for each briefing, as its limits count one briefing's work."""
    import jinja2

    from briefgen.render.sandbox import BoundedSandbox

    env = BoundedSandbox(
        undefined=jinja2.StrictUndefined,
        autoescape=format == "html",
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = md_escape
    return env


def check_text_template(template: str | Path, format: str) -> Path:
    """The template's path once it is known to be a readable Jinja2 text template for
    ``format`` (a Word .docx is refused), checked before any work."""
    import jinja2

    from briefgen.render.sandbox import template_error

    path = find_template(template)
    if path.is_file() and zipfile.is_zipfile(path):
        raise RenderError(f"{path}: a Word template makes .docx files, not a .{format} preview")
    try:
        environment(format).parse(_template_source(path))
    except jinja2.TemplateSyntaxError as exc:
        raise template_error(path, exc) from exc
    return path


def _template_source(path: Path) -> str:
    try:
        if path.stat().st_size > MAX_TEMPLATE_BYTES:
            limit = MAX_TEMPLATE_BYTES // 1_000_000
            raise RenderError(f"{path}: is larger than {limit} MB; not a template")
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RenderError(f"{path}: cannot read the template ({exc})") from exc


def render_text(briefing: Briefing, format: str, template: str | Path | None = None) -> str:
    """The briefing as ``html``, ``md`` or ``txt``; ``template`` replaces the shipped
    ``templates/briefing.<format>``. It carries briefgen's mark (:mod:`briefgen._mark`).
    :class:`~briefgen.errors.TemplateError` when the template fails in any way."""
    from briefgen.render.sandbox import template_error

    if format not in FORMATS:
        raise RenderError(f"unknown format {format!r}: use one of {', '.join(FORMATS)}")
    if not briefing.metadata.translated:
        raise RenderError(
            "this briefing was not translated; for its points without English use "
            "'briefgen summarize' (briefing.to_summary())"
        )
    path = (
        check_text_template(template, format) if template else find_template(f"briefing.{format}")
    )
    source = _template_source(path)
    context = xml_safe(briefing_context(briefing))
    try:
        text = environment(format).from_string(source).render(context)
    except Exception as exc:  # whatever the template did: {{ 1/0 }} as much as a limit
        raise template_error(path, exc) from exc
    from briefgen._mark import stamp_text

    text = re.sub(r"\n{3,}", "\n\n", text)  # blocks that rendered nothing leave no gaps
    return stamp_text(text, format, len(briefing.sources))  # never read back as a source


def save_text(
    briefing: Briefing, path: str | Path, format: str, template: str | Path | None = None
) -> Path:
    """Render and write atomically; returns the path written."""
    data = render_text(briefing, format, template).encode("utf-8")
    try:
        return write_atomic(path, data)
    except OSError as exc:
        raise RenderError(f"{path}: cannot write ({exc.strerror or exc})") from exc
