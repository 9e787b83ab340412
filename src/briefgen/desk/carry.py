"""Carrying a made briefing out: mark what is new, write, deliver, record, in that order.

``briefgen make`` (with or without ``--config``) and :func:`briefgen.desk.run_desk`
both end in :func:`carry_out`, so the order cannot drift between them. The order is
the point:

- The desk's state records a briefing only once it reached its reader: after the
  SMTP server accepted it where sending is asked, else after the file (and ``.eml``)
  was written. A failed delivery records nothing, so the next run makes and sends the
  same briefing again, and says that it is a retry.
- A briefing never replaces an earlier one (a file carrying briefgen's mark, see
  :mod:`briefgen._mark`) that holds more sources: it is written under the next free
  name instead (``b-2.docx``, ``b-3.docx``…), and a line says so.
- With ``only_new`` and nothing new, nothing is written or sent: one line says
  "nothing new since …" (``send_when_empty``: a short notice goes by SMTP instead).
- A state opened read-only (a preview) marks what is new and records nothing.
"""

from __future__ import annotations

import datetime as dt
import itertools
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from briefgen.briefing import Briefing
    from briefgen.desk.state import DeskState
    from briefgen.errors import DeliveryError

T = TypeVar("T")
Say = Callable[[str], None]


@dataclass(frozen=True)
class Mail:
    """Where the briefing goes as an email: an ``.eml`` file, an SMTP server, or both
    (credentials from ``BRIEFGEN_SMTP_USER`` / ``BRIEFGEN_SMTP_PASSWORD``)."""

    to: tuple[str, ...] = ()
    cc: tuple[str, ...] = ()
    bcc: tuple[str, ...] = ()
    sender: str | None = None
    subject: str | None = None
    draft: bool = False
    eml: Path | None = None
    smtp: str | None = None
    security: str = "starttls"
    timeout: float = 30.0
    sent_at: dt.datetime | None = None  # fixed: the same briefing gives the same message


@dataclass(frozen=True)
class Destination:
    """Where a briefing goes and what is left out of it."""

    output: Path
    format: str | None = None  # default: the output's suffix
    template: str | None = None
    mail: Mail = field(default_factory=Mail)
    only_new: bool = False
    send_when_empty: bool = False


@dataclass(frozen=True)
class Outcome:
    """What a run did: the briefing as marked, the file written (None: nothing new,
    nothing written), the ``.eml``, who it was sent to, whether it was a retry of an
    undelivered briefing, and the delivery's failure (the files are kept, nothing
    recorded)."""

    briefing: Briefing
    output: Path | None
    eml: Path | None = None
    sent_to: tuple[str, ...] = ()
    retry: bool = False
    failure: DeliveryError | None = None


def carry_out(
    full: Briefing,
    destination: Destination,
    state: DeskState | None = None,
    *,
    report: Say | None = None,
    notice: Say | None = None,
) -> Outcome:
    """Mark ``full`` against ``state``, write it, deliver it, then record it.

    ``report`` gets progress lines; ``notice`` the lines a user must see even when
    progress is not shown (a retry, a new name, nothing new, a state that failed).
    Errors of writing raise (:class:`~briefgen.errors.RenderError`); a failed
    delivery is returned in :attr:`Outcome.failure`, never raised, so the caller can
    say what was kept.
    """
    report = report or _silent
    notice = notice or _silent
    briefing, state = _marked(full, destination.only_new, state, report, notice)
    if briefing.news is not None and destination.only_new and not briefing.sources:
        return _quiet_day(briefing, destination, report, notice)
    output = destination.output
    retry = bool(
        state is not None
        and not state.read_only
        and _safely(lambda: state.undelivered(output), notice)
    )
    if retry:
        notice(f"{output} was written by an earlier run but never delivered: this run is a retry")
    output = _free_name(output, len(briefing.sources), notice)
    # The renderers put briefgen's mark in every file they write.
    written = briefing.save(output, destination.format, destination.template)
    report(f"wrote {written} ({len(briefing.sources)} source(s))")
    from briefgen.errors import DeliveryError

    mail = destination.mail
    eml = _free_name(mail.eml, len(briefing.sources), notice) if mail.eml else None
    try:
        sent = _deliver(briefing, written, mail, eml, report)
    except DeliveryError as exc:
        kept = eml if eml is not None and eml.is_file() else None
        return Outcome(briefing, written, kept, retry=retry, failure=exc)
    if state is not None and not state.read_only and briefing.news is not None:
        _safely(lambda: state.record(briefing, full, delivered=written), notice)
    return Outcome(briefing, written, eml, sent, retry=retry)


