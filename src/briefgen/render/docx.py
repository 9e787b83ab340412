"""Word output: a .docx template with Jinja2 tags, rendered by docxtpl.

Output is deterministic: core properties come from the briefing, and the zip is
rewritten with fixed timestamps, so the same briefing gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import re
import zipfile
import zlib
from collections import Counter
from pathlib import Path
from typing import Any

from briefgen._io import write_atomic
from briefgen.errors import RenderError
from briefgen.languages import language_name
from briefgen.model import Briefing
from briefgen.render.context import briefing_context, date_text
from briefgen.render.templates import find_template

DEFAULT_TEMPLATE_NAME = "briefing.docx"
_ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


def default_template() -> Path:
    """The shipped default template (``briefing``)."""
    return find_template(None)


def check_word_template(path: Path) -> None:
    """Refuse a Word template that is no ZIP archive, or one the limits of
    :mod:`briefgen._zip` refuse (a zip bomb), before docxtpl unpacks it."""
    from briefgen._zip import archive_problem

    try:
        with zipfile.ZipFile(path) as archive:
            problem = archive_problem(archive)
    except (OSError, EOFError, zipfile.BadZipFile, zlib.error) as exc:
        raise RenderError(f"{path}: not a usable .docx template ({exc})") from exc
    if problem:
        raise RenderError(f"{path}: {problem}")


def render_docx(briefing: Briefing, template: str | Path | None = None) -> bytes:
    """The briefing as the bytes of a .docx file; ``template`` is a shipped template's
    name (``briefing``, ``compact``, ``parallel``) or a .docx path (``None``: briefing)."""
    import jinja2
    from docx.opc.exceptions import PackageNotFoundError
    from docxtpl import DocxTemplate

    from briefgen.render.sandbox import BoundedSandbox, template_error

    template_path = find_template(template)
    check_word_template(template_path)
    # A template may come from anyone: sandboxed, so it can read the context but
    # not reach Python through it ({{ ''.__class__.__mro__ }}), nor run past the
    # sandbox's limits (briefgen.render.sandbox).
    env = BoundedSandbox(undefined=jinja2.StrictUndefined, autoescape=True)
    try:
        document = DocxTemplate(str(template_path))
        context = xml_safe(briefing_context(briefing))
        context["timeline_picture"] = _timeline_picture(document, briefing)
        for source in context["sources"]:
            source["origin_link"] = _origin_link(document, source)
        document.render(context, jinja_env=env, autoescape=True)
    except jinja2.TemplateError as exc:
        tag = _offending_tag(template_path, exc, env)
        raise template_error(template_path, exc, tag, lines=False) from exc
    except (PackageNotFoundError, zipfile.BadZipFile) as exc:
        raise RenderError(f"{template_path}: not a usable .docx template ({exc})") from exc
    except Exception as exc:  # an expression in the template failed, e.g. {{ 1/0 }}
        raise template_error(template_path, exc, lines=False) from exc

    _east_asian_language(document.docx, briefing)
    props = document.docx.core_properties
    stamp = dt.datetime.combine(briefing.date, dt.time())
    props.title = xml_safe(briefing.title)
    props.subject = xml_safe(f"{briefing.title}, {date_text(briefing.date)}")
    languages = sorted({language_name(s.language) for s in briefing.sources})
    props.keywords = "; ".join(["briefing", *languages])
    props.category = xml_safe(briefing.classification)
    props.author = props.last_modified_by = xml_safe(briefing.author) or "briefgen"
    props.created = props.modified = stamp
    props.revision = 1
    props.comments = ""
    raw = io.BytesIO()
    document.save(raw)
    return _normalize_zip(raw.getvalue(), briefing)


# The language East Asian text is marked with, and a font for it that Word has on
# Windows and macOS (LibreOffice substitutes Noto CJK on Linux).
EAST_ASIAN = {
    "ja": ("ja-JP", "Yu Gothic"),
    "zh": ("zh-CN", "Microsoft YaHei"),
    "ko": ("ko-KR", "Malgun Gothic"),
}


def _east_asian_language(document: Any, briefing: Briefing) -> None:
    """Mark East Asian text with the briefing's commonest CJK source language (the
    shipped templates say Japanese), so Word picks the right glyphs and proofing."""
    from docx.oxml.ns import qn

    counts = Counter(s.language for s in briefing.sources if s.language in EAST_ASIAN)
    if not counts:
        return
    language, font = EAST_ASIAN[counts.most_common(1)[0][0]]
    if language == "ja-JP":
        return  # what the templates already say
    styles = document.styles.element
    for lang in styles.iter(qn("w:lang")):
        if lang.get(qn("w:eastAsia")):
            lang.set(qn("w:eastAsia"), language)
    for fonts in styles.iter(qn("w:rFonts")):
        if fonts.get(qn("w:eastAsia")):
            fonts.set(qn("w:eastAsia"), font)


def _origin_link(document: Any, source: dict[str, Any]) -> Any:
    """Where the source came from, as text for ``{{r source.origin_link }}``: a working
    hyperlink when it is a URL."""
    from docxtpl import RichText

    link = RichText()
    if source["origin_url"]:
        url_id = document.build_url_id(source["origin_url"])
        link.add(source["origin_name"], url_id=url_id, color="1F5F8F", underline=True)
    else:
        link.add(source["origin_name"])
    return link


def _timeline_picture(document: Any, briefing: Briefing) -> Any:
    """The timeline as a picture 16 cm wide with its alt text, or "" when the briefing
    has fewer than three dated events."""
    events = briefing.timeline
    from briefgen.render.chart import MIN_EVENTS, dated

    if len(dated(events)) < MIN_EVENTS:
        return ""  # Pillow is not even imported
    from docx.shared import Cm
    from docxtpl import InlineImage

    from briefgen.render.chart import describe, timeline_png

    png = timeline_png(events, original_labels=any(s.language != "en" for s in briefing.sources))

    class _Described(InlineImage):  # type: ignore[misc]
        def _insert_image(self) -> str:
            xml: str = super()._insert_image()
            alt = describe(events).replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
            return re.sub(r"(<wp:docPr [^>]*?)(/?>)", rf'\1 descr="{alt}"\2', xml, count=1)

    return _Described(document, io.BytesIO(png or b""), width=Cm(16))


_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)
_BLOCK_ENDS = {"for": "endfor", "if": "endif", "with": "endwith", "macro": "endmacro",
               "filter": "endfilter", "block": "endblock"}  # fmt: skip


def _offending_tag(template: Path, error: Exception, env: Any) -> str | None:
    """The tag of ``template`` an error comes from, as written, for the message."""
    import jinja2

    try:
        with zipfile.ZipFile(template) as archive:
            xml = archive.read("word/document.xml").decode("utf-8")
    except (OSError, KeyError, zipfile.BadZipFile):
        return None
    # Word runs removed (a tag split across runs comes together), entities read (&gt;).
    text = html.unescape(re.sub(r"<[^>]+>", "", xml))
    # docxtpl's own tags ({%p …%}, {%tr …%}, {{r …}}) are Jinja2 once their letters go.
    tags = [re.sub(r"^\{([%{])(?:p|tr|tc|r)? ", r"{\1 ", t) for t in _TAG.findall(text)]
    if isinstance(error, jinja2.UndefinedError):
        name = re.search(r"'([^']+)' (?:is undefined|$)|attribute '([^']+)'", str(error))
        word = name and (name.group(1) or name.group(2))
        return next((t for t in tags if word and re.search(rf"\b{re.escape(word)}\b", t)), None)
    for tag in tags:
        keyword = tag[2:].split(None, 1)[0] if tag.startswith("{%") and tag[2:].split() else ""
        if keyword.startswith(("end", "else", "elif")):
            continue
        closing = f"{{% {_BLOCK_ENDS[keyword]} %}}" if keyword in _BLOCK_ENDS else ""
        try:
            env.from_string(tag + closing)  # compiles too: an unknown filter fails here
        except jinja2.TemplateSyntaxError:
            return tag
    return None


# Characters XML 1.0 forbids. One of them in a source (U+0001 in a title) makes the
# recovering XML parser behind docxtpl silently drop every escaped < and > in the
# document, so they go before rendering.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(value: Any) -> Any:
    """``value`` (strings, lists and dicts of them) without characters XML forbids."""
    if isinstance(value, str):
        return _NOT_XML.sub("", value)
    if isinstance(value, dict):
        return {key: xml_safe(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [xml_safe(item) for item in value]
    return value


def _normalize_zip(data: bytes, briefing: Briefing) -> bytes:
    """Same entries, same order, fixed timestamps and attributes, briefgen's mark
    (:mod:`briefgen._mark`) as custom properties, and the record of the bilingual pairs
    (:mod:`briefgen.render.record`) as a custom XML part: one pass over the zip."""
    from briefgen._mark import stamp_docx_parts
    from briefgen.render.record import add_record

    with zipfile.ZipFile(io.BytesIO(data)) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    parts = add_record(stamp_docx_parts(parts, len(briefing.sources)), briefing)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name, content in parts.items():
            info = zipfile.ZipInfo(name, date_time=_ZIP_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            target.writestr(info, content)
    return out.getvalue()


def save_docx(briefing: Briefing, path: str | Path, template: str | Path | None = None) -> Path:
    """Render and write the .docx atomically; returns the path written."""
    if not briefing.metadata.translated:
        raise RenderError(
            f"{path}: this briefing was not translated, and a Word briefing without its "
            "English would be empty; make it with make_briefing, or summarize_sources(…, "
            "translate=True)"
        )
    data = render_docx(briefing, template)
    try:
        return write_atomic(path, data)
    except OSError as exc:
        raise RenderError(f"{path}: cannot write ({exc.strerror or exc})") from exc
