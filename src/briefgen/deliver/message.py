"""The briefing as an email: a MIME message with a short body and the .docx attached.

``multipart/mixed`` holding a ``multipart/alternative`` body (plain text and HTML,
rendered from ``templates/email.txt`` and ``templates/email.html``) and the Word
file, with its MIME type set explicitly. Non-ASCII subjects are RFC 2047 encoded
and file names RFC 2231 encoded by the standard library's ``email`` package.
Header injection is impossible: line breaks and other control characters are
taken out of everything that goes into a header, and addresses are validated.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Sequence
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime
from pathlib import Path
from typing import Any

from briefgen._io import write_atomic
from briefgen._mark import mark_text
from briefgen.errors import DeliveryError, InputError, RenderError
from briefgen.model import Briefing
from briefgen.render.context import briefing_context, date_text

DOCX_TYPE = ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document")
DEFAULT_SENDER = "briefgen@localhost"
_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]+")
_LABEL = r"(?!-)[A-Za-z0-9-]{1,63}(?<!-)"
_DOMAIN = re.compile(rf"{_LABEL}(?:\.{_LABEL})*")
_ADDRESS = re.compile(r"^[^@\s<>()\[\],;:\"\\]+@[^@\s<>()\[\],;:\"\\]+$")


def clean_header(text: str) -> str:
    """``text`` safe for a header: control characters (CR, LF, NUL...) become spaces."""
    return " ".join(_CONTROL.sub(" ", text).split())


def parse_address(text: str, *, what: str = "address") -> Address:
    """``someone@example.org`` or ``Name <someone@example.org>``, validated.

    Raises :class:`InputError` (origin: the text) for anything else, including text
    with line breaks or other control characters.
    """
    if _CONTROL.search(text):
        raise InputError(text.encode("unicode_escape").decode(), f"not a valid {what}")
    match = re.fullmatch(r"\s*(?:(.*?)\s*<([^<>]+)>|([^<>]+))\s*", text)
    if not match:
        raise InputError(text, f"not a valid {what}")
    name, spec = (match[1] or "").strip().strip('"'), (match[2] or match[3] or "").strip()
    if "<" in name or ">" in name:
        raise InputError(text, f"not a valid {what} (more than one <address>)")
    if not _ADDRESS.match(spec):
        raise InputError(text, f"not a valid {what} (expected name@domain)")
    user, _, domain = spec.rpartition("@")
    dot_atom = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
    if len(user) > 64 or not re.fullmatch(dot_atom, user):
        raise InputError(text, f"not a valid {what} (the part before @ is not a plain name)")
    try:
        domain = domain.encode("idna").decode("ascii")  # 例え.jp → xn--r8jz45g.jp
    except UnicodeError as exc:
        raise InputError(text, f"not a valid {what} (domain: {exc})") from exc
    if not re.fullmatch(
        r"(?!-)[A-Za-z0-9-]{1,63}(?<!-)(?:\.(?!-)[A-Za-z0-9-]{1,63}(?<!-))*", domain
    ):
        raise InputError(text, f"not a valid {what} (domain {domain!r})")
    try:
        return Address(display_name=name, username=user, domain=domain)
    except (ValueError, TypeError) as exc:
        raise InputError(text, f"not a valid {what} ({exc})") from exc


def build_email(
    briefing: Briefing,
    docx: str | Path,
    *,
    sender: str | None = None,
    to: Sequence[str] = (),
    cc: Sequence[str] = (),
    subject: str | None = None,
    draft: bool = False,
    sent_at: dt.datetime | None = None,
) -> EmailMessage:
    """The briefing as an :class:`~email.message.EmailMessage` with ``docx`` attached.

    Args:
        briefing: what the body summarizes (title, date, each source's English title,
            lede and key points).
        docx: the Word file written for it, attached byte for byte.
        sender: the ``From`` address (default ``briefgen@localhost``).
        to, cc: recipients (``name@domain`` or ``Name <name@domain>``); Bcc
            recipients are never written into a message, pass them to
            :func:`~briefgen.deliver.send_email` only.
        subject: default: the briefing's title and date.
        draft: add ``X-Unsent: 1``, so Outlook opens the message as a draft.
        sent_at: the ``Date``; default: now. With it fixed, the ``Message-ID`` is
            derived from the content, so the same briefing gives the same bytes.
    """
    data = Path(docx).read_bytes()
    subject = subject or _subject(briefing)
    message, when = _addressed(subject, sender, to, cc, sent_at)
    digest = hashlib.sha256(data + str(message["Subject"]).encode()).hexdigest()[:20]
    stamp = when.strftime("%Y%m%d%H%M%S") if sent_at else f"{dt.datetime.now().timestamp():.6f}"
    message["Message-ID"] = f"<{stamp}.{digest}@briefgen>"
    if draft:
        message["X-Unsent"] = "1"
    message["X-Generator"] = mark_text(len(briefing.sources))  # never read back as a source
    # The context every template gets (briefgen.render.context), so the body says what
    # the briefing says, labels included.
    context = briefing_context(briefing)
    message.set_content(_render("email.txt", context))
    message.add_alternative(_render("email.html", context), subtype="html")
    # A non-ASCII file name is written RFC 2231 style (filename*=utf-8''...), which
    # Thunderbird, Outlook 2010 and later, and Apple Mail read.
    file_name = clean_header(Path(docx).name)
    message.add_attachment(data, maintype=DOCX_TYPE[0], subtype=DOCX_TYPE[1], filename=file_name)
    # Boundaries from the content, not random: the same briefing gives the same bytes.
    message.set_boundary(f"=_briefgen_mixed_{digest}")
    for part in message.iter_parts():
        if part.is_multipart():
            part.set_boundary(f"=_briefgen_alternative_{digest}")
    return message


# A subject line that a mail client shows whole.
SUBJECT_CHARS = 140


def _subject(briefing: Briefing) -> str:
    """The briefing's title and date; for one source, its gist too (in English when
    translated), so the inbox line says what the briefing is about."""
    subject = f"{briefing.title} — {_date_text(briefing)}"
    gist = briefing.sources[0].gist if len(briefing.sources) == 1 else None
    if gist is not None:
        text = gist.english or gist.original
        subject = f"{subject}: {text}"
        if len(subject) > SUBJECT_CHARS:
            subject = subject[: SUBJECT_CHARS - 1].rstrip() + "…"
    return subject


def build_notice(
    briefing: Briefing,
    text: str,
    *,
    sender: str | None = None,
    to: Sequence[str] = (),
    cc: Sequence[str] = (),
    subject: str | None = None,
    sent_at: dt.datetime | None = None,
) -> EmailMessage:
    """A short plain-text email saying ``text`` (``nothing new since …``), without an
    attachment: what a desk sends on a quiet day when it is asked to."""
    title = f"{briefing.title} — {_date_text(briefing)}"
    message, when = _addressed(subject or f"{title}: {text}", sender, to, cc, sent_at)
    digest = hashlib.sha256(f"{message['Subject']}\0{when.isoformat()}".encode()).hexdigest()
    message["Message-ID"] = f"<{when.strftime('%Y%m%d%H%M%S')}.{digest[:20]}@briefgen>"
    message["X-Generator"] = mark_text(0)
    message.set_content(
        f"{title}\n\n{text[:1].upper()}{text[1:]}: no source read today says anything that "
        "an earlier briefing did not, so no briefing was made.\n\n-- briefgen\n"
    )
    return message


def _addressed(
    subject: str,
    sender: str | None,
    to: Sequence[str],
    cc: Sequence[str],
    sent_at: dt.datetime | None,
) -> tuple[EmailMessage, dt.datetime]:
    """A message with its Subject, From, To, Cc and Date (and the Date's time)."""
    message = EmailMessage()
    message["Subject"] = clean_header(subject)
    message["From"] = parse_address(sender or DEFAULT_SENDER, what="sender address")
    recipients = [parse_address(a, what="recipient address") for a in to]
    message["To"] = recipients if recipients else "undisclosed-recipients:;"
    if cc:
        message["Cc"] = [parse_address(a, what="recipient address") for a in cc]
    when = sent_at or dt.datetime.now(dt.timezone.utc)
    message["Date"] = format_datetime(when)
    return message, when


def save_email(message: EmailMessage, path: str | Path) -> Path:
    """Write ``message`` as an ``.eml`` file (CRLF line endings), atomically."""
    path = Path(path)
    try:
        return write_atomic(path, message.as_bytes(policy=SMTP))
    except OSError as exc:
        raise DeliveryError(f"{path}: cannot write ({exc.strerror or exc})") from exc


def _date_text(briefing: Briefing) -> str:
    return date_text(briefing.date)


def _render(name: str, context: dict[str, Any]) -> str:
    """The shipped email template ``name`` (users cannot supply their own), rendered in
    the same bounded sandbox as every template; any failure is a DeliveryError."""
    from briefgen.render.sandbox import template_error
    from briefgen.render.text import environment

    text = _template_text(name)
    try:
        return str(environment(name.rsplit(".", 1)[-1]).from_string(text).render(context))
    except Exception as exc:  # whatever failed, one line naming the template
        raise DeliveryError(f"email {template_error(name, exc)}") from exc


def _template_text(name: str) -> str:
    from briefgen.render.templates import shipped_file

    try:
        return shipped_file(name).read_text(encoding="utf-8")
    except RenderError as exc:
        raise DeliveryError(f"email template {name} is missing from the install") from exc
