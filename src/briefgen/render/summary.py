"""The structured points as data: the ``briefgen.summary/1`` schema, in JSON, YAML or Markdown.

The schema (documented in the README) is versioned: a field is never renamed or
given another meaning within ``/1``; new fields may be added.

::

    {"schema": "briefgen.summary/1", "briefgen": VERSION, "title", "date",
     "sources": [{"id", "origin", "title", "title_english", "date", "language",
                  "sentences", "gist", "gist_english", "lede": [POINT],
                  "sections": [{"heading", "heading_english", "points": [POINT]}],
                  "timeline": [EVENT], "actors": [ACTOR]}],
     "timeline": [EVENT + "source"], "skipped": [{"origin", "reason"}]}
    POINT = {"text", "english", "label", "speaker", "speaker_english", "sentence_ids", "score"}
    EVENT = {"date", "resolution", "phrase", "text", "english", "sentence_id"}
    ACTOR = {"name", "kind", "english", "mentions", "first_sentence_id",
             "role", "role_english", "salience"}

``english`` is ``null`` when the text was not translated (an English source's
``english`` is its own text).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from briefgen._io import write_atomic
from briefgen.model import Bilingual, Briefing, Event, Point, SourceBriefing

SCHEMA = "briefgen.summary/1"
FORMATS = ("json", "yaml", "md")


def _english(text: Bilingual | None) -> str | None:
    return text.english or None if text is not None else None


def _point(point: Point) -> dict[str, Any]:
    return {
        "text": point.text.original,
        "english": _english(point.text),
        "label": point.label,
        "speaker": point.speaker.original if point.speaker else None,
        "speaker_english": _english(point.speaker),
        "sentence_ids": list(point.sentence_ids),
        "score": point.score,
    }


def _event(event: Event) -> dict[str, Any]:
    return {
        "date": event.date,
        "resolution": event.resolution,
        "phrase": event.phrase,
        "text": event.text.original,
        "english": _english(event.text),
        "sentence_id": event.sentence_id,
    }


def _source(source: SourceBriefing) -> dict[str, Any]:
    return {
        "id": source.source_id,
        "origin": source.origin,
        "title": source.title.original,
        "title_english": _english(source.title),
        "date": source.date.isoformat() if source.date else None,
        "language": source.language,
        "sentences": source.sentence_count,
        "gist": source.gist.original if source.gist else None,
        "gist_english": _english(source.gist),
        "lede": [_point(p) for p in source.lede],
        "sections": [
            {
                "heading": section.heading.original if section.heading else None,
                "heading_english": _english(section.heading),
                "points": [_point(p) for p in section.points],
            }
            for section in source.sections
        ],
        "timeline": [_event(e) for e in source.timeline],
        "actors": [
            {
                "name": a.name.original,
                "kind": a.kind,
                "english": _english(a.name),
                "mentions": a.mentions,
                "first_sentence_id": a.first_sentence_id,
                "role": a.role.original if a.role else None,
                "role_english": _english(a.role),
                "salience": a.salience,
            }
            for a in source.actors
        ],
    }


def summary_data(briefing: Briefing) -> dict[str, Any]:
    """The briefing's structured points as plain data in the ``briefgen.summary/1`` schema."""
    return {
        "schema": SCHEMA,
        "briefgen": briefing.metadata.briefgen_version,
        "title": briefing.title,
        "date": briefing.date.isoformat(),
        "sources": [_source(s) for s in briefing.sources],
        "timeline": [{**_event(e), "source": e.source_id} for e in briefing.timeline],
        "skipped": [{"origin": s.origin, "reason": s.reason} for s in briefing.skipped],
    }


def format_summary(briefing: Briefing, format: str = "json") -> str:
    """The summary as text: ``json``, ``yaml`` or ``md`` (Markdown, for reading)."""
    data = summary_data(briefing)
    if format == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if format == "yaml":
        import yaml

        return str(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100))
    if format == "md":
        return _markdown(data)
    raise ValueError(f"unknown summary format {format!r}: use one of {', '.join(FORMATS)}")


