"""The daily desk: a briefing config, stories across sources, and what is new."""

from briefgen.desk.config import ConfigError, DeskConfig, EmailSettings

__all__ = ["ConfigError", "DeskConfig", "EmailSettings"]
