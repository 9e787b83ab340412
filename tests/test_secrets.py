"""Secrets: the LibreTranslate API key and the SMTP password go nowhere but to their server.

A LibreTranslate-like server on 127.0.0.1 (real HTTP, in this process) that echoes
the key back in its errors, as a careless or hostile one might: the key must appear
in no output, no briefing, no cache file and no state file.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from conftest import DEMO_MODEL, SEEDS

from briefgen.errors import TranslationError
from briefgen.translate import libretranslate
from briefgen.translate.libretranslate import LibreTranslateTranslator

KEY = "k3y-Very-Secret-0123456789"


@dataclass
class FakeLibreTranslate:
    """Answers like LibreTranslate: ``refuse`` maps a source language to an HTTP status,
    whose error text quotes the key it was sent; other languages get "EN:" + text."""

    refuse: dict[str, int] = field(default_factory=dict)
    keys_seen: list[str] = field(default_factory=list)
    port: int = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


def _handler(fake: FakeLibreTranslate) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def _json(self, status: int, body: object) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self) -> None:
            if self.path == "/frontend/settings":
                return self._json(200, {"charLimit": 5000})
            return self._json(404, {"error": "not found"})

        def do_POST(self) -> None:
            request = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            key = str(request.get("api_key", ""))
            fake.keys_seen.append(key)
            status = fake.refuse.get(request["source"])
            if status is not None:
                # As a careless server might: the key quoted in the error.
                return self._json(status, {"error": f"{request['source']} refused for {key}"})
            texts = request["q"] if isinstance(request["q"], list) else [request["q"]]
            return self._json(200, {"translatedText": [f"EN: {t}" for t in texts]})

    return Handler


@pytest.fixture
def fake_server() -> Iterator[FakeLibreTranslate]:
    fake = FakeLibreTranslate()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(fake))
    fake.port = httpd.server_address[1]
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield fake
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


def files_holding(folder: Path, secret: str) -> list[str]:
    """Files under ``folder`` whose bytes, or a zip member's (a .docx), hold ``secret``."""
    found = []
    needle = secret.encode()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        data = path.read_bytes()
        if needle in data:
            found.append(str(path))
        elif zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as zipped:
                if any(needle in zipped.read(name) for name in zipped.namelist()):
                    found.append(f"{path} (zipped)")
    return found


