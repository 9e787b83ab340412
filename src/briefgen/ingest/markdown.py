"""Markdown through markdown-it-py (CommonMark, plus tables and strikethrough).

Headings stay headings; paragraphs, list items, quotes and table rows become body
lines with their inline markup reduced to text (link text kept, images, HTML and
code dropped). A paragraph's soft line breaks are joined with a space, or with
nothing between two CJK characters, where a line break is only a wrap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefgen.ingest.blocks import Block, unwrap

if TYPE_CHECKING:
    from markdown_it.token import Token

_TEXT_CHILDREN = {"text", "code_inline"}


def markdown_blocks(text: str) -> list[Block]:
    """The headings and body lines of a Markdown text, in order."""
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    tokens = parser.parse(text)
    blocks: list[Block] = []
    heading_level = 0
    in_item = 0
    row: list[str] | None = None  # the cells of the table row being read
    for token in tokens:
        if token.type == "heading_open":
            heading_level = int(token.tag[1:])
        elif token.type == "heading_close":
            heading_level = 0
        elif token.type == "list_item_open":
            in_item += 1
        elif token.type == "list_item_close":
            in_item -= 1
        elif token.type == "tr_open":
            row = []
        elif token.type == "tr_close" and row is not None:
            if any(row):
                blocks.append(Block(" | ".join(cell for cell in row if cell), "body"))
            row = None
        elif token.type == "inline":
            line = inline_text(token.children or [])
            if row is not None:
                row.append(line)
            elif heading_level:
                blocks.append(Block(line, "heading", heading_level))
            elif line:
                # Only a plain top-level paragraph may turn out to be a heading
                # ("**Background**" alone on a line); items and quotes never do.
                plain = token.level == 1 and not in_item
                blocks.append(Block(line, "line" if plain else "body"))
    return blocks


def inline_text(children: list[Token]) -> str:
    """The text of an inline run: link text kept, images and raw HTML dropped."""
    parts: list[str] = []
    for child in children:
        if child.type in _TEXT_CHILDREN:
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
    return unwrap("".join(parts))
