"""Write the shipped Word templates (templates/briefing.docx, compact.docx,
parallel.docx) with python-docx.

The committed .docx files are the source of truth: restyle them in Word freely. This
script is how their first versions were made and how to rebuild them after structural
edits. Tags are docxtpl's Jinja2: ``{%p %}`` paragraph blocks, ``{%tr %}`` table-row loops.

    python scripts/make_template.py
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor, Twips

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
LATIN_FONT = "Calibri"
EAST_ASIAN_FONT = "Yu Gothic"  # 游ゴシック: on every Word since 2016, Windows and Mac


def set_fonts(rpr_parent, east_asian: str = EAST_ASIAN_FONT) -> None:
    rpr = rpr_parent.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_parent.append(rpr)
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attr), LATIN_FONT)
    fonts.set(qn("w:eastAsia"), east_asian)
    # Theme fonts win over named ones in Word: drop them, so the names above apply.
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "en-GB")
    lang.set(qn("w:eastAsia"), "ja-JP")


def style_document(doc) -> None:
    # Document defaults: every run, whatever its style, gets the East Asian font.
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    set_fonts(defaults.find(qn("w:rPrDefault")))
    for name in ("Normal", "Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3"):
        style = doc.styles[name]
        set_fonts(style.element)
    doc.styles["Normal"].font.size = Pt(10.5)
    doc.styles["Heading 1"].paragraph_format.page_break_before = True
    for name, size in (("Heading 1", 18), ("Heading 2", 13), ("Heading 3", 11.5)):
        doc.styles[name].font.size = Pt(size)
        doc.styles[name].font.color.rgb = RGBColor(0x1F, 0x3A, 0x5F)

    original = doc.styles.add_style("Original", 1)  # paragraph style for source-language text
    original.base_style = doc.styles["Normal"]
    set_fonts(original.element)
    original.font.color.rgb = RGBColor(0x40, 0x40, 0x40)
    tag_style = doc.styles.add_style("Label", 2)  # character style: assessment / quote
    tag_style.font.bold = True
    tag_style.font.size = Pt(8.5)
    tag_style.font.color.rgb = RGBColor(0x1F, 0x5F, 0x8F)
    flag = doc.styles.add_style("Flag", 2)  # character style: a doubtful translation's mark
    flag.font.italic = True
    flag.font.size = Pt(8.5)
    flag.font.color.rgb = RGBColor(0xB0, 0x30, 0x20)
    meta = doc.styles.add_style("Meta", 1)
    meta.base_style = doc.styles["Normal"]
    meta.font.size = Pt(9)
    meta.font.color.rgb = RGBColor(0x60, 0x60, 0x60)
    # The original under a bullet starts where the bullet's text starts (List Bullet's
    # numbering indents its text 360 twips).
    under = doc.styles.add_style("Original Under Bullet", 1)
    under.base_style = original
    set_fonts(under.element)
    under.paragraph_format.left_indent = Twips(360)
    under.paragraph_format.space_before = Pt(0)
    under.paragraph_format.space_after = Pt(6)
    # Page 1: the gist, larger and bold, and the small lead-ins over its lists.
    gist = doc.styles.add_style("Gist", 1)
    gist.base_style = doc.styles["Normal"]
    gist.font.size = Pt(12.5)
    gist.font.bold = True
    gist.font.color.rgb = RGBColor(0x1F, 0x3A, 0x5F)
    gist.paragraph_format.keep_with_next = True
    gist.paragraph_format.space_after = Pt(2)
    lead = doc.styles.add_style("Lead-in", 1)
    lead.base_style = doc.styles["Normal"]
    lead.font.bold = True
    lead.font.size = Pt(9.5)
    lead.font.color.rgb = RGBColor(0x1F, 0x5F, 0x8F)
    lead.paragraph_format.keep_with_next = True
    lead.paragraph_format.space_before = Pt(6)
    lead.paragraph_format.space_after = Pt(1)
    # Headings stay with what follows them: their table, their first point.
    for name in ("Heading 1", "Heading 2", "Heading 3"):
        doc.styles[name].paragraph_format.keep_with_next = True
    doc.styles["Title"].font.size = Pt(22)


def tag(doc, text: str) -> None:
    doc.add_paragraph(text)


def flag_mark(paragraph, value: str) -> None:
    """After a translation: "⚠ check: <flags>" in the Flag style, when it has flags."""
    paragraph.add_run(
        f"{{% if {value}.flag_text %}} ⚠ check: {{{{ {value}.flag_text }}}}{{% endif %}}",
        style="Flag",
    )


def loop_table(doc, header: tuple[str, ...], loop: str, widths: tuple) -> object:
    """A table: a header row repeated on every page, then one row per item of
    ``loop`` (rows 1 and 3 hold the loop tags, row 2 the item, never split)."""
    table = doc.add_table(rows=4, cols=len(header))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    head = table.rows[0]
    head._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    for cell, text in zip(head.cells, header, strict=True):
        cell.paragraphs[0].add_run(text).bold = True
        shading = OxmlElement("w:shd")
        shading.set(qn("w:val"), "clear")
        shading.set(qn("w:fill"), "E8EEF4")
        cell._tc.get_or_add_tcPr().append(shading)
    table.rows[2]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    table.rows[1].cells[0].text = f"{{%tr for {loop} %}}"
    table.rows[3].cells[0].text = "{%tr endfor %}"
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width  # the grid, which LibreOffice follows
        for cell in column.cells:
            cell.width = width  # each cell, which Word follows
    return table


def bilingual_table(doc, loop: str) -> None:
    """Original | English, one row per point of ``loop``; for a source already in
    English, one bullet per point instead (the same text twice helps nobody)."""
    tag(doc, "{%p if source.translated %}")
    table = loop_table(
        doc, ("{{ source.language_name }}", "English"), f"point in {loop}", (Cm(8.2), Cm(8.2))
    )
    original = table.rows[2].cells[0].paragraphs[0]
    original.text = "{{ point.original }}"
    original.style = doc.styles["Original"]
    english = table.rows[2].cells[1].paragraphs[0]
    english.add_run("{% if point.label_text %}{{ point.label_text }} · {% endif %}", style="Label")
    english.add_run("{{ point.english }}")
    flag_mark(english, "point")
    tag(doc, "{%p else %}")
    tag(doc, f"{{%p for point in {loop} %}}")
    only = doc.add_paragraph(style="List Bullet")
    only.add_run("{% if point.label_text %}{{ point.label_text }} · {% endif %}", style="Label")
    only.add_run("{{ point.english }}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")


def timeline_table(doc, loop: str) -> None:
    """When | what: one row per event of ``loop``, the English above the original."""
    table = loop_table(doc, ("When", "What"), f"event in {loop}", (Cm(3.6), Cm(12.8)))
    table.rows[2].cells[0].text = "{{ event.date_text }}"
    what = table.rows[2].cells[1]
    what.paragraphs[0].text = "{{ event.english }}"
    flag_mark(what.paragraphs[0], "event")
    original_in_cell(what, "{{ event.original }}")


def original_in_cell(cell, text: str) -> None:
    """The original under the English in a table cell, for a translated source only
    (paragraph tags, so an English source's row keeps no empty line)."""
    cell.add_paragraph("{%p if source.translated %}")
    cell.add_paragraph(text, style="Original")
    cell.add_paragraph("{%p endif %}")


def section_tables(doc, sections: str, *, original_heading: bool) -> None:
    """For each section of ``sections``: its heading, then its points as a table."""
    tag(doc, f"{{%p for section in {sections} %}}")
    tag(doc, "{%p if section.heading %}")
    heading = doc.add_paragraph("{{ section.heading.english }}", style="Heading 3")
    flag_mark(heading, "section.heading")
    if original_heading:
        tag(doc, "{%p if source.translated %}")
        heading_original(doc, "{{ section.heading.original }}")
        tag(doc, "{%p endif %}")
    tag(doc, "{%p endif %}")
    bilingual_table(doc, "section.points")
    tag(doc, "{%p endfor %}")


def heading_original(doc, text: str) -> None:
    """A heading's original under it, kept with what follows (its table), as the
    heading is: a heading never ends a page without its table."""
    doc.add_paragraph(text, style="Original").paragraph_format.keep_with_next = True


def lead_in(doc, text: str) -> None:
    doc.add_paragraph(text, style="Lead-in")


def first_page(doc, *, page_break: bool) -> None:
    """Page 1, the briefing read in one minute: per story or lone source its gist
    (English, then the original), key facts, assessments with who holds them, what is
    coming up and who matters; then how it was made. ``page_break``: start what
    follows on a new page (the briefing template's Heading 1 does that itself)."""
    classification_line(doc)
    doc.add_paragraph("{{ title }}", style="Title")
    doc.add_paragraph(
        "{{ date_text }} · {{ source_count_text }}"
        "{% if news_text %} · what is new: {{ news_text }}{% endif %}",
        style="Subtitle",
    )
    tag(doc, "{%p if first_page|length > 1 %}")
    lead_in(doc, "At a glance")
    tag(doc, "{%p for entry in first_page %}")
    doc.add_paragraph("{{ entry.gist.english or entry.gist.original }}", style="List Bullet")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p for entry in first_page %}")
    doc.add_paragraph("{{ entry.title.english or entry.title.original }}", style="Heading 2")
    tag(doc, "{%p if entry.sources_text %}")
    doc.add_paragraph("Reported by: {{ entry.sources_text }}", style="Meta")
    tag(doc, "{%p endif %}")
    gist = doc.add_paragraph("{{ entry.gist.english or entry.gist.original }}", style="Gist")
    flag_mark(gist, "entry.gist")
    tag(doc, "{%p if entry.translated and entry.gist.english %}")
    doc.add_paragraph("{{ entry.gist.original }}", style="Original")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if entry.facts %}")
    lead_in(doc, "Key facts")
    tag(doc, "{%p for point in entry.facts %}")
    fact = doc.add_paragraph("{{ point.english or point.original }}", style="List Bullet")
    flag_mark(fact, "point")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if entry.assessments %}")
    lead_in(doc, "Assessments")
    tag(doc, "{%p for point in entry.assessments %}")
    judged = doc.add_paragraph(style="List Bullet")
    judged.add_run("{{ point.holder_text }} · ", style="Label")
    judged.add_run("{{ point.english or point.original }}")
    flag_mark(judged, "point")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if entry.coming_up %}")
    lead_in(doc, "Coming up")
    tag(doc, "{%p for event in entry.coming_up %}")
    coming = doc.add_paragraph(style="List Bullet")
    coming.add_run("{{ event.date_text }}").bold = True
    coming.add_run(" · {{ event.english or event.original }}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p if entry.coming_up_more %}")
    more = doc.add_paragraph(style="List Bullet")
    more.add_run("and {{ entry.coming_up_more }} more in the timeline").italic = True
    tag(doc, "{%p endif %}")
    tag(doc, "{%p else %}")
    nothing = doc.add_paragraph(style="Lead-in")
    nothing.add_run("Coming up: ")
    nothing.add_run("nothing dated after {{ date_text }}").bold = False
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if entry.actors %}")
    who = doc.add_paragraph()
    who.paragraph_format.space_before = Pt(6)
    who.add_run("Who matters: ", style="Label")
    who.add_run("{{ entry.actors_text }}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endfor %}")
    made = doc.add_paragraph(
        "Made with briefgen {{ version }} · translation: {{ translator }}"
        "{% if any_translated %} · machine-translated: check the original before quoting"
        "{% endif %}",
        style="Meta",
    )
    made.paragraph_format.space_before = Pt(12)
    tag(doc, "{%p if skipped %}")
    doc.add_paragraph("Not included: {{ skipped|join('; ') }}", style="Meta")
    tag(doc, "{%p endif %}")
    if page_break:
        doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def new_document(title: str):
    """A blank A4 document with briefgen's styles, header and footer."""
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2.2))
    section.top_margin = section.bottom_margin = Cm(2.4)
    section.header_distance = section.footer_distance = Cm(1.0)
    style_document(doc)
    header = section.header.paragraphs[0]
    header.text = (
        "{% if classification %}{{ classification }} · {% endif %}{{ title }} · {{ date_text }}"
    )
    header.style = doc.styles["Meta"]
    footer = section.footer.paragraphs[0]
    footer.style = doc.styles["Meta"]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("Page ")
    add_field(footer, "PAGE")
    footer.add_run(" of ")
    add_field(footer, "NUMPAGES")
    props = doc.core_properties
    props.author = props.last_modified_by = "briefgen"
    props.title = f"briefgen {title} template"
    props.created = props.modified = dt.datetime(2025, 1, 1)
    props.revision = 1
    return doc


