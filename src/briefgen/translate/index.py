"""The Argos package index, read natively: a JSON list of package descriptions.

Each entry is the package's ``metadata.json`` plus ``links`` (download URLs), e.g.::

    {"type": "translate", "from_code": "ja", "to_code": "en", "package_version": "1.1",
     "argos_version": "1.0", "from_name": "Japanese", "to_name": "English",
     "links": ["https://argos-net.com/v1/translate-ja_en-1_1.argosmodel"]}

An entry may also give ``size``, the package's size in bytes (briefgen's own
field; Argos's index has none): the download then stops at that size, where it is
under :data:`~briefgen.translate.download.MAX_PACKAGE_BYTES`.

The index is fetched from :func:`~briefgen.translate.locations.package_index_url`
and kept where ``argospm update`` keeps it, so either tool's copy serves both. It
is read up to :data:`~briefgen.translate.download.MAX_INDEX_BYTES`, and only from
``https://`` or this machine unless ``allow_insecure_index`` (see
:mod:`briefgen.translate.download`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefgen._io import write_atomic
from briefgen.errors import TranslationError
from briefgen.translate.download import fetch, read_index_file
from briefgen.translate.locations import local_index_path, package_index_url


@dataclass(frozen=True)
class IndexEntry:
    """One package the index offers: its language pair, version and download links."""

    from_code: str
    to_code: str
    version: str
    links: tuple[str, ...]
    from_name: str = ""
    to_name: str = ""
    argos_version: str = ""
    type: str = "translate"
    size: int | None = None

    @property
    def name(self) -> str:
        """The name ``argospm`` uses, e.g. ``translate-ja_en``."""
        return f"{self.type}-{self.from_code}_{self.to_code}"


def parse_index(data: bytes | str, origin: str) -> list[IndexEntry]:
    """The entries of an index document; ``origin`` (URL or path) names it in errors."""
    try:
        entries: Any = json.loads(data)
    except ValueError as exc:
        raise TranslationError(f"{origin}: not a package index (invalid JSON: {exc})") from exc
    if not isinstance(entries, list):
        raise TranslationError(f"{origin}: not a package index (expected a JSON list)")
    packages = []
    for entry in entries:
        # Entries of kinds briefgen cannot use (sentence boundary models, malformed
        # ones) are passed over, as Argos passes over what it cannot install.
        if not isinstance(entry, dict) or not entry.get("from_code") or not entry.get("to_code"):
            continue
        links = entry.get("links") or []
        if isinstance(links, str):
            links = [links]
        packages.append(
            IndexEntry(
                from_code=str(entry["from_code"]),
                to_code=str(entry["to_code"]),
                version=str(entry.get("package_version") or ""),
                links=tuple(
                    link
                    for link in links
                    if isinstance(link, str) and link.startswith(("http://", "https://", "file:"))
                ),
                from_name=str(entry.get("from_name") or ""),
                to_name=str(entry.get("to_name") or ""),
                argos_version=str(entry.get("argos_version") or ""),
                type=str(entry.get("type") or "translate"),
                size=_size(entry.get("size")),
            )
        )
    return packages


def _size(value: object) -> int | None:
    """A package size in bytes, when the entry gives a usable one."""
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        return None
    return value


def update_index(url: str | None = None, *, allow_insecure_index: bool = False) -> list[IndexEntry]:
    """Fetch the index and keep a copy where ``argospm update`` keeps it."""
    url = url or package_index_url()
    body = fetch(url, allow_insecure=allow_insecure_index)
    entries = parse_index(body, url)  # never replace a good copy with a broken one
    path = local_index_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, body)
    except OSError as exc:
        raise TranslationError(f"{path}: cannot save the package index ({exc})") from exc
    return entries


def available_packages(
    url: str | None = None, *, refresh: bool = False, allow_insecure_index: bool = False
) -> list[IndexEntry]:
    """The packages the index offers: the local copy, fetched first if missing, broken
    or ``refresh``.

    An explicit ``url`` (or a local file's path: the user's own file, read as it is)
    is always read afresh and never saved over Argos's copy. ``allow_insecure_index``:
    fetch an ``http://`` or ``file:`` index too.
    """
    if url is not None:
        if Path(url).is_file():
            return parse_index(read_index_file(Path(url)), url)
        return parse_index(fetch(url, allow_insecure=allow_insecure_index), url)
    path: Path = local_index_path()
    if refresh or not path.exists():
        return update_index(allow_insecure_index=allow_insecure_index)
    try:
        return parse_index(read_index_file(path), str(path))
    except (OSError, TranslationError):
        # What argospm does with a broken copy: fetch it again.
        return update_index(allow_insecure_index=allow_insecure_index)
