"""Make today's briefing from a folder of sources, the way a daily script would.

    python examples/daily_briefing.py [SOURCE_DIR] [MODEL]

Defaults: the repository's seeds/ and its demo ja→en model. In real use, point it
at your sources folder and leave MODEL out to use the installed Argos package.
It writes out/briefing-<date>.docx under the current folder (git ignores out/).
"""

from __future__ import annotations

import sys
from pathlib import Path

import briefgen

REPO = Path(__file__).resolve().parent.parent


def main() -> int:
    sources = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "seeds"
    model = (
        sys.argv[2]
        if len(sys.argv) > 2
        else REPO / "demo-model" / "translate-ja_en-demo.argosmodel"
    )
    try:
        briefing = briefgen.make_briefing([sources], model=model, title="Japan press briefing")
    except briefgen.BriefgenError as error:
        print(f"no briefing today: {error}", file=sys.stderr)
        return 1
    for skipped in briefing.skipped:
        print(f"left out {skipped.origin}: {skipped.reason}", file=sys.stderr)

    folder = Path("out")
    folder.mkdir(exist_ok=True)
    out = briefing.save_docx(folder / f"briefing-{briefing.date.isoformat()}.docx")
    print(f"{out}: {len(briefing.sources)} source(s)")
    for source in briefing.sources:
        print(f"- {source.title.english} ({source.title.original})")
        for point in source.lede:
            print(f"    {point.text.english}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
