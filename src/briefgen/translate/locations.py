"""Where things live: Argos Translate's folders and settings, and briefgen's cache.

briefgen shares Argos Translate's packages folder and package index, so a package
that ``argospm`` installed is used by briefgen and the other way round. These
functions read the locations as ``argostranslate.settings`` (1.9–1.11) does,
without importing it (it creates folders on import), and a test holds the two
together:

- a setting comes from the environment, else from ``settings.json`` in Argos's
  config folder (``$XDG_CONFIG_HOME/argos-translate``, else ``~/.config/argos-translate``);
- the data folder is ``$XDG_DATA_HOME/argos-translate``, else
  ``~/.local/share/argos-translate``; under Snap, ``$SNAP_USER_DATA`` stands for home;
- packages are in ``ARGOS_PACKAGES_DIR``, else ``<data folder>/packages``;
- the index comes from ``ARGOS_PACKAGE_INDEX`` + ``index.json`` (Argos's GitHub index
  by default), and ``argospm update`` keeps a copy at ``<data folder>/index.json``.

Two deliberate differences, where Argos's reading is surely not what the user
meant: an ``ARGOS_PACKAGE_INDEX`` without a final ``/`` gets one (Argos would ask
for ``…/mainindex.json``), and an empty variable counts as unset (Argos would use
the current folder). Nothing here creates a folder: reading the locations never
changes the user's setup.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

DEFAULT_INDEX_BASE = "https://raw.githubusercontent.com/argosopentech/argospm-index/main/"


def _home() -> Path:
    if "SNAP" in os.environ and os.environ.get("SNAP_USER_DATA"):
        return Path(os.environ["SNAP_USER_DATA"])
    return Path.home()


def argos_data_dir() -> Path:
    return Path(os.environ.get("XDG_DATA_HOME") or _home() / ".local" / "share") / "argos-translate"


def argos_config_dir() -> Path:
    return Path(os.environ.get("XDG_CONFIG_HOME") or _home() / ".config") / "argos-translate"


def argos_setting(key: str) -> str | None:
    """An Argos setting: the environment first, then Argos's ``settings.json``."""
    if (value := os.environ.get(key)) is not None:
        return value
    settings: Any = None
    try:
        settings = json.loads((argos_config_dir() / "settings.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None  # Argos itself carries on without a readable settings file
    value = settings.get(key) if isinstance(settings, dict) else None
    return None if value is None else str(value)


def argos_packages_dir() -> Path:
    """The folder Argos installs packages into (and briefgen too)."""
    return Path(argos_setting("ARGOS_PACKAGES_DIR") or argos_data_dir() / "packages")


def argos_package_dirs() -> list[Path]:
    """Every folder Argos looks in for installed packages, the install folder first."""
    folders = [argos_packages_dir()]
    if snap := os.environ.get("SNAP"):
        bundled = Path(snap) / "snap_custom" / "packages"
        if bundled.is_dir():
            folders.append(bundled)
        content = Path(snap) / "snap_custom" / "content_snap_packages"
        if content.is_dir():
            folders += sorted(p for p in content.iterdir() if p.is_dir())
    return folders


def package_index_url() -> str:
    """The package index Argos reads: ``$ARGOS_PACKAGE_INDEX`` + ``index.json``."""
    base = argos_setting("ARGOS_PACKAGE_INDEX") or DEFAULT_INDEX_BASE
    # Argos appends "index.json" to the setting as it is; accept a full URL too.
    return base if base.endswith(".json") else base.rstrip("/") + "/index.json"


def local_index_path() -> Path:
    """Where ``argospm update`` (and ``briefgen models available``) keep the index."""
    return argos_data_dir() / "index.json"


def cache_dir() -> Path:
    """``$BRIEFGEN_CACHE_DIR``, else ``$XDG_CACHE_HOME/briefgen``, else ``~/.cache/briefgen``."""
    if explicit := os.environ.get("BRIEFGEN_CACHE_DIR"):
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "briefgen"
