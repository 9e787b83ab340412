"""The daily desk from Python: ``run_desk(DeskConfig.load("desk.toml"))``.

What ``briefgen make --config desk.toml`` does, with the config's names: read the
sources, make the briefing (stories included), then hand it to
:func:`briefgen.desk.carry.carry_out`, the one place that marks what is new, writes
the Word file, delivers it (``.eml``, and SMTP when ``email.smtp`` is set;
credentials from the environment) and only then records it in the desk's state.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from briefgen.desk.carry import Destination, Mail, carry_out
from briefgen.desk.config import DeskConfig
from briefgen.desk.state import DeskState
from briefgen.model import Briefing
from briefgen.options import Options, points_options
from briefgen.pipeline import Progress, make_briefing


@dataclass(frozen=True)
class DeskRun:
    """What a desk run made: the briefing (marked), the Word file (None when there was
    nothing new and ``only_new`` wrote nothing), the email if any, the addresses it
    was sent to, and whether it re-sent a briefing an earlier run failed to deliver."""

    briefing: Briefing
    docx: Path | None
    eml: Path | None = None
    sent_to: tuple[str, ...] = ()
    retry: bool = False


def run_desk(
    config: DeskConfig,
    *,
    date: dt.date | None = None,
    progress: Progress | None = None,
    use_state: bool = True,
) -> DeskRun:
    """Make, mark, write and deliver the desk's briefing, then record it (see the
    module docstring). A failed delivery raises its
    :class:`~briefgen.errors.DeliveryError` with the files kept and nothing recorded."""
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
    briefing = make_briefing(
        config.source_paths(),
        str(config.path(config.model)) if config.model else None,
        title=config.title,
        date=run_date,  # a desk's briefing is the day's
        options=options,
        progress=progress,
        classification=config.classification,
        author=config.author,
        exclude=[docx, *config.earlier_outputs()],  # nor are its earlier briefings sources
    )
    report = progress or (lambda message: None)
    email = config.email
    destination = Destination(
        output=docx,
        template=config.template_path(),
        mail=Mail(
            to=email.to,
            cc=email.cc,
            bcc=email.bcc,
            sender=email.sender,  # carry_out falls back on BRIEFGEN_SMTP_FROM
            subject=email.subject,
            draft=email.draft,
            eml=config.path(email.eml, run_date) if email.eml else None,
            smtp=email.smtp,
            security=email.security,
        ),
        only_new=config.only_new,
        send_when_empty=config.send_when_empty,
    )
    state = None
    if use_state:
        where = config.path(config.state) if config.state else None
        state = DeskState(where, lambda message: report(f"warning: {message}"))
    for folder in {docx.parent, *([destination.mail.eml.parent] if destination.mail.eml else [])}:
        folder.mkdir(parents=True, exist_ok=True)
    done = carry_out(briefing, destination, state, report=report, notice=report)
    if done.failure is not None:
        raise done.failure
    return DeskRun(done.briefing, done.output, done.eml, done.sent_to, done.retry)
