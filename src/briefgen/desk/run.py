"""The daily desk from Python: ``run_desk(DeskConfig.load("desk.toml"))``.

What ``briefgen make --config desk.toml`` does, with the config's names: read the
sources, make the briefing (stories included), mark what is new against the desk's
state, write the Word file, then the email (``.eml``, and SMTP when ``email.smtp`` is
set; credentials from the environment).
"""

from __future__ import annotations

import datetime as dt
import glob
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from briefgen.desk.config import DeskConfig
from briefgen.desk.state import DeskState
from briefgen.model import Briefing
from briefgen.options import Options, points_options
from briefgen.pipeline import Progress, make_briefing


@dataclass(frozen=True)
class DeskRun:
    """What a desk run made: the briefing (marked), the Word file, the email if any,
    and the addresses it was sent to."""

    briefing: Briefing
    docx: Path
    eml: Path | None = None
    sent_to: tuple[str, ...] = ()


def run_desk(
    config: DeskConfig,
    *,
    date: dt.date | None = None,
    progress: Progress | None = None,
    use_state: bool = True,
) -> DeskRun:
    """Make, mark, write and deliver the desk's briefing (see the module docstring)."""
    from briefgen.translate.glossary import Glossary

    run_date = date or dt.date.today()
    options = Options(
        language=config.lang,
        encoding=config.encoding,
        glob=config.glob,
        lede_sentences=config.lede,
        beam_size=config.beam,
        device=config.device,
        use_cache=config.cache,
        glossary=Glossary.load(config.path(config.glossary)) if config.glossary else None,
        translator=config.translator,
        servers=config.urls,
        corrections=config.path(config.corrections) if config.corrections else None,
        **points_options(config.points),  # type: ignore[arg-type]
    )
    docx = config.path(config.output, run_date)
    earlier = [
        path
        for pattern in (config.output, config.email.eml)
        if pattern
        for path in glob.glob(config.glob_of(pattern))
    ]
    briefing = make_briefing(
        config.source_paths(),
        str(config.path(config.model)) if config.model else None,
        title=config.title,
        date=run_date,  # a desk's briefing is the day's
        options=options,
        progress=progress,
        classification=config.classification,
        author=config.author,
        exclude=[docx, *earlier],  # nor are its earlier days' briefings sources
    )
    full = briefing
    report = progress or (lambda message: None)

    def warn(message: str) -> None:
        report(f"warning: {message}")

    where = config.path(config.state) if config.state else None
    state = DeskState(where, warn) if use_state else None
    if state is not None:
        try:
            briefing = state.mark(full, only_new=config.only_new)
        except (sqlite3.Error, OSError) as exc:  # what is new is never the run's failure
            warn(f"what is new is not recorded ({exc})")
            state = None
    docx.parent.mkdir(parents=True, exist_ok=True)
    briefing.save(docx, template=config.template_path())
    if state is not None:
        try:
            state.record(briefing, full)
        except (sqlite3.Error, OSError) as exc:
            warn(f"what is new is not recorded ({exc})")
    email = config.email
    eml = config.path(email.eml, run_date) if email.eml else None
    sent: tuple[str, ...] = ()
    if eml or email.smtp:
        from briefgen.deliver import build_email, save_email, send_email
        from briefgen.deliver.smtp import parse_server

        message = build_email(
            briefing,
            docx,
            sender=email.sender or os.environ.get("BRIEFGEN_SMTP_FROM"),
            to=list(email.to),
            cc=list(email.cc),
            subject=email.subject,
            draft=email.draft,
        )
        if eml:
            eml.parent.mkdir(parents=True, exist_ok=True)
            save_email(message, eml)
        if email.smtp:
            host, port = parse_server(email.smtp, email.security)
            sent = tuple(
                send_email(message, host, port, security=email.security, bcc=list(email.bcc))
            )
    return DeskRun(briefing, docx, eml, sent)
