"""Corrections from Python: what ``briefgen corrections`` does, in the same words.

::

    from briefgen.corrections import import_corrections, export_corrections
    result = import_corrections("edited.docx")   # a briefing edited in Word; or .tmx, .tsv
    print("\\n".join(result.summary()))
    Path("memory.tmx").write_bytes(export_corrections("tmx"))

The corrections themselves live in :mod:`briefgen.translate.memory` (the store, and
how a briefing uses them), the Word import in :mod:`briefgen.postedit`, TMX in
:mod:`briefgen.translate.tmx`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path

from briefgen.errors import InputError
from briefgen.postedit import Skipped
from briefgen.translate.memory import (
    Correction,
    add_corrections,
    list_corrections,
    load_store,
    now_text,
    read_entries,
    record_corrections,
    remove_correction,
    store_lines,
    store_path,
)

FORMATS = ("tsv", "tmx")
_EXAMPLES = 3


@dataclass(frozen=True)
class ImportResult:
    """What an import did: the ``corrections`` it read (from a Word briefing: the
    English texts a person changed), how many of them were ``new`` to the store and how
    many ``updated`` one there (the rest were there already), the pairs ``skipped``
    and why, the ``store`` written and how many corrections it holds (``total``)."""

    path: Path
    kind: str  # "docx", "tmx" or "tsv"
    corrections: tuple[Correction, ...]
    new: int
    updated: int
    skipped: tuple[Skipped, ...]
    store: Path
    total: int

    def summary(self, examples: int = _EXAMPLES) -> list[str]:
        """Lines for a person: the counts, the first few ``原文 → English``, the skipped."""
        what = "English text(s) changed" if self.kind == "docx" else "correction(s) read"
        same = len(self.corrections) - self.new - self.updated
        counts = f"{self.new} new correction(s), {self.updated} updated"
        counts += f", {same} already there" if same else ""
        skipped = f"; {len(self.skipped)} skipped" if self.skipped else ""
        lines = [f"{self.path.name}: {len(self.corrections)} {what}: {counts}{skipped}"]
        lines += [
            f"  {_short(c.original, 30)} → {_short(c.english, 70)}"
            for c in self.corrections[:examples]
        ]
        if len(self.corrections) > examples:
            lines.append(f"  … and {len(self.corrections) - examples} more")
        lines += [
            f"  skipped: {_short(s.original, 30)} ({s.reason})"
            if s.original
            else f"  skipped: {s.reason}"
            for s in self.skipped
        ]
        lines.append(f"{self.total} correction(s) in {self.store}")
        return lines


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def import_corrections(
    path: str | Path, *, store: Path | None = None, now: dt.datetime | None = None
) -> ImportResult:
    """Add the corrections of ``path`` to the store (``store``, default
    :func:`~briefgen.translate.memory.store_path`): a Word briefing briefgen made and a
    person edited (the English they changed, see :mod:`briefgen.postedit`), a TMX file,
    or a ``source<TAB>English`` file. ``now`` dates them (default: now).

    Raises:
        InputError: the file cannot be read, is not one of these, or (a Word file) was
            not made by briefgen.
    """
    path = Path(path)
    kind = _kind(path)
    added = now_text(now)
    skipped: tuple[Skipped, ...] = ()
    if kind == "docx":
        from briefgen.postedit import read_edits

        found = read_edits(path)
        skipped = found.skipped
        corrections = tuple(
            Correction(e.original, e.english, e.source, path.name, added, e.language)
            for e in found.edits
        )
    elif kind == "tmx":
        from briefgen.translate.tmx import read_tmx

        read = read_tmx(path)
        corrections = read.corrections
        if read.left_out:
            reason = f"{read.left_out} unit(s) without English and another language"
            skipped = (Skipped("", reason),)
    else:
        corrections = tuple(c if c.added else replace(c, added=added) for c in read_entries(path))
    try:
        new, updated = record_corrections(corrections, store)
    except ValueError as exc:
        raise InputError(path, str(exc)) from None
    return ImportResult(
        path,
        kind,
        corrections,
        new,
        updated,
        skipped,
        store or store_path(),
        len(load_store(store)),
    )


def _kind(path: Path) -> str:
    """``docx``, ``tmx`` or ``tsv``, from what the file holds (then its name)."""
    try:
        with path.open("rb") as file:
            head = file.read(2048)
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except OSError as exc:
        raise InputError(path, f"cannot read it ({exc.strerror or exc})") from None
    if head.startswith(b"PK") or path.suffix.lower() == ".docx":
        return "docx"
    if b"<tmx" in head.lower() or path.suffix.lower() == ".tmx":
        return "tmx"
    return "tsv"


def export_corrections(
    format: str = "tsv",
    *,
    source: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    store: Path | None = None,
) -> bytes:
    """The stored corrections (those :func:`list_corrections` picks with ``source``,
    ``since`` and ``until``) as ``tsv`` (the store's own format, context included) or
    ``tmx`` (TMX 1.4b)."""
    if format not in FORMATS:
        raise ValueError(f"unknown format {format!r}; expected one of {', '.join(FORMATS)}")
    chosen = list_corrections(source, since, until, store)
    if format == "tmx":
        from briefgen.translate.tmx import tmx_bytes

        return tmx_bytes(chosen)
    return store_lines(chosen).encode("utf-8")


__all__ = [
    "FORMATS",
    "Correction",
    "ImportResult",
    "Skipped",
    "add_corrections",
    "export_corrections",
    "import_corrections",
    "list_corrections",
    "remove_correction",
]
