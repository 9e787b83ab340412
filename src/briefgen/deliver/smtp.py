"""Sending over SMTP with the standard library: STARTTLS or TLS, AUTH, timeouts, retries.

Credentials come from the environment (``BRIEFGEN_SMTP_USER``,
``BRIEFGEN_SMTP_PASSWORD``), never from the command line. Temporary failures (4xx
replies, dropped connections) are retried a few times with a growing pause;
permanent ones (5xx, bad credentials, TLS errors) are not. Each failure is one
:class:`~briefgen.errors.DeliveryError` whose ``kind`` says what failed.
"""

from __future__ import annotations

import base64
import os
import re
import smtplib
import socket
import ssl
import time
from collections.abc import Sequence
from email.message import EmailMessage

from briefgen._net import is_loopback as is_loopback  # the CLI imports it from here
from briefgen.deliver.message import parse_address
from briefgen.errors import DeliveryError

DEFAULT_TIMEOUT_S = 30.0
RETRY_DELAYS_S = (2.0, 8.0)  # two retries of a temporary failure


def parse_server(text: str, security: str) -> tuple[str, int]:
    """``HOST``, ``HOST:PORT``, ``[IPv6]`` or ``[IPv6]:PORT``; the port defaults by
    ``security`` (465 for ssl, 25 for a plain relay, else 587)."""
    match = re.fullmatch(r"\[(?P<v6>[0-9A-Fa-f:.]+)\](?::(?P<p6>\d{1,5}))?", text, re.ASCII)
    if not match:
        match = re.fullmatch(r"(?P<host>[^:\s\[\]]+)(?::(?P<port>\d{0,5}))?", text, re.ASCII)
    if not match:
        raise DeliveryError(f"{text}: not a HOST[:PORT]", kind="usage")
    host = match.groupdict().get("v6") or match.groupdict().get("host") or ""
    port = match.groupdict().get("p6") or match.groupdict().get("port") or ""
    if not port:
        return host, {"ssl": 465, "none": 25}.get(security, 587)
    if not 0 < int(port) < 65536:
        raise DeliveryError(f"{text}: not a HOST[:PORT]", kind="usage")
    return host, int(port)


def send_email(
    message: EmailMessage,
    host: str,
    port: int,
    *,
    security: str = "starttls",
    bcc: Sequence[str] = (),
    user: str | None = None,
    password: str | None = None,
    timeout: float = DEFAULT_TIMEOUT_S,
    retry_delays: Sequence[float] | None = None,
    ssl_context: ssl.SSLContext | None = None,
) -> list[str]:
    """Send ``message`` to its To and Cc recipients and ``bcc``; the addresses sent to.

    ``security``: ``starttls`` (upgrade the connection, required to succeed), ``ssl``
    (TLS from the start, usually port 465) or ``none`` (plain; for a local relay).
    ``user``/``password``: default ``$BRIEFGEN_SMTP_USER``/``$BRIEFGEN_SMTP_PASSWORD``;
    no user means no AUTH. ``retry_delays``: the pauses before each retry of a temporary
    failure (default: :data:`RETRY_DELAYS_S`, read when called).
    """
    if retry_delays is None:
        retry_delays = RETRY_DELAYS_S
    if security not in ("starttls", "ssl", "none"):
        raise DeliveryError(f"{security}: not a security mode (starttls, ssl, none)", kind="usage")
    user = user if user is not None else os.environ.get("BRIEFGEN_SMTP_USER")
    password = password if password is not None else os.environ.get("BRIEFGEN_SMTP_PASSWORD")
    recipients = [
        a.addr_spec
        for field in ("To", "Cc")
        for a in (message[field].addresses if message[field] else ())
    ]
    recipients += [parse_address(a, what="recipient address").addr_spec for a in bcc]
    if not recipients:
        raise DeliveryError("no recipients: give at least one --to", kind="usage")
    if security == "none" and user and not is_loopback(host):
        raise DeliveryError(
            f"{host}: refusing to send the SMTP password unencrypted; use --starttls or --ssl",
            kind="usage",
        )
    where = f"{host}:{port}"
    context = ssl_context or ssl.create_default_context()
    attempt = 0
    while True:
        try:
            _send_once(message, host, port, security, user, password, timeout, context, recipients)
            return recipients
        except _Temporary as exc:
            if attempt >= len(retry_delays):
                raise _without_password(
                    DeliveryError(
                        f"{where}: temporary failure, gave up after {attempt + 1} tries ({exc})",
                        kind="temporary failure",
                    ),
                    user,
                    password,
                ) from exc
            time.sleep(retry_delays[attempt])
            attempt += 1
        except DeliveryError as exc:
            raise _without_password(exc, user, password) from exc.__cause__


