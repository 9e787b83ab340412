"""Delivering a briefing: an ``.eml`` message with the Word file attached, SMTP sending."""

from briefgen.deliver.message import build_email, parse_address, save_email
from briefgen.deliver.smtp import send_email

__all__ = ["build_email", "parse_address", "save_email", "send_email"]
