"""The shipped templates by name, and finding the file a name or path means.

Templates live in the top-level ``templates/`` folder, packaged into
``briefgen/templates`` in the wheel; an editable install reads them from the checkout.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from briefgen.errors import RenderError


@dataclass(frozen=True)
class ShippedTemplate:
    """A template that comes with briefgen: its name, what it is for, and its file."""

    name: str
    description: str
    filename: str

    @property
    def path(self) -> Path:
        return shipped_file(self.filename)


SHIPPED = (
    ShippedTemplate(
        "briefing",
        "the default: cover, summary across sources, each source's points original | "
        "English with labels, its timeline and actors; a joint timeline; the full text",
        "briefing.docx",
    ),
    ShippedTemplate(
        "compact",
        "English first, about a page per source, the original in small type under each point",
        "compact.docx",
    ),
    ShippedTemplate(
        "parallel",
        "every paragraph of every source, original and English side by side",
        "parallel.docx",
    ),
    ShippedTemplate(
        "briefing.html",
        "preview (-o x.html): one self-contained page that reads on a phone",
        "briefing.html",
    ),
    ShippedTemplate("briefing.md", "preview (-o x.md): Markdown", "briefing.md"),
    ShippedTemplate("briefing.txt", "preview (-o x.txt): plain text", "briefing.txt"),
)
DEFAULT = "briefing"


def shipped_file(filename: str) -> Path:
    """A file of the shipped ``templates/`` folder (installed, or the checkout's)."""
    installed = resources.files("briefgen").joinpath("templates", filename)
    if installed.is_file():
        return Path(str(installed))
    # Editable installs run from src/: the templates are in the repository's templates/.
    checkout = Path(__file__).resolve().parents[3] / "templates" / filename
    if checkout.is_file():
        return checkout
    raise RenderError(f"template {filename} is missing from the install")


def find_template(name_or_path: str | Path | None) -> Path:
    """The .docx that ``name_or_path`` means: a shipped template's name (``compact``),
    or a path; ``None`` is the default template."""
    if name_or_path is None:
        name_or_path = DEFAULT
    by_name = {t.name: t for t in SHIPPED}
    if isinstance(name_or_path, str) and name_or_path in by_name:
        return by_name[name_or_path].path
    path = Path(name_or_path)
    if not path.is_file():
        names = ", ".join(t.name for t in SHIPPED if t.filename.endswith(".docx"))
        raise RenderError(f"{path}: no such template file (shipped templates: {names})")
    return path


def copy_template(name: str, folder: str | Path) -> Path:
    """Copy the shipped template ``name`` into ``folder`` to start a custom one; the
    copy's path (an existing file is never overwritten)."""
    by_name = {t.name: t for t in SHIPPED}
    if name not in by_name:
        raise RenderError(f"no shipped template {name!r} (there are: {', '.join(by_name)})")
    folder = Path(folder)
    if not folder.is_dir():
        raise RenderError(f"{folder}: no such folder")
    target = folder / by_name[name].filename
    if target.exists():
        raise RenderError(f"{target}: already exists; remove it or copy into another folder")
    shutil.copyfile(by_name[name].path, target)
    return target
