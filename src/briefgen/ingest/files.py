"""Finding source files and decoding them, with one-line errors for bad input."""

from __future__ import annotations

import fnmatch
import sys
from pathlib import Path

from briefgen.errors import InputError
from briefgen.ingest.decode import DecodeError, decode
from briefgen.ingest.text import parse_text
from briefgen.model import Source

SUPPORTED_SUFFIXES = (".txt", ".md")
MAX_BYTES = 20_000_000  # an article is kilobytes; anything this big is a mistake
STDIN = Path("-")  # the source read from standard input


def _files_in(directory: Path, pattern: str | None = None) -> list[Path]:
    """Supported files under ``directory``, at any depth, in path order; hidden files
    and folders skipped; ``pattern`` (``*.md``, ``2025-*``) filters their names."""
    found = []
    # iterdir, not rglob: a folder that cannot be read is an error, not silently empty.
    for path in sorted(directory.iterdir(), key=lambda p: p.name):
        if path.name.startswith("."):
            continue
        if path.is_dir() and not path.is_symlink():  # a link back up would never end
            found += _files_in(path, pattern)
        elif (
            path.suffix.lower() in SUPPORTED_SUFFIXES
            and path.is_file()
            and (not pattern or fnmatch.fnmatch(path.name, pattern))
        ):
            found.append(path)
    return found


def expand_paths(paths: list[str | Path], pattern: str | None = None) -> list[Path | InputError]:
    """Files named directly, plus the supported files of named directories.

    Directories are walked to any depth in path order (hidden files and folders
    skipped; ``pattern`` filters file names); ``-`` is standard input. A file named
    twice, or also found in a named directory, is read once. A path that cannot be
    used becomes an :class:`InputError` in the list, in place, so one bad path never
    hides the good ones.
    """
    found: list[Path | InputError] = []
    seen: set[Path] = set()

    def add(path: Path) -> None:
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            found.append(path)

    for raw in paths:
        if str(raw) == "-":
            found.append(STDIN)
            continue
        path = Path(raw)
        try:
            if path.is_dir():
                files = _files_in(path, pattern)
                if not files:
                    kinds = " or ".join(SUPPORTED_SUFFIXES)
                    which = f" matching {pattern}" if pattern else ""
                    found.append(InputError(path, f"directory has no {kinds} files{which}"))
                for file in files:
                    add(file)
            elif path.is_file():
                add(path)
            elif path.exists():
                found.append(InputError(path, "is not a regular file"))
            else:
                found.append(InputError(path, "no such file or directory"))
        except OSError as exc:
            found.append(InputError(path, f"cannot be read ({exc.strerror or exc})"))
    return found


def read_source(
    path: Path,
    source_id: str | None = None,
    language: str | None = None,
    encoding: str | None = None,
) -> Source:
    """Read one text or Markdown file into a :class:`Source`: UTF-8, or the encoding
    :func:`briefgen.ingest.decode.decode` finds (Shift_JIS, EUC-JP…), or ``encoding``."""
    try:
        if path == STDIN:
            data = sys.stdin.buffer.read(MAX_BYTES + 1)
            if len(data) > MAX_BYTES:
                raise InputError("stdin", f"is larger than {MAX_BYTES // 1_000_000} MB")
        else:
            if path.stat().st_size > MAX_BYTES:
                raise InputError(
                    path, f"is larger than {MAX_BYTES // 1_000_000} MB; not an article"
                )
            data = path.read_bytes()
    except IsADirectoryError:
        raise InputError(path, "is a directory, not a file") from None
    except OSError as exc:
        raise InputError(path, f"cannot be read ({exc.strerror or exc})") from exc
    try:
        text, _ = decode(data, encoding)
    except DecodeError as exc:
        binary = "binary" in str(exc)
        hint = "; give --encoding if you know it" if not (encoding or binary) else ""
        raise InputError(path, f"{exc}{hint}") from None
    if "\x00" in text:
        raise InputError(path, "looks like a binary file, not text")
    if not text.strip():
        raise InputError(path, "is empty")
    try:
        return parse_text(
            text,
            origin="stdin" if path == STDIN else str(path),
            source_id=source_id or ("stdin" if path == STDIN else path.stem),
            fallback_title="stdin" if path == STDIN else path.stem,
            markdown=path.suffix.lower() == ".md",
            language=language,
        )
    except ValueError as exc:  # front matter that is not YAML
        raise InputError(path, str(exc)) from None
