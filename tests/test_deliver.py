"""Email: the .eml parsed back, and sending to a real SMTP server (aiosmtpd) on 127.0.0.1."""

from __future__ import annotations

import email
import email.policy
import socket
import ssl
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path

import pytest
from conftest import DEMO_MODEL, SEEDS
from package_server import refused_port

import briefgen
from briefgen.cli import main
from briefgen.deliver import build_email, parse_address, save_email, send_email
from briefgen.errors import DeliveryError, InputError

aiosmtpd = pytest.importorskip("aiosmtpd", reason="needs the test extra: pip install -e '.[test]'")
from aiosmtpd.controller import Controller  # noqa: E402
from aiosmtpd.smtp import AuthResult, LoginPassword  # noqa: E402

TITLE = "米露首脳会談ブリーフィング"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def parse(path: Path) -> EmailMessage:
    with path.open("rb") as data:
        message = email.message_from_binary_file(data, policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    return message


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The seed briefing, its .docx and .eml, made through the CLI with a Japanese title."""
    folder = tmp_path_factory.mktemp("mail")
    docx, eml = folder / f"{TITLE}.docx", folder / "b.eml"
    assert main(["make", str(SEEDS), "--model", str(DEMO_MODEL), "-o", str(docx), "-q",
                 "--eml", str(eml), "--title", TITLE, "--date", "2025-09-12", "--draft",
                 "--to", "Desk <desk@example.org>", "--cc", "chief@example.org",
                 "--from", "Analyst <analyst@example.org>"]) == 0  # fmt: skip
    return docx, eml


def test_eml_round_trip(made: tuple[Path, Path]) -> None:
    docx, eml = made
    message = parse(eml)
    assert message.get_content_type() == "multipart/mixed"
    body, attachment = message.iter_parts()
    assert body.get_content_type() == "multipart/alternative"
    assert [p.get_content_type() for p in body.iter_parts()] == ["text/plain", "text/html"]
    # One source: the subject says its gist too, in English, and stays one line.
    subject = str(message["Subject"])
    assert subject.startswith(f"{TITLE} — 12 September 2025: ") and len(subject) <= 140
    assert "=?utf-8?" in eml.read_text(encoding="ascii")  # RFC 2047 on the wire
    assert str(message["To"]) == "Desk <desk@example.org>"
    assert str(message["Cc"]) == "chief@example.org"
    assert str(message["From"]) == "Analyst <analyst@example.org>"
    assert message["Date"] == "Fri, 12 Sep 2025 00:00:00 +0000"
    assert message["Message-ID"].startswith("<20250912000000.") and message["X-Unsent"] == "1"
    assert attachment.get_content_type() == DOCX_TYPE
    assert attachment.get_filename() == f"{TITLE}.docx"
    wire = eml.read_text(encoding="ascii")
    assert "filename*0*=utf-8''%E7%B1%B3" in wire  # RFC 2231
    assert f"Content-Type: {DOCX_TYPE}" in wire
    assert attachment.get_content() == docx.read_bytes()
    assert b"\r\n" in eml.read_bytes() and b"\n" not in eml.read_bytes().replace(b"\r\n", b"")


def test_same_date_gives_the_same_message_bytes(made: tuple[Path, Path], tmp_path: Path) -> None:
    docx, eml = made
    again = tmp_path / "again.eml"
    assert main(["make", str(SEEDS), "--model", str(DEMO_MODEL), "-o", str(tmp_path / docx.name),
                 "-q", "--eml", str(again), "--title", TITLE, "--date", "2025-09-12", "--draft",
                 "--to", "Desk <desk@example.org>", "--cc", "chief@example.org",
                 "--from", "Analyst <analyst@example.org>"]) == 0  # fmt: skip
    assert again.read_bytes() == eml.read_bytes()


def test_bodies_regression(made: tuple[Path, Path], file_regression) -> None:  # type: ignore[no-untyped-def]
    body = next(parse(made[1]).iter_parts())
    plain, html = body.iter_parts()
    text = plain.get_content() + "\n----- HTML -----\n" + html.get_content()
    file_regression.check(text, extension=".txt")


@pytest.mark.parametrize(
    "text",
    ["a@b.org\r\nBcc: evil@x.org", "a@b.org\nX: y", "a\x00@b.org", "not an address", "a@@b", ""],
)
def test_addresses_cannot_inject_headers(text: str) -> None:
    with pytest.raises(InputError, match="not a valid"):
        parse_address(text)


@pytest.mark.parametrize(
    "text",
    [
        "x <a@b.org> <c@d.org>",
        ".a@b.org",
        "a..b@c.org",
        "a@-b-.org",
        "x" * 65 + "@b.org",
        "ü@b.org",
    ],
)
def test_odd_addresses_are_refused(text: str) -> None:
    with pytest.raises(InputError, match="not a valid"):
        parse_address(text)


def test_international_domains_are_idna_encoded() -> None:
    assert parse_address("a@例え.jp").domain == "xn--r8jz45g.jp"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[::1]:2525", ("::1", 2525)),
        ("[::1]", ("::1", 587)),
        ("mail.example.org", ("mail.example.org", 587)),
        ("mail.example.org:25", ("mail.example.org", 25)),
    ],
)
def test_server_addresses(text: str, expected: tuple[str, int]) -> None:
    from briefgen.deliver.smtp import parse_server

    assert parse_server(text, "starttls") == expected


def test_the_port_follows_the_security() -> None:
    from briefgen.deliver.smtp import parse_server

    assert [parse_server("relay", security)[1] for security in ("starttls", "ssl", "none")] == [
        587,
        465,
        25,  # a plain relay listens on 25
    ]


@pytest.mark.parametrize("text", [":25", "host:²", "host:99999", "a b:25"])
def test_bad_server_addresses(text: str) -> None:
    from briefgen.deliver.smtp import parse_server

    with pytest.raises(DeliveryError, match="not a HOST"):
        parse_server(text, "starttls")


def test_no_password_in_the_clear_to_another_host(tmp_path: Path) -> None:
    message, _ = _message(tmp_path)
    with pytest.raises(DeliveryError, match="refusing to send the SMTP password unencrypted"):
        send_email(message, "mail.example.org", 25, security="none", user="me", password="pw")


def test_non_ascii_password_is_one_line(smtp_server, tls, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _, port = smtp_server
    message, _ = _message(tmp_path)
    with pytest.raises(DeliveryError) as caught:
        send_email(message, "127.0.0.1", port, user="analyst", password="pässwörd",
                   ssl_context=tls[1])  # fmt: skip
    assert caught.value.kind == "authentication failed"


def test_titles_and_file_names_cannot_inject_headers(tmp_path: Path) -> None:
    briefing = briefgen.make_briefing(SEEDS, model=DEMO_MODEL, title="Evil\r\nBcc: x@evil.org")
    docx = briefing.save_docx(tmp_path / "a\rb.docx")
    message = build_email(briefing, docx, to=["desk@example.org"])
    save_email(message, tmp_path / "m.eml")
    parsed = parse(tmp_path / "m.eml")
    assert parsed["Bcc"] is None
    assert parsed["Subject"].startswith("Evil Bcc: x@evil.org — ")
    assert next(iter(parsed.iter_attachments())).get_filename() == "a b.docx"


# --- a real SMTP server --------------------------------------------------------------------


@dataclass
class Handler:
    """Accepts mail; answers RCPT with ``rcpt_replies`` (one per try) when given."""

    received: list[tuple[list[str], bytes]] = field(default_factory=list)
    rcpt_replies: list[str] = field(default_factory=list)

    async def handle_RCPT(self, server, session, envelope, address, options):  # type: ignore[no-untyped-def]
        if self.rcpt_replies:
            reply = self.rcpt_replies.pop(0)
            if not reply.startswith("250"):
                return reply
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # type: ignore[no-untyped-def]
        self.received.append((list(envelope.rcpt_tos), envelope.original_content))
        return "250 Message accepted"


def authenticator(server, session, envelope, mechanism, auth_data):  # type: ignore[no-untyped-def]
    ok = isinstance(auth_data, LoginPassword) and (auth_data.login, auth_data.password) == (
        b"analyst",
        b"s3cret",
    )
    return AuthResult(success=ok, handled=False)  # unhandled failure: the server sends 535


@pytest.fixture(scope="module")
def tls(tmp_path_factory: pytest.TempPathFactory) -> tuple[ssl.SSLContext, ssl.SSLContext, Path]:
    """A test CA: the server's context, a client context trusting it, the CA file."""
    import trustme

    ca = trustme.CA()
    server = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1", "localhost").configure_cert(server)
    client = ssl.create_default_context()
    ca.configure_trust(client)
    ca_file = tmp_path_factory.mktemp("ca") / "ca.pem"
    ca.cert_pem.write_to_path(str(ca_file))
    return server, client, ca_file


@pytest.fixture
def smtp_server(tls) -> Iterator[tuple[Handler, int]]:  # type: ignore[no-untyped-def]
    handler = Handler()
    port = refused_port()
    controller = Controller(
        handler,
        hostname="127.0.0.1",
        port=port,
        tls_context=tls[0],
        require_starttls=False,
        authenticator=authenticator,
        auth_require_tls=True,
    )
    controller.start()
    try:
        yield handler, port
    finally:
        controller.stop()


def _message(tmp_path: Path) -> tuple[EmailMessage, Path]:
    briefing = briefgen.make_briefing(SEEDS, model=DEMO_MODEL, title=TITLE)
    docx = briefing.save_docx(tmp_path / f"{TITLE}.docx")
    return briefing.to_email(docx, to=["desk@example.org"], sender="a@example.org"), docx


def test_send_with_starttls_and_auth(smtp_server, tls, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    handler, port = smtp_server
    message, docx = _message(tmp_path)
    sent = send_email(message, "127.0.0.1", port, bcc=["hidden@example.org"], user="analyst",
                      password="s3cret", ssl_context=tls[1])  # fmt: skip
    assert sent == ["desk@example.org", "hidden@example.org"]
    ((rcpt, raw),) = handler.received
    assert rcpt == ["desk@example.org", "hidden@example.org"]
    received = email.message_from_bytes(raw, policy=email.policy.default)
    assert received["Subject"] == message["Subject"] and received["Bcc"] is None
    (attachment,) = received.iter_attachments()
    assert attachment.get_filename() == f"{TITLE}.docx"
    assert attachment.get_content() == docx.read_bytes()


def test_send_plain_without_auth(smtp_server, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    handler, port = smtp_server
    message, _ = _message(tmp_path)
    send_email(message, "127.0.0.1", port, security="none", user="")
    assert len(handler.received) == 1


def test_temporary_failure_is_retried(smtp_server, tls, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    handler, port = smtp_server
    handler.rcpt_replies = ["451 4.3.0 try again later", "250"]
    message, _ = _message(tmp_path)
    send_email(message, "127.0.0.1", port, user="", ssl_context=tls[1], retry_delays=[0.05])
    assert len(handler.received) == 1


@pytest.mark.parametrize(
    ("setup", "kind", "words"),
    [
        ("wrong password", "authentication failed", "535"),
        ("rejected", "recipient rejected", "550"),
        ("always 451", "temporary failure", "gave up after 2 tries"),
        ("untrusted", "TLS failure", "CERTIFICATE_VERIFY_FAILED"),
    ],
)
def test_failures_have_a_kind_and_one_line(  # type: ignore[no-untyped-def]
    smtp_server, tls, tmp_path: Path, setup: str, kind: str, words: str
) -> None:
    handler, port = smtp_server
    password, context = "s3cret", tls[1]
    if setup == "wrong password":
        password = "wrong"
    elif setup == "rejected":
        handler.rcpt_replies = ["550 5.1.1 no such user"]
    elif setup == "always 451":
        handler.rcpt_replies = ["451 4.3.0 later", "451 4.3.0 later"]
    else:
        context = ssl.create_default_context()  # does not trust the test CA
    message, _ = _message(tmp_path)
    with pytest.raises(DeliveryError) as caught:
        send_email(message, "127.0.0.1", port, user="analyst", password=password,
                   ssl_context=context, retry_delays=[0.05])  # fmt: skip
    assert caught.value.kind == kind
    assert words in str(caught.value) and "\n" not in str(caught.value)
    assert handler.received == []


def test_refused_and_stalled_servers(tmp_path: Path) -> None:
    message, _ = _message(tmp_path)
    with pytest.raises(DeliveryError) as refused:
        send_email(message, "127.0.0.1", refused_port(), security="none", user="")
    assert refused.value.kind == "connection refused"
    with socket.socket() as silent:  # accepts, never greets
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        port = silent.getsockname()[1]
        with pytest.raises(DeliveryError) as stalled:
            send_email(message, "127.0.0.1", port, security="none", user="", timeout=0.5)
    assert stalled.value.kind == "timed out" and "timed out after 0.5 s" in str(stalled.value)


def test_cli_sends_and_keeps_files_when_sending_fails(  # type: ignore[no-untyped-def]
    smtp_server, tls, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    handler, port = smtp_server
    monkeypatch.setenv("SSL_CERT_FILE", str(tls[2]))  # the default context trusts the test CA
    monkeypatch.setenv("BRIEFGEN_SMTP_USER", "analyst")
    monkeypatch.setenv("BRIEFGEN_SMTP_PASSWORD", "s3cret")
    docx, eml = tmp_path / "b.docx", tmp_path / "b.eml"
    command = ["make", str(SEEDS), "--model", str(DEMO_MODEL), "-o", str(docx), "--eml", str(eml),
               "--to", "desk@example.org", "--smtp", f"127.0.0.1:{port}",
               "--date", "2025-09-12"]  # fmt: skip
    assert main(command) == 0, capsys.readouterr().err
    assert "sent to desk@example.org" in capsys.readouterr().err
    ((_, raw),) = handler.received
    assert (
        email.message_from_bytes(raw, policy=email.policy.default)["Message-ID"]
        == parse(eml)["Message-ID"]
    )
    docx.unlink()
    eml.unlink()
    monkeypatch.setenv("BRIEFGEN_SMTP_PASSWORD", "wrong")
    assert main(command) == 4
    err = capsys.readouterr().err
    failure = [line for line in err.splitlines() if "error" in line]
    assert len(failure) == 1
    assert failure[0].startswith("briefgen: error: delivery failed (authentication failed): ")
    assert docx.exists() and eml.exists()


@pytest.mark.parametrize(
    ("flags", "message"),
    [
        (["--to", "a@b.org"], "need --eml or --smtp"),
        (["--eml", "x.eml", "--to", "bad"], "--to bad: not a valid address"),
        (["--smtp", "localhost"], "--smtp needs at least one --to"),
        (["--eml", "x.txt"], "the email file must end in .eml"),
        (["--draft", "--smtp", "h", "--to", "a@b.org"], "--draft marks an .eml file"),
        (["--smtp", "h:99999", "--to", "a@b.org"], "not a HOST[:PORT]"),
    ],
)
def test_email_flags_are_checked_before_any_work(
    flags: list[str], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main(["make", str(tmp_path / "missing.txt"), "-o", str(tmp_path / "b.docx"), *flags]) == 2
    )
    assert message in capsys.readouterr().err
