"""The daily desk: a briefing config, stories across sources, and what is new.

``DeskConfig`` has the names of ``desk.toml``'s keys; ``plan_make`` checks a run's
settings (defaults, a config, flags) once and ``run_plan`` carries it out, for
``briefgen make`` and ``run_desk`` alike; ``DeskState`` records what briefings held;
``group_stories`` groups sources that report the same event. Imported on first use:
a briefing of several sources needs the stories, not the rest.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from briefgen.desk.config import ConfigError, DeskConfig, EmailSettings
    from briefgen.desk.plan import Plan, PlanError, StrictError, plan_make, run_plan
    from briefgen.desk.run import DeskRun, run_desk
    from briefgen.desk.state import DeskState
    from briefgen.desk.stories import group_stories

_WHERE = {
    "ConfigError": "config",
    "DeskConfig": "config",
    "EmailSettings": "config",
    "DeskRun": "run",
    "Plan": "plan",
    "PlanError": "plan",
    "StrictError": "plan",
    "plan_make": "plan",
    "run_plan": "plan",
    "run_desk": "run",
    "DeskState": "state",
    "group_stories": "stories",
}

__all__ = [
    "ConfigError",
    "DeskConfig",
    "DeskRun",
    "DeskState",
    "EmailSettings",
    "Plan",
    "PlanError",
    "StrictError",
    "group_stories",
    "plan_make",
    "run_desk",
    "run_plan",
]


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(importlib.import_module(f"briefgen.desk.{_WHERE[name]}"), name)
    raise AttributeError(f"module 'briefgen.desk' has no attribute {name!r}")
