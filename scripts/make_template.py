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
from docx.shared import Cm, Pt, RGBColor

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


def tag(doc, text: str) -> None:
    doc.add_paragraph(text)


def flag_mark(paragraph, value: str) -> None:
    """After a translation: "⚠ check: <flags>" in the Flag style, when it has flags."""
    paragraph.add_run(
        f"{{% if {value}.flag_text %}} ⚠ check: {{{{ {value}.flag_text }}}}{{% endif %}}",
        style="Flag",
    )


def loop_table(doc, header: tuple[str, str], loop: str, widths: tuple) -> object:
    """A 2-column table: a header row repeated on every page, then one row per item
    of ``loop`` (rows 1 and 3 hold the loop tags, row 2 the item, never split)."""
    table = doc.add_table(rows=4, cols=2)
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
        doc.add_paragraph("{{ section.heading.original }}", style="Original")
        tag(doc, "{%p endif %}")
    tag(doc, "{%p endif %}")
    bilingual_table(doc, "section.points")
    tag(doc, "{%p endfor %}")


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


def cover(doc) -> None:
    for _ in range(6):
        doc.add_paragraph()
    classification_line(doc)
    doc.add_paragraph("{{ title }}", style="Title")
    doc.add_paragraph("{{ date_text }}", style="Subtitle")
    doc.add_paragraph("{{ source_count_text }}")
    tag(doc, "{%p if news_text %}")
    doc.add_paragraph("What is new: {{ news_text }}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p for source in sources %}")
    doc.add_paragraph("{{ loop.index }}. {{ source.title.english }}", style="List Paragraph")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p if skipped %}")
    doc.add_paragraph("Not included: {{ skipped|join('; ') }}", style="Meta")
    tag(doc, "{%p endif %}")
    doc.add_paragraph(
        "Made with briefgen {{ version }} · translation: {{ translator }}", style="Meta"
    )
    tag(doc, "{%p if any_translated %}")
    doc.add_paragraph(
        "Machine-translated summaries: check the original before quoting.", style="Meta"
    )
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
    doc = new_document("briefing")
    cover(doc)

    # Contents, written in place (no page numbers): a TOC field would need Word to
    # update fields on opening (a prompt) and would not show in LibreOffice's PDF.
    doc.add_paragraph("Contents", style="Heading 1")
    doc.add_paragraph("Summary", style="List Number")
    tag(doc, "{%p for source in sources %}")
    doc.add_paragraph("{{ source.title.english }}", style="List Number")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p if timeline_picture or (timeline and sources|length > 1) %}")
    doc.add_paragraph("Timeline", style="List Number")
    tag(doc, "{%p endif %}")
    doc.add_paragraph("Appendix: full text", style="List Number")

    # Executive summary: each source's English title and lede, a paragraph each, on
    # the contents' page
    summary_heading = doc.add_paragraph("Summary", style="Heading 1")
    summary_heading.paragraph_format.page_break_before = False
    tag(doc, "{%p for entry in summary %}")
    summary = doc.add_paragraph()
    summary.add_run("{{ entry.title }}. ").bold = True
    summary.add_run("{{ entry.text }}")
    summary.add_run("{% if entry.sources_text %}Reported by: {{ entry.sources_text }}{% endif %}")
    tag(doc, "{%p for point in entry.points %}")
    doc.add_paragraph(
        "{{ point.english }}{% if point.sources_text %} ({{ point.sources_text }}){% endif %}",
        style="List Bullet",
    )
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endfor %}")

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
    tag(doc, "{%p if source.actors %}")
    doc.add_paragraph("People, places and organizations", style="Heading 2")
    table = loop_table(doc, ("Name", "Mentions"), "actor in source.actors", (Cm(13.4), Cm(3.0)))
    name = table.rows[2].cells[0].paragraphs[0]
    name.add_run("{{ actor.english }}")
    name.add_run(" · {{ actor.kind }}", style="Label")
    original_in_cell(table.rows[2].cells[0], "{{ actor.original }}")
    table.rows[2].cells[1].text = "{{ actor.mentions }}"
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if source.timeline %}")
    doc.add_paragraph("Timeline", style="Heading 2")
    timeline_table(doc, "source.timeline")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if source.related %}")
    doc.add_paragraph("Related articles", style="Heading 2")
    tag(doc, "{%p for link in source.related %}")
    link = doc.add_paragraph("{{ link.label }}: {{ link.english }}", style="List Bullet")
    flag_mark(link, "link")
    tag(doc, "{%p if source.translated %}")
    doc.add_paragraph("{{ link.original }}", style="Original")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endfor %}")

    # The timeline as a picture (three dated events or more), and every source's
    # events in one table when there is more than one source
    tag(doc, "{%p if timeline_picture or (timeline and sources|length > 1) %}")
    doc.add_paragraph("Timeline", style="Heading 1")
    tag(doc, "{%p if timeline_picture %}")
    doc.add_paragraph("{{ timeline_picture }}")
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

    # Appendix: every sentence, side by side; the sources left out
    tag(doc, "{%p for source in sources %}")
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
    """English first, about a page per source, the original small under each point."""
    doc = new_document("compact")
    doc.styles["Original"].font.size = Pt(8.5)
    short_cover(doc)
    tag(doc, "{%p for source in sources %}")
    page_break_between_sources(doc)
    source_heading(doc)
    tag(doc, "{%p for point in source.lede %}")
    lede = doc.add_paragraph()
    lede.add_run("{{ point.english }}").bold = True
    flag_mark(lede, "point")
    original_line(doc)
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
    original_line(doc)
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p if source.actors %}")
    names = doc.add_paragraph(style="Meta")
    names.add_run("Names: ").bold = True
    names.add_run(
        "{% for actor in source.actors[:12] %}{{ actor.english or actor.original }}"
        "{% if not loop.last %}, {% endif %}{% endfor %}"
    )
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p if skipped %}")
    doc.add_paragraph("Not included: {{ skipped|join('; ') }}", style="Meta")
    tag(doc, "{%p endif %}")
    save(doc, "compact.docx")


