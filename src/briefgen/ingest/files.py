"""Finding source files and decoding them, with one-line errors for bad input."""

from __future__ import annotations

from pathlib import Path

from briefgen.errors import InputError
from briefgen.ingest.text import parse_text
from briefgen.model import Source

SUPPORTED_SUFFIXES = (".txt", ".md")


def expand_paths(paths: list[str | Path]) -> list[Path | InputError]:
    """Files named directly, plus the supported files of named directories.

    Directories are read one level deep in name order (hidden files skipped).
    A path that cannot be used becomes an :class:`InputError` in the list, in
    place, so one bad path never hides the good ones.
    """
    found: list[Path | InputError] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files = sorted(
                p
                for p in path.iterdir()
                if p.is_file()
                and p.suffix.lower() in SUPPORTED_SUFFIXES
                and not p.name.startswith(".")
            )
            if not files:
                kinds = " or ".join(SUPPORTED_SUFFIXES)
                found.append(InputError(path, f"directory has no {kinds} files"))
            found.extend(files)
        elif path.exists():
            found.append(path)
        else:
            found.append(InputError(path, "no such file or directory"))
    return found


def read_source(path: Path, source_id: str | None = None) -> Source:
    """Read one UTF-8 text or Markdown file into a :class:`Source`."""
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise InputError(path, "is a directory, not a file") from None
    except OSError as exc:
        raise InputError(path, f"cannot be read ({exc.strerror or exc})") from exc
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            path,
            f"is not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "save it as UTF-8",
        ) from None
    if "\x00" in text:
        raise InputError(path, "looks like a binary file, not text")
    if not text.strip():
        raise InputError(path, "is empty")
    return parse_text(
        text,
        origin=str(path),
        source_id=source_id or path.stem,
        fallback_title=path.stem,
        markdown=path.suffix.lower() == ".md",
    )