def _marked(
    full: Briefing, only_new: bool, state: DeskState | None, report: Say, notice: Say
) -> tuple[Briefing, DeskState | None]:
    """``full`` marked new, updated or reported, and the state to record in (None
    once it failed: what is new is never the run's failure)."""
    if state is None:
        return full, None
    marked = _safely(lambda: state.mark(full, only_new=only_new), notice)
    if marked is None:
        return full, None
    if marked.news is not None:
        preview = " (read only: a preview records nothing)" if state.read_only else ""
        report(f"what is new: {marked.news.text()} ({state.path}){preview}")
    return marked, state


def _quiet_day(briefing: Briefing, destination: Destination, report: Say, notice: Say) -> Outcome:
    """Nothing new: no file, no email, one line; a short notice with send_when_empty."""
    from briefgen.errors import DeliveryError

    assert briefing.news is not None
    mail = destination.mail
    sending = destination.send_when_empty and mail.smtp is not None
    notice(
        f"{briefing.news.text()}: no briefing written"
        + ("; sending a short notice" if sending else ", nothing sent")
    )
    if not sending:
        return Outcome(briefing, None)
    from briefgen.deliver.message import build_notice

    message = build_notice(
        briefing,
        briefing.news.text(),
        sender=mail.sender or os.environ.get("BRIEFGEN_SMTP_FROM"),
        to=list(mail.to),
        cc=list(mail.cc),
        subject=mail.subject,
        sent_at=mail.sent_at,
    )
    try:
        sent = _send(message, mail, report)
    except DeliveryError as exc:
        return Outcome(briefing, None, failure=exc)
    return Outcome(briefing, None, sent_to=sent)


def _deliver(
    briefing: Briefing, docx: Path, mail: Mail, eml: Path | None, report: Say
) -> tuple[str, ...]:
    """Write the ``.eml`` (at ``eml``) and send; the addresses sent to."""
    if not (eml or mail.smtp):
        return ()
    from briefgen.deliver.message import build_email, save_email

    message = build_email(
        briefing,
        docx,
        sender=mail.sender or os.environ.get("BRIEFGEN_SMTP_FROM"),
        to=list(mail.to),
        cc=list(mail.cc),
        subject=mail.subject,
        draft=mail.draft,
        sent_at=mail.sent_at,
    )
    if eml:
        report(f"wrote {save_email(message, eml)}")
    return _send(message, mail, report) if mail.smtp else ()


def _send(message: object, mail: Mail, report: Say) -> tuple[str, ...]:
    from email.message import EmailMessage

    from briefgen.deliver.smtp import parse_server, send_email

    assert isinstance(message, EmailMessage) and mail.smtp is not None
    size = len(message.as_bytes())
    limit = float(os.environ.get("BRIEFGEN_EMAIL_WARN_MB", "10")) * 1_000_000
    if size > limit:
        logging.getLogger("briefgen").warning(
            "the email is %.1f MB; many mail servers refuse messages over 10-25 MB", size / 1e6
        )
    host, port = parse_server(mail.smtp, mail.security)
    report(f"sending to {len([*mail.to, *mail.cc, *mail.bcc])} recipient(s) via {host}:{port}")
    sent = send_email(
        message, host, port, security=mail.security, bcc=list(mail.bcc), timeout=mail.timeout
    )
    report(f"sent to {', '.join(sent)}")
    return tuple(sent)


def _free_name(path: Path, sources: int, notice: Say) -> Path:
    """``path``, unless it is a briefing holding more sources than ``sources``: then the
    first free ``<stem>-2<suffix>``, ``-3``… (an earlier briefing is never lost)."""
    from briefgen._mark import read_mark

    mark = read_mark(path) if path.is_file() else None
    if mark is None or mark.sources <= sources:
        return path
    for n in itertools.count(2):
        free = path.with_name(f"{path.stem}-{n}{path.suffix}")
        if not free.exists():
            notice(
                f"{path} holds {mark.sources} source(s), this briefing {sources}: "
                f"writing {free.name} instead of replacing it"
            )
            return free
    raise AssertionError("unreachable")


def _safely(step: Callable[[], T], notice: Say) -> T | None:
    """A step of the desk's state: its failure is a warning, never the run's."""
    import sqlite3  # only where there is a state, which has imported it already

    try:
        return step()
    except (sqlite3.Error, OSError) as exc:
        notice(f"warning: what is new is not recorded ({exc})")
        return None


def _silent(message: str) -> None:
    pass
