"""A made briefing, and the ways to write it out: :class:`Briefing`.

The data of a briefing lives in :mod:`briefgen.model`, the ground floor every stage
imports. Writing it out goes through the renderers and the email builder, which
import the model; so the conveniences live one floor up, here, where they make no
import cycle. :func:`~briefgen.make_briefing` returns this class.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefgen.model import Briefing as BriefingData

if TYPE_CHECKING:
    from email.message import EmailMessage


class Briefing(BriefingData):
    """A whole briefing (the fields of :class:`briefgen.model.Briefing`) that can be
    saved as Word, HTML, Markdown or text, given as plain data, or made an email."""

    def save_docx(self, path: str | Path, template: str | Path | None = None) -> Path:
        """Render this briefing to a Word file at ``path`` (written atomically).

        ``template`` is a ``.docx`` with Jinja2 tags; ``None`` uses the shipped one.
        """
        from briefgen.render.docx import save_docx

        return save_docx(self, path, template=template)

    def save(
        self, path: str | Path, format: str | None = None, template: str | Path | None = None
    ) -> Path:
        """Write this briefing to ``path`` (atomically) as ``docx``, ``html``, ``md`` or
        ``txt``; ``format`` defaults to the file's suffix. ``template``: a shipped
        template's name or a path (a .docx for Word, a Jinja2 text file otherwise)."""
        format = format or Path(path).suffix.lower().lstrip(".")
        if format == "docx":
            return self.save_docx(path, template)
        from briefgen.render.text import save_text

        return save_text(self, path, format, template)

    def to_summary(self) -> dict[str, Any]:
        """The structured points as plain data (JSON-ready) in the versioned
        ``briefgen.summary/1`` schema; see :mod:`briefgen.render.summary`."""
        from briefgen.render.summary import summary_data

        return summary_data(self)

    def to_email(self, docx: str | Path, **options: Any) -> EmailMessage:
        """This briefing as an email with ``docx`` (the saved Word file) attached.

        ``options`` are those of :func:`briefgen.deliver.build_email` (``sender``,
        ``to``, ``cc``, ``subject``, ``draft``, ``sent_at``). Save it with
        :func:`briefgen.deliver.save_email`, send it with :func:`briefgen.deliver.send_email`.
        """
        from briefgen.deliver.message import build_email

        return build_email(self, docx, **options)
