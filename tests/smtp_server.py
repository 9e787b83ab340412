"""A plain SMTP server on 127.0.0.1 for the tests (aiosmtpd), that can refuse.

``running_mailbox(monkeypatch)`` starts one and stops it on every path; a 451 is not
retried within a run (so one 451 fails one run), and the environment holds no SMTP
credentials.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from package_server import refused_port


@dataclass
class Mailbox:
    """Accepts mail, except that it answers the first ``failures`` DATA with 451."""

    failures: int = 0
    received: list[bytes] = field(default_factory=list)

    async def handle_DATA(self, server, session, envelope):  # type: ignore[no-untyped-def]
        if self.failures:
            self.failures -= 1
            return "451 4.3.0 try again later"
        self.received.append(envelope.original_content)
        return "250 Message accepted"


@contextlib.contextmanager
def running_mailbox(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Mailbox, int]]:
    from aiosmtpd.controller import Controller

    monkeypatch.setattr("briefgen.deliver.smtp.RETRY_DELAYS_S", ())
    for key in ("BRIEFGEN_SMTP_USER", "BRIEFGEN_SMTP_PASSWORD", "BRIEFGEN_SMTP_FROM"):
        monkeypatch.delenv(key, raising=False)
    box = Mailbox()
    controller = Controller(box, hostname="127.0.0.1", port=refused_port())
    controller.start()
    try:
        yield box, controller.port
    finally:
        controller.stop()
