"""YAML front matter, read within limits: the title, date, link and language a Markdown
or text file gives itself.

A source may come from anyone, and YAML lets a few hundred bytes stand for gigabytes:
anchors and aliases nested nine deep (``b: &b [*a,*a,…]``, a "billion laughs") made a
481-byte file take 722 MB and 8 s. So front matter is parsed by PyYAML's safe loader
with three limits, checked as it parses:

* at most :data:`MAX_CHARS` characters between the two ``---`` lines (the closing one
  must come within the first :data:`MAX_LINES` lines, or the first ``---`` is only a
  line of text);
* no aliases (``*name``): without them every value is written out in the text, so
  what is parsed is no larger than the text; the first alias stops the parser there;
* at most :data:`MAX_DEPTH` levels of nesting (PyYAML composes nested values by
  recursion).

``title``, ``date``, ``url`` and ``lang`` (or ``language``) must be scalars (text, a
number, a date); other keys may hold lists and mappings (``tags: [a, b]``), within
the same limits.

PyYAML with limits, not a small parser of briefgen's own: front matter is written by
Jekyll, Hugo and Pandoc users in full YAML (quoting, escapes, block scalars, comments,
timestamps), and a subset would misread valid files; the two hooks keep the parse
linear in the capped text. Front matter that breaks a limit refuses the whole source
(an :class:`~briefgen.errors.InputError` naming the file, as invalid YAML always did),
rather than reading the body without it: the front matter's date is what relative dates
in the body are resolved from, and a briefing with silently wrong dates is worse than a
source left out with a line that says why.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import yaml
from yaml.nodes import Node

from briefgen.ingest.blocks import Metadata

MAX_CHARS = 4_000  # front matter is a few hundred characters; 4,000 parse in 0.07 s at worst
MAX_LINES = 200
MAX_DEPTH = 10
_SCALARS = (str, int, float, bool, dt.date)


class BadFrontMatter(ValueError):
    """The front matter is not YAML briefgen reads (the message says why, and where)."""


class _BoundedLoader(yaml.SafeLoader):
    """The safe loader, refusing aliases and nesting deeper than :data:`MAX_DEPTH`."""

    depth = 0

    def compose_node(self, parent: Node | None, index: int) -> Node | None:
        event = self.peek_event()  # type: ignore[no-untyped-call]
        # The file's line: the front matter starts on its second.
        line = event.start_mark.line + 2 if event.start_mark else "?"
        if isinstance(event, yaml.AliasEvent):
            raise BadFrontMatter(
                f"has front matter with a YAML alias (*{event.anchor}, line {line}); "
                "briefgen reads front matter without aliases"
            )
        if self.depth >= MAX_DEPTH:
            raise BadFrontMatter(
                f"has front matter nested over {MAX_DEPTH} levels deep (line {line})"
            )
        self.depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


def read_front_matter(lines: list[str]) -> tuple[Metadata, list[str]]:
    """The front matter of a text's ``lines`` (the first one ``---``) and the lines after
    it, the front matter's own blanked so offsets keep; no front matter: empty
    :class:`Metadata` and ``lines`` as they are. :class:`BadFrontMatter` when it breaks
    a limit or is not YAML."""
    try:
        end = [line.strip() for line in lines[:MAX_LINES]].index("---", 1)
    except ValueError:
        return Metadata(), lines
    text = "\n".join(lines[1:end])
    if len(text) > MAX_CHARS:
        raise BadFrontMatter(
            f"has front matter of {len(text):,} characters, over the {MAX_CHARS:,} limit"
        )
    loader = _BoundedLoader(text)
    try:
        raw = loader.get_single_data()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark else ""
        raise BadFrontMatter(f"has front matter that is not valid YAML{where}") from None
    except BadFrontMatter:
        raise
    except ValueError as exc:  # a timestamp that is no date (2025-13-45), a huge number
        raise BadFrontMatter(f"has front matter that is not valid YAML ({exc})") from None
    finally:
        loader.dispose()
    if not isinstance(raw, dict):
        return Metadata(), lines
    values = {str(key).lower(): value for key, value in raw.items()}
    for key in ("title", "date", "url", "lang", "language"):
        value = values.get(key)
        if value is not None and not isinstance(value, _SCALARS):
            kind = "a list" if isinstance(value, list) else "a mapping"
            raise BadFrontMatter(f"has front matter whose {key} is {kind}, not text")
    meta = Metadata(
        title=_text(values.get("title")),
        date=_date(values["date"]) if values.get("date") else None,
        url=_text(values.get("url")),
        language=_text(values.get("lang") or values.get("language")),
    )
    return meta, [""] * (end + 1) + lines[end + 1 :]


def _text(value: Any) -> str | None:
    return str(value).strip() or None if value is not None else None


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None
