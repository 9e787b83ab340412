"""The LibreTranslate backend against real LibreTranslate servers on 127.0.0.1.

The servers run the demo package (tests/libretranslate_servers.py); a briefing made
through them must equal the one made by briefgen's own engine with the same package.
"""

from __future__ import annotations

import http.server
import os
import shutil
import subprocess
import threading
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import DEMO_MODEL, SEEDS
from libretranslate_servers import LoadBalancer, Server, free_port

import briefgen
from briefgen.cli import main
from briefgen.errors import TranslationError
from briefgen.options import Options
from briefgen.translate import libretranslate
from briefgen.translate.libretranslate import LibreTranslateTranslator

pytestmark = pytest.mark.libretranslate


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    running = Server(tmp_path_factory.mktemp("lt"), DEMO_MODEL)
    yield running
    running.stop()


def english(briefing: briefgen.Briefing) -> list[str]:
    """Every English text of a briefing, in order."""
    texts = []
    for source in briefing.sources:
        texts.append(source.title.english)
        for section in source.full_text:
            texts += [section.heading.english] if section.heading else []
            texts += [point.text.english for point in section.points]
        texts += [actor.name.english for actor in source.actors]
    return texts


def through(*urls: str, **options: object) -> Options:
    return Options(translator="libretranslate", servers=urls, use_cache=False, **options)  # type: ignore[arg-type]


def test_seed_through_the_server_equals_the_local_engine(server: Server) -> None:
    local = briefgen.make_briefing(SEEDS, model=DEMO_MODEL, options=Options(use_cache=False))
    remote = briefgen.make_briefing(SEEDS, options=through(server.url))
    assert remote.metadata.translator == f"libretranslate:ja-en {server.url}"
    assert english(remote) == english(local)
    assert not any(text.endswith("。") for text in english(remote))


