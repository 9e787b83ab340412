"""Finding source files and decoding them, with one-line errors for bad input."""

from __future__ import annotations

import fnmatch
import logging
import re
import sys
from pathlib import Path

from briefgen.errors import InputError
from briefgen.ingest.decode import XML_DECLARATION, DecodeError, decode
from briefgen.ingest.text import build_source, text_blocks
from briefgen.model import Source

# A page's own <meta charset="…">, read from its bytes before decoding.
CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
MARKDOWN_SUFFIXES = (".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
SUPPORTED_SUFFIXES = (".txt", *MARKDOWN_SUFFIXES, *HTML_SUFFIXES, ".docx", ".pdf")
# Files that are plainly not articles, told apart by their first bytes.
_NOT_READABLE = (
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "is an old Word .doc (or Excel) file; save it as .docx"),
    (b"\x89PNG", "is a PNG image, not text"),
    (b"\xff\xd8\xff", "is a JPEG image, not text"),
    (b"GIF8", "is a GIF image, not text"),
    (b"\x1f\x8b", "is gzip-compressed; unpack it first"),
    (b"7z\xbc\xaf", "is a 7-Zip archive; unpack it first"),
    (b"Rar!", "is a RAR archive; unpack it first"),
)
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
            if not _made_by_briefgen(path):
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
                    which = f" matching {pattern}" if pattern else ""
                    kinds = ", ".join(SUPPORTED_SUFFIXES)
                    problem = f"directory has no source files{which} ({kinds})"
                    found.append(InputError(path, problem))
                for file in files:
                    add(file)
            elif path.is_file():
                add(path)
            elif path.exists():
                found.append(InputError(path, "is not a regular file"))
            elif any(ch in str(raw) for ch in "*?["):
                found.append(InputError(path, "matches no file"))
            else:
                found.append(InputError(path, "no such file or directory"))
        except OSError as exc:
            found.append(InputError(path, f"cannot be read ({exc.strerror or exc})"))
    return found


def _made_by_briefgen(path: Path) -> bool:
    """Whether ``path`` is briefgen's own output (it carries the mark, whatever its
    name or folder): said in one line, and never read back as a source."""
    from briefgen._mark import read_mark

    if path.suffix.lower() not in (".docx", ".html", ".htm", ".md", ".txt") or not read_mark(path):
        return False
    logging.getLogger("briefgen").warning(
        "%s is a briefing made by briefgen; not read as a source", path
    )
    return True


def read_source(
    path: str | Path,
    source_id: str | None = None,
    language: str | None = None,
    encoding: str | None = None,
) -> Source:
    """Read one file into a :class:`Source`, choosing the reader by the file's content
    (a PDF named ``.txt`` is still a PDF) and then by its name: text and Markdown in
    UTF-8 or the encoding :func:`briefgen.ingest.decode.decode` finds (``encoding``
    overrides), saved web pages, Word ``.docx`` and PDF."""
    path = Path(path)
    data = _read_bytes(path)
    suffix = "" if path == STDIN else path.suffix.lower()
    kind = sniff(data, suffix)
    if kind.startswith("!"):
        raise InputError(path, kind[1:])
    try:
        if kind == "pdf":
            from briefgen.ingest.pdf import pdf_blocks

            blocks, meta = pdf_blocks(data)
        elif kind == "docx":
            from briefgen.ingest.docx import docx_blocks

            blocks, meta = docx_blocks(data)
        else:
            text = _decode(path, data, encoding, html=kind == "html")
            if kind == "html" or looks_like_html(text):
                from briefgen.ingest.html import html_blocks

                blocks, meta = html_blocks(text)
            else:
                blocks, meta = text_blocks(text, markdown=suffix in MARKDOWN_SUFFIXES)
    except ValueError as exc:  # the readers' own errors: bad front matter, a damaged file
        raise InputError(path, str(exc)) from None
    fallback = "stdin" if path == STDIN else path.stem
    source = build_source(
        blocks,
        meta,
        origin="stdin" if path == STDIN else str(path),
        source_id=source_id or fallback,
        fallback_title=fallback,
        language=language,
    )
    if not source.sections:
        what = {"html": "a web page without article text"}.get(kind, "no text besides a title")
        raise InputError(path, f"has {what}" if kind != "html" else f"is {what}")
    return source


def looks_like_html(text: str) -> bool:
    head = text.lstrip("\ufeff \t\r\n")[:512].lower()
    head = XML_DECLARATION.sub("", head).lstrip()
    return head.startswith(("<!doctype html", "<html", "<head", "<!--")) and "<html" in (
        head + text[:4096].lower()
    )


def sniff(data: bytes, suffix: str) -> str:
    """``pdf``, ``docx``, ``html`` or ``text`` from the first bytes (and the name where
    they say nothing); ``!reason`` for a file briefgen cannot read."""
    head = data[:1024]
    if head.startswith(b"%PDF-") or (suffix == ".pdf" and b"%PDF-" in head):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx"
    for magic, what in _NOT_READABLE:
        if head.startswith(magic):
            return "!" + what
    if suffix == ".pdf":
        return "!is named .pdf but is not a PDF"
    if suffix == ".docx":
        return "!is named .docx but is not a Word document"
    if suffix in HTML_SUFFIXES:
        return "html"
    return "text"


def _read_bytes(path: Path) -> bytes:
    try:
        if path == STDIN:
            data = sys.stdin.buffer.read(MAX_BYTES + 1)
            if len(data) > MAX_BYTES:
                raise InputError("stdin", f"is larger than {MAX_BYTES // 1_000_000} MB")
            return data
        if path.stat().st_size > MAX_BYTES:
            raise InputError(path, f"is larger than {MAX_BYTES // 1_000_000} MB; not an article")
        return path.read_bytes()
    except IsADirectoryError:
        raise InputError(path, "is a directory, not a file") from None
    except OSError as exc:
        raise InputError(path, f"cannot be read ({exc.strerror or exc})") from exc


def _decode(path: Path, data: bytes, encoding: str | None, *, html: bool) -> str:
    if html and not encoding and (declared := CHARSET.search(data[:4096])):
        try:  # the page's own <meta charset>, unless its bytes say otherwise
            return decode(data, declared.group(1).decode("ascii"))[0]
        except (DecodeError, LookupError):
            pass
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
    return text