def add_field(paragraph, code: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word and LibreOffice fill in when they lay out."""
    begin, instruction, separate, end = (OxmlElement("w:r") for _ in range(4))
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), "begin")
    begin.append(char)
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {code} "
    instruction.append(text)
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), "separate")
    separate.append(char)
    shown = OxmlElement("w:r")
    shown_text = OxmlElement("w:t")
    shown_text.text = "1"
    shown.append(shown_text)
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), "end")
    end.append(char)
    for run in (begin, instruction, separate, shown, end):
        paragraph._p.append(run)


def classification_line(doc) -> None:
    """The classification or distribution line, in red, when the briefing has one."""
    tag(doc, "{%p if classification %}")
    mark = doc.add_paragraph().add_run("{{ classification }}")
    mark.bold = True
    mark.font.color.rgb = RGBColor(0xB0, 0x30, 0x20)
    tag(doc, "{%p endif %}")


def source_heading(doc) -> None:
    title = doc.add_paragraph("{{ source.title.english }}", style="Heading 1")
    flag_mark(title, "source.title")
    tag(doc, "{%p if source.translated %}")
    doc.add_paragraph("{{ source.title.original }}", style="Original")
    tag(doc, "{%p endif %}")
    meta = doc.add_paragraph("{{ source.date_text }} · ", style="Meta")
    meta.add_run("{{r source.origin_link }}")


def build_briefing() -> None:
    """Page 1 (the briefing in one minute), then per source its points, who matters,
    its timeline; the timeline picture; an appendix with every name, the related
    articles and the full text."""
    doc = new_document("briefing")
    doc.styles["Original"].font.size = Pt(9.5)  # side by side: the original a little smaller
    first_page(doc, page_break=False)  # each source's Heading 1 starts a page

    # One part per source
    tag(doc, "{%p for source in sources %}")
    source_heading(doc)
    tag(doc, "{%p if source.lede %}")
    doc.add_paragraph("In brief", style="Heading 2")
    bilingual_table(doc, "source.lede")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if source.sections %}")
    doc.add_paragraph("Key points", style="Heading 2")
    tag(doc, "{%p endif %}")
    section_tables(doc, "source.sections", original_heading=True)
    tag(doc, "{%p if source.top_actors %}")
    doc.add_paragraph("Who matters", style="Heading 2")
    table = loop_table(
        doc,
        ("Name", "{{ source.language_name }}", "Role"),
        "actor in source.top_actors",
        (Cm(6.2), Cm(5.0), Cm(5.2)),
    )
    table.rows[2].cells[0].paragraphs[0].add_run("{{ actor.english or actor.original }}")
    original = table.rows[2].cells[1].paragraphs[0]
    original.text = "{% if source.translated %}{{ actor.original }}{% endif %}"
    original.style = doc.styles["Original"]
    role = table.rows[2].cells[2].paragraphs[0]
    role.add_run("{{ actor.role_text }}")
    role.add_run(" · {{ actor.mentions }}×", style="Label")
    tag(doc, "{%p if source.actors|length > source.top_actors|length %}")
    doc.add_paragraph(
        "The {{ source.top_actors|length }} most salient of {{ source.actors|length }}: "
        "the rest are in the appendix.",
        style="Meta",
    )
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if source.timeline %}")
    doc.add_paragraph("Timeline", style="Heading 2")
    timeline_table(doc, "source.timeline")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endfor %}")

    # The timeline as a picture (three dated events or more), and every source's
    # events in one table when there is more than one source: after the last source,
    # on its page when there is room.
    tag(doc, "{%p if timeline_picture or (timeline and sources|length > 1) %}")
    doc.add_paragraph("Timeline", style="Heading 1").paragraph_format.page_break_before = False
    tag(doc, "{%p if timeline_picture %}")
    picture = doc.add_paragraph("{{ timeline_picture }}")
    picture.paragraph_format.keep_with_next = True
    doc.add_paragraph("Every dated statement of the briefing on one time axis.", style="Caption")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if timeline and sources|length > 1 %}")
    table = loop_table(doc, ("When", "What"), "event in timeline", (Cm(3.6), Cm(12.8)))
    table.rows[2].cells[0].text = "{{ event.date_text }}"
    what = table.rows[2].cells[1]
    what.paragraphs[0].text = "{{ event.english }}"
    flag_mark(what.paragraphs[0], "event")
    what.add_paragraph("{{ event.source_title }}", style="Meta")
    tag(doc, "{%p endif %}")

    # Appendix: every name each source gives, the articles it points to, every
    # sentence side by side; the sources left out
    tag(doc, "{%p for source in sources %}")
    tag(doc, "{%p if source.actors or source.related %}")
    doc.add_paragraph("Names and links: {{ source.title.english }}", style="Heading 1")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if source.actors %}")
    doc.add_paragraph("People, places and organizations", style="Heading 2")
    table = loop_table(doc, ("Name", "Mentions"), "actor in source.actors", (Cm(13.4), Cm(3.0)))
    name = table.rows[2].cells[0].paragraphs[0]
    name.add_run("{{ actor.english or actor.original }}")
    name.add_run(" · {{ actor.role_text or actor.kind }}", style="Label")
    original_in_cell(table.rows[2].cells[0], "{{ actor.original }}")
    table.rows[2].cells[1].text = "{{ actor.mentions }}"
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if source.related %}")
    doc.add_paragraph("Related articles", style="Heading 2")
    tag(doc, "{%p for link in source.related %}")
    link = doc.add_paragraph("{{ link.label }}: {{ link.english }}", style="List Bullet")
    flag_mark(link, "link")
    tag(doc, "{%p if source.translated %}")
    doc.add_paragraph("{{ link.original }}", style="Original Under Bullet")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")
    doc.add_paragraph("Full text: {{ source.title.english }}", style="Heading 1")
    section_tables(doc, "source.full_text", original_heading=False)
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p if skipped %}")
    doc.add_paragraph("Sources not included", style="Heading 2")
    tag(doc, "{%p for line in skipped %}")
    doc.add_paragraph("{{ line }}", style="List Bullet")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")
    save(doc, "briefing.docx")


def build_compact() -> None:
    """Page 1, then English first, about a page per source, the original small under
    each point (indented under its bullet)."""
    doc = new_document("compact")
    doc.styles["Original"].font.size = Pt(8.5)
    doc.styles["Heading 1"].paragraph_format.page_break_before = False
    first_page(doc, page_break=True)
    tag(doc, "{%p for source in sources %}")
    page_break_between_sources(doc)
    source_heading(doc)
    tag(doc, "{%p for point in source.lede %}")
    lede = doc.add_paragraph()
    lede.add_run("{{ point.english }}").bold = True
    flag_mark(lede, "point")
    original_line(doc, "Original")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p for section in source.sections %}")
    tag(doc, "{%p if section.heading %}")
    doc.add_paragraph("{{ section.heading.english }}", style="Heading 3")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p for point in section.points %}")
    item = doc.add_paragraph(style="List Bullet")
    item.add_run("{% if point.label_text %}{{ point.label_text }} · {% endif %}", style="Label")
    item.add_run("{{ point.english }}")
    flag_mark(item, "point")
    item.paragraph_format.space_after = Pt(1)  # its original follows right under it
    original_line(doc, "Original Under Bullet")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p if source.top_actors %}")
    names = doc.add_paragraph(style="Meta")
    names.paragraph_format.space_before = Pt(6)
    names.add_run("Who matters: ").bold = True
    names.add_run(
        "{% for actor in source.top_actors %}{{ actor.english or actor.original }}"
        "{% if actor.role_text %} ({{ actor.role_text }}){% endif %}"
        "{% if not loop.last %} · {% endif %}{% endfor %}"
    )
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endfor %}")
    save(doc, "compact.docx")


def page_break_between_sources(doc) -> None:
    tag(doc, "{%p if not loop.first %}")
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    tag(doc, "{%p endif %}")


def original_line(doc, style: str) -> None:
    """The original under an English point, small, for a translated source."""
    tag(doc, "{%p if source.translated %}")
    doc.add_paragraph("{{ point.original }}", style=style)
    tag(doc, "{%p endif %}")


def build_parallel() -> None:
    """The full text of each source, paragraph by paragraph, side by side."""
    doc = new_document("parallel")
    doc.styles["Heading 1"].paragraph_format.page_break_before = False
    first_page(doc, page_break=True)
    tag(doc, "{%p for source in sources %}")
    page_break_between_sources(doc)
    source_heading(doc)
    tag(doc, "{%p for section in source.full_text %}")
    tag(doc, "{%p if section.heading %}")
    heading = doc.add_paragraph("{{ section.heading.english }}", style="Heading 3")
    flag_mark(heading, "section.heading")
    tag(doc, "{%p if source.translated %}")
    heading_original(doc, "{{ section.heading.original }}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if source.translated %}")
    table = loop_table(
        doc,
        ("{{ source.language_name }}", "English"),
        "paragraph in section.paragraphs",
        (Cm(8.2), Cm(8.2)),
    )
    original = table.rows[2].cells[0].paragraphs[0]
    original.text = "{{ paragraph.original }}"
    original.style = doc.styles["Original"]
    english = table.rows[2].cells[1].paragraphs[0]
    english.add_run("{{ paragraph.english }}")
    flag_mark(english, "paragraph")
    tag(doc, "{%p else %}")
    tag(doc, "{%p for paragraph in section.paragraphs %}")
    doc.add_paragraph("{{ paragraph.english }}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endfor %}")
    save(doc, "parallel.docx")


def save(doc, name: str) -> None:
    TEMPLATES.mkdir(exist_ok=True)
    doc.save(TEMPLATES / name)
    print(f"wrote {TEMPLATES / name}")


def main() -> None:
    build_briefing()
    build_compact()
    build_parallel()


if __name__ == "__main__":
    main()