def short_cover(doc) -> None:
    """Title, date, classification and the caveat, above the first source (no page of
    their own: Heading 1 breaks no page in these templates)."""
    doc.styles["Heading 1"].paragraph_format.page_break_before = False
    classification_line(doc)
    doc.add_paragraph("{{ title }}", style="Title")
    doc.add_paragraph(
        "{{ date_text }} · {{ source_count_text }}"
        "{% if news_text %} · what is new: {{ news_text }}{% endif %}",
        style="Subtitle",
    )
    doc.add_paragraph(
        "Made with briefgen {{ version }} · translation: {{ translator }}"
        "{% if any_translated %} · machine-translated: check the original before quoting"
        "{% endif %}",
        style="Meta",
    )


def page_break_between_sources(doc) -> None:
    tag(doc, "{%p if not loop.first %}")
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    tag(doc, "{%p endif %}")


def original_line(doc) -> None:
    """The original under an English point, small, for a translated source."""
    tag(doc, "{%p if source.translated %}")
    doc.add_paragraph("{{ point.original }}", style="Original")
    tag(doc, "{%p endif %}")


def build_parallel() -> None:
    """The full text of each source, paragraph by paragraph, side by side."""
    doc = new_document("parallel")
    short_cover(doc)
    tag(doc, "{%p for source in sources %}")
    page_break_between_sources(doc)
    source_heading(doc)
    tag(doc, "{%p for section in source.full_text %}")
    tag(doc, "{%p if section.heading %}")
    heading = doc.add_paragraph("{{ section.heading.english }}", style="Heading 3")
    flag_mark(heading, "section.heading")
    tag(doc, "{%p if source.translated %}")
    doc.add_paragraph("{{ section.heading.original }}", style="Original")
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
    tag(doc, "{%p if skipped %}")
    doc.add_paragraph("Not included: {{ skipped|join('; ') }}", style="Meta")
    tag(doc, "{%p endif %}")
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
