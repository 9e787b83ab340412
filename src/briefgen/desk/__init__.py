"""The daily desk: a briefing config, stories across sources, and what is new.

``DeskConfig`` has the names of ``desk.toml``'s keys; ``run_desk`` does what
``briefgen make --config`` does; ``DeskState`` records what briefings held;
``group_stories`` groups sources that report the same event.
"""

from briefgen.desk.config import ConfigError, DeskConfig, EmailSettings
from briefgen.desk.run import DeskRun, run_desk
from briefgen.desk.state import DeskState
from briefgen.desk.stories import group_stories

__all__ = [
    "ConfigError",
    "DeskConfig",
    "DeskRun",
    "DeskState",
    "EmailSettings",
    "group_stories",
    "run_desk",
]
