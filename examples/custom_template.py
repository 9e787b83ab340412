"""Start a house template from a shipped one: a letterhead, the house font and colour.

    python examples/custom_template.py

Copies the `compact` template into out/, restyles it with python-docx (Word itself
is just as good: open out/compact.docx, change styles, keep the {{ }} and {% %} tags
whole), then makes the seed's briefing with it. Writes out/house.docx and
out/house-briefing.docx under the current folder (git ignores out/).
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.shared import Pt, RGBColor

import briefgen
from briefgen.render import copy_template

REPO = Path(__file__).resolve().parent.parent


def main() -> None:
    folder = Path("out")
    folder.mkdir(exist_ok=True)
    (folder / "compact.docx").unlink(missing_ok=True)
    start = copy_template("compact", folder)

    house = Document(str(start))
    for name in ("Title", "Heading 1", "Heading 3"):
        house.styles[name].font.color.rgb = RGBColor(0x7A, 0x1F, 0x2B)  # the house colour
    house.styles["Normal"].font.size = Pt(11)
    header = house.sections[0].header.paragraphs[0]
    header.insert_paragraph_before("EXAMPLE MINISTRY · Press desk · internal")
    template = folder / "house.docx"
    house.save(str(template))
    start.unlink()

    briefing = briefgen.make_briefing(
        REPO / "seeds",
        model=REPO / "demo-model" / "translate-ja_en-demo.argosmodel",
        title="Morning press summary",
    )
    out = briefing.save_docx(folder / "house-briefing.docx", template=template)
    print(f"{out}: made with {template}")


if __name__ == "__main__":
    main()