def _without_password(
    error: DeliveryError, user: str | None, password: str | None
) -> DeliveryError:
    """``error`` with the password taken out of its message, in the forms AUTH sends it
    (a server's reply quoted in the message might echo it)."""
    if not password:
        return error
    forms = [
        password,
        base64.b64encode(password.encode()).decode(),  # AUTH LOGIN
        base64.b64encode(f"\0{user or ''}\0{password}".encode()).decode(),  # AUTH PLAIN
    ]
    message = str(error)
    for form in forms:
        message = message.replace(form, "***")
    return error if message == str(error) else DeliveryError(message, kind=error.kind)


class _Temporary(Exception):
    """A failure worth another try (4xx reply, connection dropped mid-way)."""


def _send_once(
    message: EmailMessage,
    host: str,
    port: int,
    security: str,
    user: str | None,
    password: str | None,
    timeout: float,
    context: ssl.SSLContext,
    recipients: list[str],
) -> None:
    where = f"{host}:{port}"
    client: smtplib.SMTP | None = None
    try:
        if security == "ssl":
            client = smtplib.SMTP_SSL(host, port, timeout=timeout, context=context)
        else:
            client = smtplib.SMTP(host, port, timeout=timeout)
        client.ehlo()
        if security == "starttls":
            if not client.has_extn("starttls"):
                raise DeliveryError(
                    f"{where}: the server does not offer STARTTLS (use --ssl, or a server "
                    "that does)",
                    kind="TLS failure",
                )
            client.starttls(context=context)
            client.ehlo()
        if user:
            _authenticate(client, user, password or "")
        refused = client.send_message(message, to_addrs=recipients)
        if refused:
            codes = "; ".join(f"{a}: {c} {_text(m)}" for a, (c, m) in refused.items())
            raise DeliveryError(
                f"{where}: some recipients rejected ({codes})", kind="recipient rejected"
            )
    except DeliveryError:
        raise
    except smtplib.SMTPAuthenticationError as exc:
        raise DeliveryError(
            f"{where}: authentication failed ({exc.smtp_code} {_text(exc.smtp_error)}); "
            "check BRIEFGEN_SMTP_USER and BRIEFGEN_SMTP_PASSWORD",
            kind="authentication failed",
        ) from exc
    except smtplib.SMTPRecipientsRefused as exc:
        reply_codes = [int(code) for code, _ in exc.recipients.values()]
        detail = "; ".join(f"{a}: {c} {_text(m)}" for a, (c, m) in exc.recipients.items())
        if all(400 <= c < 500 for c in reply_codes):
            raise _Temporary(detail) from exc
        raise DeliveryError(
            f"{where}: recipient rejected ({detail})", kind="recipient rejected"
        ) from exc
    except smtplib.SMTPResponseException as exc:
        if 400 <= exc.smtp_code < 500:
            raise _Temporary(f"{exc.smtp_code} {_text(exc.smtp_error)}") from exc
        raise DeliveryError(
            f"{where}: the server refused the message ({exc.smtp_code} {_text(exc.smtp_error)})",
            kind="refused",
        ) from exc
    except ssl.SSLError as exc:
        raise DeliveryError(
            f"{where}: TLS failure ({exc.reason or exc})", kind="TLS failure"
        ) from exc
    except smtplib.SMTPNotSupportedError as exc:
        raise DeliveryError(f"{where}: {exc}", kind="refused") from exc
    except TimeoutError as exc:
        raise DeliveryError(f"{where}: timed out after {timeout:g} s", kind="timed out") from exc
    except ConnectionRefusedError as exc:
        raise DeliveryError(
            f"{where}: connection refused (is the SMTP server running?)",
            kind="connection refused",
        ) from exc
    except socket.gaierror as exc:
        raise DeliveryError(f"{where}: unknown host ({exc.strerror})", kind="unknown host") from exc
    except (smtplib.SMTPServerDisconnected, ConnectionResetError) as exc:
        if "timed out" in str(exc):  # smtplib reports a read timeout as a disconnection
            raise DeliveryError(
                f"{where}: timed out after {timeout:g} s", kind="timed out"
            ) from exc
        raise _Temporary(f"connection dropped ({exc})") from exc
    except OSError as exc:
        raise DeliveryError(
            f"{where}: cannot connect ({exc.strerror or exc})", kind="connection failed"
        ) from exc
    finally:
        if client is not None:
            try:
                client.quit()
            except (smtplib.SMTPException, OSError):
                client.close()


def _authenticate(client: smtplib.SMTP, user: str, password: str) -> None:
    """AUTH PLAIN when offered (one round trip, understood by every server that offers
    it); otherwise whatever smtplib picks from what the server offers."""
    offered = client.esmtp_features.get("auth", "").upper().split()
    try:
        if "PLAIN" in offered:
            client.user, client.password = user, password
            client.auth("PLAIN", client.auth_plain)
        else:
            client.login(user, password)
    except UnicodeEncodeError as exc:
        raise DeliveryError(
            "authentication failed: the user name or password has characters SMTP AUTH "
            "cannot send (ASCII only)",
            kind="authentication failed",
        ) from exc


def _text(reply: bytes | str) -> str:
    text = reply.decode(errors="replace") if isinstance(reply, bytes) else str(reply)
    return " ".join(text.split())
