"""The briefing as HTML, Markdown or plain text: previews from the same context.

``templates/briefing.html``, ``briefing.md`` and ``briefing.txt`` are Jinja2 templates
fed the context every Word template gets (:mod:`briefgen.render.context`). The HTML
is one self-contained file (its CSS inside) that reads on a phone; everything from a
source is escaped in HTML and Markdown alike, and no template can reach Python.
"""

from __future__ import annotations

import re
from pathlib import Path

from briefgen._io import write_atomic
from briefgen.errors import RenderError
from briefgen.model import Briefing
from briefgen.render.context import briefing_context
from briefgen.render.docx import xml_safe
from briefgen.render.templates import shipped_file

FORMATS = ("html", "md", "txt")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def _md(text: object) -> str:
    """Source text as Markdown shows it: no link, tag or emphasis of its own."""
    return _MD_SPECIAL.sub(r"\\\1", str(text))


def render_text(briefing: Briefing, format: str, template: str | Path | None = None) -> str:
    """The briefing as ``html``, ``md`` or ``txt``; ``template`` replaces the shipped
    ``templates/briefing.<format>``."""
    import jinja2
    from jinja2.sandbox import SandboxedEnvironment

    if format not in FORMATS:
        raise RenderError(f"unknown format {format!r}: use one of {', '.join(FORMATS)}")
    if not briefing.metadata.translated:
        raise RenderError(
            "this briefing was not translated; for its points without English use "
            "'briefgen summarize' (briefing.to_summary())"
        )
    path = Path(template) if template else shipped_file(f"briefing.{format}")
    try:
        source = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RenderError(f"{path}: cannot read the template ({exc})") from exc
    env = SandboxedEnvironment(
        undefined=jinja2.StrictUndefined,
        autoescape=format == "html",
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = _md
    try:
        text = env.from_string(source).render(xml_safe(briefing_context(briefing)))
    except jinja2.TemplateError as exc:
        raise RenderError(f"{path}: template error: {exc}") from exc
    return re.sub(r"\n{3,}", "\n\n", text)  # blocks that rendered nothing leave no gaps


def save_text(
    briefing: Briefing, path: str | Path, format: str, template: str | Path | None = None
) -> Path:
    """Render and write atomically; returns the path written."""
    data = render_text(briefing, format, template).encode("utf-8")
    try:
        return write_atomic(path, data)
    except OSError as exc:
        raise RenderError(f"{path}: cannot write ({exc.strerror or exc})") from exc