def test_cli_through_the_server_and_the_key_from_the_environment(
    server: Server, tmp_path: Path
) -> None:
    out = tmp_path / "b.docx"
    env = dict(os.environ, BRIEFGEN_LIBRETRANSLATE_KEY="not-needed-here")
    done = subprocess.run(
        ["briefgen", "make", str(SEEDS), "--translator", "libretranslate", "--url", server.url,
         "-o", str(out), "--no-cache"],
        capture_output=True, text=True, env=env,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert f"with libretranslate:ja-en {server.url}" in done.stderr
    assert out.stat().st_size > 0


def test_an_unsupported_language_is_one_line(server: Server) -> None:
    translator = LibreTranslateTranslator([server.url], "fr", retries=0)
    with pytest.raises(TranslationError) as caught:
        translator.translate(["Le ministre a parlé."])
    assert str(caught.value) == (
        f"{server.url}: the server cannot translate fr→en (fr is not supported)"
    )


class Flaky(http.server.ThreadingHTTPServer):
    """A proxy to a real server that answers the first ``fail`` translations itself
    with ``status`` (as LibreTranslate's rate limiter does: 429, no Retry-After)."""

    def __init__(self, target: str, fail: int, status: int = 429) -> None:
        self.target, self.fail, self.status = target, fail, status
        self.seen: list[int] = []
        super().__init__(("127.0.0.1", free_port()), _FlakyHandler)
        self.url = f"http://127.0.0.1:{self.server_address[1]}"
        threading.Thread(target=self.serve_forever, daemon=True).start()


class _FlakyHandler(http.server.BaseHTTPRequestHandler):
    server: Flaky

    def log_message(self, *args: object) -> None:
        pass

    def _answer(self, status: int, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        with urllib.request.urlopen(self.server.target + self.path) as answer:
            self._answer(answer.status, answer.read())

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        if self.path == "/translate" and self.server.fail > 0:
            self.server.fail -= 1
            self.server.seen.append(self.server.status)
            self._answer(self.server.status, b'{"error":"Slowdown: 1 per 1 minute"}')
            return
        request = urllib.request.Request(
            self.server.target + self.path, data=body, headers={"Content-Type": "application/json"}
        )
        with urllib.request.urlopen(request) as answer:
            self.server.seen.append(answer.status)
            self._answer(answer.status, answer.read())


def test_a_429_is_retried_with_backoff(server: Server) -> None:
    proxy = Flaky(server.url, fail=2)
    try:
        translator = LibreTranslateTranslator([proxy.url], "ja", backoff=0.05)
        assert translator.translate(["その背景を読み解いていく。"]) == [
            LibreTranslateTranslator([server.url], "ja").translate(["その背景を読み解いていく。"])[
                0
            ]
        ]
        assert proxy.seen == [429, 429, 200]
    finally:
        proxy.shutdown()
        proxy.server_close()


def test_rate_limited_for_good_is_one_line(server: Server) -> None:
    proxy = Flaky(server.url, fail=100)
    try:
        translator = LibreTranslateTranslator([proxy.url], "ja", retries=2, backoff=0.01)
        with pytest.raises(TranslationError) as caught:
            translator.translate(["その背景を読み解いていく。"])
        assert str(caught.value) == (
            f"{proxy.url}: rate limited (429: Slowdown: 1 per 1 minute) (after 3 attempts)"
        )
    finally:
        proxy.shutdown()
        proxy.server_close()


def test_a_wrong_api_key_names_where_the_key_comes_from(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    keyed = Server(tmp_path, DEMO_MODEL, "--api-keys")
    try:
        monkeypatch.setenv("BRIEFGEN_LIBRETRANSLATE_KEY", "wrong")
        with pytest.raises(TranslationError) as caught:
            LibreTranslateTranslator([keyed.url], "ja").translate(["その背景を読み解いていく。"])
        assert str(caught.value).startswith(
            f"{keyed.url}: the server refused the API key (Invalid API key); "
            "set BRIEFGEN_LIBRETRANSLATE_KEY or write the key to "
        )
    finally:
        keyed.stop()


def test_key_file_when_the_environment_has_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("BRIEFGEN_LIBRETRANSLATE_KEY", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert libretranslate.api_key() is None
    (tmp_path / "briefgen").mkdir()
    (tmp_path / "briefgen" / "libretranslate.key").write_text("k-123\n")
    assert libretranslate.api_key() == "k-123"
    monkeypatch.setenv("BRIEFGEN_LIBRETRANSLATE_KEY", "from-env")
    assert libretranslate.api_key() == "from-env"


def test_server_killed_mid_run_is_exit_1_one_line_and_no_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    doomed = Server(tmp_path / "server", DEMO_MODEL)
    translate_batch = LibreTranslateTranslator._translate_batch
    batches = 0

    def first_batch_then_the_server_dies(
        self: LibreTranslateTranslator, batch: list[str]
    ) -> list[str]:
        nonlocal batches
        batches += 1
        if batches == 2:
            doomed.stop()  # killed (SIGKILL) between two requests
        return translate_batch(self, batch)

    monkeypatch.setattr(libretranslate, "MAX_TEXTS_PER_REQUEST", 8)
    monkeypatch.setattr(
        LibreTranslateTranslator, "_translate_batch", first_batch_then_the_server_dies
    )
    monkeypatch.setattr(
        LibreTranslateTranslator, "__init__", _one_in_flight(LibreTranslateTranslator.__init__)
    )
    out = tmp_path / "b.docx"
    status = main(["make", str(SEEDS), "--translator", "libretranslate", "--url", doomed.url,
                   "-o", str(out), "-q", "--no-cache"])  # fmt: skip
    assert status == 1
    assert capsys.readouterr().err.splitlines() == [
        f"briefgen: error: {doomed.url}: server down (connection refused) (after 5 attempts)"
    ]
    assert batches >= 2 and not out.exists() and not list(tmp_path.glob("*.docx*"))


def _one_in_flight(init):  # type: ignore[no-untyped-def]
    def wrapped(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        init(self, *args, **{**kwargs, "in_flight": 1, "backoff": 0.01})

    return wrapped


def test_several_urls_fail_over_when_one_is_down(server: Server) -> None:
    dead = f"http://127.0.0.1:{free_port()}"
    local = briefgen.make_briefing(SEEDS, model=DEMO_MODEL, options=Options(use_cache=False))
    remote = briefgen.make_briefing(SEEDS, options=through(dead, server.url))
    assert english(remote) == english(local)


@pytest.mark.slow
@pytest.mark.skipif(
    shutil.which("haproxy") is None, reason="needs HAProxy: apt-get install haproxy"
)
def test_two_servers_behind_haproxy_and_one_of_them_down(tmp_path: Path) -> None:
    # Skipped before any server starts; whatever fails later, each one started is stopped.
    with (
        Server(tmp_path / "a", DEMO_MODEL) as first,
        Server(tmp_path / "b", DEMO_MODEL) as second,
        LoadBalancer(tmp_path, [first, second]) as balancer,
    ):
        local = briefgen.make_briefing(SEEDS, model=DEMO_MODEL, options=Options(use_cache=False))
        both = briefgen.make_briefing(SEEDS, options=through(balancer.url))
        assert english(both) == english(local)
        second.stop()
        one = briefgen.make_briefing(SEEDS, options=through(balancer.url))
        assert english(one) == english(local)


def test_frontend_settings_char_limit_is_respected(tmp_path: Path) -> None:
    limited = Server(tmp_path, DEMO_MODEL, "--char-limit", "30")
    try:
        translator = LibreTranslateTranslator([limited.url], "ja")
        texts = ["その背景を読み解いていく。"] * 5  # 13 characters each: two a batch
        assert len(translator.translate(texts)) == 5
        with pytest.raises(
            TranslationError, match=r"a text of 40 characters is over the server's limit of 30"
        ):
            translator.translate(["あ" * 40])
    finally:
        limited.stop()


def test_retries_never_go_back_to_the_server_that_failed(
    server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    dead = f"http://127.0.0.1:{free_port()}"
    monkeypatch.setattr(libretranslate, "MAX_TEXTS_PER_REQUEST", 2)
    translator = LibreTranslateTranslator([dead, server.url], "ja", in_flight=4, retries=1)
    texts = [f"その背景を読み解いていく。{n}" for n in range(40)]  # 20 batches, 4 at once
    assert len(translator.translate(texts)) == 40
