"""Every error briefgen raises on purpose.

::

    BriefgenError                 base: catch this to catch everything below
     ├── InputError               a source cannot be read (missing, empty, not UTF-8, ...)
     ├── TranslationError         the translation backend failed
     │    └── ModelNotInstalled   no translation package for this language pair
     ├── RenderError              the Word template could not be rendered or written
     │    └── TemplateError       a template is broken, failed, or went over a limit
     └── DeliveryError            the email could not be written or sent (``kind`` says why)

Each message is one line that names the file (or package) and the problem, so the
CLI can print ``str(error)`` as it is.
"""

from __future__ import annotations

from pathlib import Path


class BriefgenError(Exception):
    """Base class of all briefgen errors."""


class InputError(BriefgenError):
    """A source could not be read or understood.

    ``origin`` is the path (or other origin) of the source at fault.
    """

    def __init__(self, origin: str | Path, problem: str) -> None:
        self.origin = str(origin)
        self.problem = problem
        super().__init__(f"{self.origin}: {problem}")


class TranslationError(BriefgenError):
    """The translation backend could not translate."""


class ModelNotInstalled(TranslationError):
    """No translation package is available for ``from_code`` → ``to_code``."""

    def __init__(self, from_code: str, to_code: str, hint: str) -> None:
        self.from_code = from_code
        self.to_code = to_code
        super().__init__(f"no {from_code}→{to_code} translation model installed; {hint}")


class RenderError(BriefgenError):
    """The briefing could not be rendered with its template or written out."""


class TemplateError(RenderError):
    """A template (Word, HTML, Markdown or text) could not be rendered: it does not
    parse, an expression in it failed (``{{ 1/0 }}``), or it went over one of the
    sandbox's limits (:mod:`briefgen.render.sandbox`).

    ``template`` is its path (or name); ``line`` the template line, where Jinja2 knows
    it; ``tag`` the tag at fault as written, where briefgen found it (Word templates).
    """

    def __init__(
        self, template: str | Path, problem: str, *, line: int | None = None, tag: str | None = None
    ) -> None:
        self.template = str(template)
        self.problem = problem
        self.line = line
        self.tag = tag
        where = f" in {tag}" if tag else f" on line {line}" if line else ""
        super().__init__(f"{self.template}: template error{where}: {problem}")


class DeliveryError(BriefgenError):
    """The briefing was made but could not be delivered.

    ``kind`` names the failure for scripts: ``connection refused``, ``TLS failure``,
    ``authentication failed``, ``recipient rejected``, ``timed out``,
    ``temporary failure``, ``refused``, ``usage``...
    """

    def __init__(self, message: str, *, kind: str = "failed") -> None:
        self.kind = kind
        super().__init__(message)


def one_line(error: object) -> str:
    """An error's text on one line (some servers' and libraries' messages span several)."""
    return " ".join(str(error).split())


def reason(error: object) -> str:
    """A short reason for an OS or network error ("Connection refused", not errno noise)."""
    return one_line(getattr(error, "strerror", None) or error)