def format_of(path: str | Path) -> str | None:
    """The summary format a file name asks for (``.json``, ``.yaml``/``.yml``,
    ``.md``/``.markdown``), or ``None``."""
    suffix = Path(path).suffix.lower().lstrip(".")
    format = {"yml": "yaml", "markdown": "md"}.get(suffix, suffix)
    return format if format in FORMATS else None


def write_summary(briefing: Briefing, path: str | Path, format: str | None = None) -> Path:
    """Write the summary to ``path`` atomically; ``format`` defaults to the file's suffix."""
    format = format or format_of(path)
    if format is None:
        raise ValueError(f"{path}: give a .json, .yaml or .md file, or a format")
    return write_atomic(Path(path), format_summary(briefing, format).encode("utf-8"))


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|&+~])")
# A line that starts like a list item or an underline: "- x", "= x", "12. x", "3) x".
_MD_LINE_START = re.compile(r"^(\s*|\s*\d+)([-=]|(?<=\d)[.)])", re.MULTILINE)


def md_escape(text: object) -> str:
    """Source text as Markdown shows it: no link, tag, entity, emphasis or list of its
    own (every ASCII punctuation mark CommonMark could read, backslash-escaped)."""
    escaped = _MD_SPECIAL.sub(r"\\\1", str(text))
    return _MD_LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), escaped)


def _also(original: str, english: str | None, before: str, after: str = "") -> str:
    """The English after the original, unless there is none or it is the same text."""
    return f"{before}{md_escape(english)}{after}" if english and english != original else ""


def _markdown(data: dict[str, Any]) -> str:
    lines = [
        f"# {md_escape(data['title'])}",
        "",
        f"{data['date']} · {len(data['sources'])} source(s)",
    ]

    def point(p: dict[str, Any]) -> str:
        tag = "" if p["label"] == "fact" else f" *({p['label']}"
        if tag and p["speaker"]:
            tag += f": {md_escape(p['speaker_english'] or p['speaker'])}"
        tag += ")*" if tag else ""
        english = _also(p["text"], p["english"], "\n  ")
        return f"- {md_escape(p['text'])}{tag}{english}  `{' '.join(p['sentence_ids'])}`"

    for source in data["sources"]:
        title = md_escape(source["title"]) + _also(source["title"], source["title_english"], " — ")
        lines += [
            "",
            f"## {title}",
            "",
            f"{md_escape(source['origin'])} · {source['date'] or 'no date'}",
        ]
        if source["gist"]:
            gist = md_escape(source["gist"]) + _also(source["gist"], source["gist_english"], " — ")
            lines += ["", f"**Gist:** {gist}"]
        if source["lede"]:
            lines += ["", "**In brief**", ""] + [point(p) for p in source["lede"]]
        for section in source["sections"]:
            if not section["points"]:
                continue
            if section["heading"]:
                heading = md_escape(section["heading"])
                heading += _also(section["heading"], section["heading_english"], " — ")
                lines += ["", f"### {heading}"]
            elif source["lede"]:
                lines += ["", "**Key points**"]
            lines += [""] + [point(p) for p in section["points"]]
        if source["timeline"]:
            lines += ["", "### Timeline", ""]
            for e in sorted(
                source["timeline"], key=lambda e: (e["date"].startswith("--"), e["date"])
            ):
                english = _also(e["text"], e["english"], "\n  ")
                lines += [
                    f"- **{e['date']}** {md_escape(e['text'])}{english}  `{e['sentence_id']}`"
                ]
        if source["actors"]:
            lines += ["", "### People, places and organizations", ""]
            for a in source["actors"]:
                english = _also(a["name"], a["english"], " (", ")")
                role = f"{md_escape(a['role_english'] or a['role'])}, " if a["role"] else ""
                lines += [f"- {md_escape(a['name'])}{english}: {role}{a['kind']}, {a['mentions']}×"]
    if data["skipped"]:
        lines += ["", "### Left out", ""]
        lines += [f"- {md_escape(s['origin'])}: {md_escape(s['reason'])}" for s in data["skipped"]]
    return "\n".join(lines) + "\n"