def run_briefgen(
    tmp_path: Path, *args: str, key_in_env: bool = True
) -> subprocess.CompletedProcess[str]:
    env = dict(
        os.environ,
        BRIEFGEN_CACHE_DIR=str(tmp_path / "cache"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
    )
    env.pop(libretranslate.KEY_VARIABLE, None)
    if key_in_env:
        env[libretranslate.KEY_VARIABLE] = KEY
    return subprocess.run(
        [sys.executable, "-m", "briefgen", *args], capture_output=True, text=True, env=env,
        timeout=300,
    )  # fmt: skip


def test_a_failing_make_shows_the_key_nowhere(
    fake_server: FakeLibreTranslate, tmp_path: Path
) -> None:
    fake_server.refuse = {"ja": 403}
    out = tmp_path / "out" / "briefing.docx"
    state = tmp_path / "state" / "desk.sqlite"
    out.parent.mkdir()
    state.parent.mkdir()
    done = run_briefgen(
        tmp_path, "make", str(SEEDS), "--translator", "libretranslate",
        "--url", fake_server.url, "-o", str(out), "--state", str(state),
    )  # fmt: skip
    assert done.returncode == 1, done.stderr
    assert fake_server.keys_seen and set(fake_server.keys_seen) == {KEY}  # it was sent
    assert f"{fake_server.url}: the server refused the API key (ja refused for ***)" in done.stderr
    assert KEY not in done.stdout + done.stderr
    assert files_holding(tmp_path, KEY) == []


def test_a_partly_failing_make_keeps_the_key_out_of_briefing_cache_and_state(
    fake_server: FakeLibreTranslate, tmp_path: Path
) -> None:
    """One language refused (its sources are left out, the reason written into the
    briefing), the other translated: briefing, cache and state are all written."""
    sources = tmp_path / "sources"
    sources.mkdir()
    for seed in SEEDS.glob("*.txt"):
        (sources / seed.name).write_bytes(seed.read_bytes())
    (sources / "ko.txt").write_text(
        "서울에서 열린 회담에서 양국 정상은 경제 협력을 약속했다. "
        "정부는 다음 주에 세부 계획을 발표할 예정이다. 야당은 이번 합의를 비판했다.\n",
        encoding="utf-8",
    )
    fake_server.refuse = {"ko": 400}
    out = tmp_path / "out" / "briefing.docx"
    state = tmp_path / "state" / "desk.sqlite"
    out.parent.mkdir()
    state.parent.mkdir()
    done = run_briefgen(
        tmp_path, "make", str(sources), "--translator", "libretranslate",
        "--url", fake_server.url, "-o", str(out), "--state", str(state),
    )  # fmt: skip
    assert done.returncode == 3, done.stderr  # partial: the Korean source left out
    assert "ko.txt" in done.stderr and "refused for ***" in done.stderr
    assert out.exists() and state.exists()
    assert list((tmp_path / "cache").glob("translations.sqlite3*"))
    assert set(fake_server.keys_seen) == {KEY}
    assert KEY not in done.stdout + done.stderr
    assert files_holding(tmp_path, KEY) == []


def test_a_key_file_others_may_read_is_flagged_once(
    fake_server: FakeLibreTranslate, tmp_path: Path
) -> None:
    key_file = tmp_path / "config" / "briefgen" / "libretranslate.key"
    key_file.parent.mkdir(parents=True)
    key_file.write_text(KEY + "\n")
    key_file.chmod(0o644)
    out = tmp_path / "briefing.docx"
    args = ("make", str(SEEDS), "--translator", "libretranslate", "--url", fake_server.url,
            "-o", str(out), "-q", "--no-cache")  # fmt: skip
    done = run_briefgen(tmp_path, *args, key_in_env=False)
    assert done.returncode == 0, done.stderr
    warning = (
        f"briefgen: warning: {key_file} holds a secret and other users may read it; "
        f"run: chmod 600 {key_file}\n"
    )
    assert done.stderr == warning
    assert set(fake_server.keys_seen) == {KEY}
    key_file.chmod(0o600)
    done = run_briefgen(tmp_path, *args, key_in_env=False)
    assert done.returncode == 0 and done.stderr == "", done.stderr
    assert files_holding(tmp_path / "cache", KEY) == [] and KEY not in out.read_bytes().decode(
        "latin-1"
    )


def test_retried_server_errors_that_echo_the_key_are_redacted(
    fake_server: FakeLibreTranslate,
) -> None:
    fake_server.refuse = {"ja": 500}
    translator = LibreTranslateTranslator([fake_server.url], "ja", key=KEY, retries=1, backoff=0.0)
    with pytest.raises(TranslationError) as caught:
        translator.translate(["テスト。"])
    assert str(caught.value) == (
        f"{fake_server.url}: server error 500: ja refused for *** (after 2 attempts)"
    )


# --- never over plain http to another machine ----------------------------------------------


@pytest.mark.parametrize(
    "url", ["http://mt.example.org:5000", "HTTP://10.1.2.3", "http://127.example.org"]
)
def test_the_key_is_never_sent_over_plain_http_elsewhere(url: str) -> None:
    # Refused before any connection: these hosts are never looked up.
    with pytest.raises(TranslationError) as caught:
        LibreTranslateTranslator([url], "ja", key=KEY)
    assert str(caught.value) == (
        f"{url}: refusing to send the LibreTranslate API key over plain http:// to another "
        "machine; use https://, or pass --allow-insecure-key"
    )
    assert LibreTranslateTranslator([url], "ja", key=KEY, allow_insecure_key=True).key == KEY
    assert LibreTranslateTranslator([url], "ja", key="").key == ""  # no key: nothing to hide


@pytest.mark.parametrize(
    "url",
    ["https://mt.example.org", "http://127.0.0.1:5000", "http://localhost", "http://[::1]:80"],
)
def test_https_and_this_machine_may_have_the_key(url: str) -> None:
    assert LibreTranslateTranslator([url], "ja", key=KEY).key == KEY


def test_make_refuses_before_any_work(tmp_path: Path) -> None:
    out = tmp_path / "briefing.docx"
    done = run_briefgen(
        tmp_path, "make", str(SEEDS), "--translator", "libretranslate",
        "--url", "http://mt.example.org:5000", "-o", str(out),
    )  # fmt: skip
    assert done.returncode == 2  # what was typed, found before any work
    assert done.stderr == (
        "briefgen: error: http://mt.example.org:5000: refusing to send the LibreTranslate API "
        "key over plain http:// to another machine; use https://, or pass --allow-insecure-key\n"
    )
    assert not out.exists()


def test_allow_insecure_key_sends_it_all_the_same(
    fake_server: FakeLibreTranslate, tmp_path: Path
) -> None:
    # 0.0.0.0 is no loopback address by the rule, yet connecting to it reaches this
    # machine (Linux, macOS): the flag is seen to work end to end without a network.
    url = f"http://0.0.0.0:{fake_server.port}"
    out = tmp_path / "briefing.docx"
    args = ("make", str(SEEDS), "--translator", "libretranslate", "--url", url, "-o", str(out))
    refused = run_briefgen(tmp_path, *args, "-q")
    assert refused.returncode == 2 and "pass --allow-insecure-key" in refused.stderr
    assert fake_server.keys_seen == []
    done = run_briefgen(tmp_path, *args, "-q", "--allow-insecure-key")
    assert done.returncode == 0, done.stderr
    assert set(fake_server.keys_seen) == {KEY}


def test_a_password_in_a_server_url_is_not_shown(fake_server: FakeLibreTranslate) -> None:
    url = f"http://desk:pa55word-in-url@127.0.0.1:{fake_server.port}"
    translator = LibreTranslateTranslator([url], "ja", key=None, retries=0)
    assert translator.name == f"libretranslate:ja-en http://desk:***@127.0.0.1:{fake_server.port}"
    fake_server.refuse = {"ja": 403}
    with pytest.raises(TranslationError) as caught:
        translator.translate(["テスト。"])
    assert "pa55word-in-url" not in str(caught.value)
    assert str(caught.value).startswith(f"http://desk:***@127.0.0.1:{fake_server.port}: ")


# --- the SMTP password -------------------------------------------------------------------------


def test_an_smtp_reply_that_echoes_the_password_is_redacted(tmp_path: Path) -> None:
    pytest.importorskip("aiosmtpd", reason="needs the test extra: pip install -e '.[test]'")
    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import AuthResult, LoginPassword
    from package_server import refused_port

    import briefgen
    from briefgen.deliver.smtp import send_email
    from briefgen.errors import DeliveryError

    password = "smtp-Pa55-0123456789"

    def authenticator(server, session, envelope, mechanism, auth_data):  # type: ignore[no-untyped-def]
        said = auth_data.password.decode() if isinstance(auth_data, LoginPassword) else "?"
        return AuthResult(
            success=False, handled=False, message=f"535 5.7.8 no such password {said}"
        )

    class Handler:
        async def handle_DATA(self, server, session, envelope):  # type: ignore[no-untyped-def]
            return "250 OK"

    port = refused_port()
    controller = Controller(
        Handler(), hostname="127.0.0.1", port=port, authenticator=authenticator,
        auth_require_tls=False,
    )  # fmt: skip
    controller.start()
    try:
        briefing = briefgen.make_briefing(SEEDS, model=DEMO_MODEL)
        docx = briefing.save_docx(tmp_path / "b.docx")
        message = briefing.to_email(docx, to=["desk@example.org"], sender="a@example.org")
        with pytest.raises(DeliveryError) as caught:
            send_email(message, "127.0.0.1", port, security="none", user="analyst",
                       password=password, retry_delays=[])  # fmt: skip
    finally:
        controller.stop()
    assert caught.value.kind == "authentication failed"
    assert "535" in str(caught.value) and "***" in str(caught.value)
    assert password not in str(caught.value)
