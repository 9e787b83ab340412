"""The daily desk from Python: ``run_desk(DeskConfig.load("desk.toml"))``.

Exactly what ``briefgen make --config desk.toml`` does, through the same two calls:
:func:`briefgen.desk.plan.plan_make` (the config's values over the defaults, checked
before any work) and :func:`briefgen.desk.plan.run_plan` (make the briefing, then
write, deliver and record it, in that order).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefgen.briefing import Briefing
from briefgen.desk.config import DeskConfig
from briefgen.desk.plan import plan_make, run_plan
from briefgen.pipeline import Progress


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
    module docstring). A setting that cannot be used raises
    :class:`~briefgen.desk.plan.PlanError` before any work; ``strict`` with a source
    left out raises :class:`~briefgen.desk.plan.StrictError` (nothing written); a
    failed delivery raises its :class:`~briefgen.errors.DeliveryError` with the files
    kept and nothing recorded. ``progress`` also gets the lines a user must see."""
    given: dict[str, Any] = {"no_state": not use_state}
    if date is not None:
        given["date"] = date
    plan = plan_make(given, config, origins={"date": "date=", "no_state": "use_state="})
    done = run_plan(plan, progress=progress, notice=progress).outcome
    if done.failure is not None:
        raise done.failure
    return DeskRun(done.briefing, done.output, done.eml, done.sent_to, done.retry)
