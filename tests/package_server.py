"""A real HTTP server on 127.0.0.1 serving a package index and packages, with faults.

Paths:
    /index.json                 an Argos index whose ja→en entry links to /pkg/<name>
    /pkg/<name>                 a file from ``files``, honouring Range requests
    /cut/<name>                 the first half of the file, then the connection closes
                                (Content-Length promises the whole file)
    /flaky/<name>               cut like /cut/ on the first request, whole (or resumed
                                with 206) on later ones
    /norange/<name>             the whole file with 200, whatever Range asks
    /badrange/<name>            cut like /cut/ at first; then 206 with a range from byte 0
    /slow/<name>                the whole file, trickled over about a second
    /endless/<name>             the file over and over, without Content-Length, until
                                the client hangs up (or 1 GB)
    /moved/<name>               302 to ``redirect`` + /<name>
    anything else               404
"""

from __future__ import annotations

import json
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class PackageServer:
    files: dict[str, bytes]
    index: list[dict[str, object]] = field(default_factory=list)
    requests: list[tuple[str, str | None]] = field(default_factory=list)  # (path, Range)
    port: int = 0
    redirect: str = ""
    sent: dict[str, int] = field(default_factory=dict)  # bytes of body sent, per path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def entry(self, name: str, *, route: str = "pkg", version: str = "1.0") -> dict[str, object]:
        """An index entry for a ja→en package served at /<route>/<name>."""
        return {
            "package_version": version,
            "argos_version": "1.0",
            "from_code": "ja",
            "from_name": "Japanese",
            "to_code": "en",
            "to_name": "English",
            "type": "translate",
            "links": [f"{self.url}/{route}/{name}"],
        }


def _handler(server: PackageServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:  # keep test output clean
            pass

        def do_GET(self) -> None:
            wanted = self.headers.get("Range")
            server.requests.append((self.path, wanted))
            if self.path == "/index.json":
                return self._send(200, json.dumps(server.index).encode())
            route, _, name = self.path.strip("/").partition("/")
            body = server.files.get(name)
            routes = ("pkg", "cut", "flaky", "norange", "badrange", "slow", "endless", "moved")
            if body is None or route not in routes:
                return self._send(404, b"not found")
            if route == "moved":
                self.send_response(302)
                self.send_header("Location", f"{server.redirect}/{name}")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return None
            if route == "endless":
                self.send_response(200)
                self.end_headers()  # no Content-Length: the body ends when the connection does
                sent = 0
                try:
                    while sent < 1 << 30:
                        self.wfile.write(body)
                        sent += len(body)
                        server.sent[self.path] = sent
                except OSError:  # the client hung up
                    pass
                self.close_connection = True
                return None
            first_try = sum(1 for p, _ in server.requests if p == self.path) == 1
            if route == "slow":
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                step = len(body) // 10 + 1
                for start in range(0, len(body), step):
                    self.wfile.write(body[start : start + step])
                    self.wfile.flush()
                    time.sleep(0.1)
                return None
            if route == "badrange" and not first_try and wanted:
                self.send_response(206)
                self.send_header("Content-Range", f"bytes 0-{len(body) - 1}/{len(body)}")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return None
            if route == "cut" or (route in ("flaky", "badrange") and first_try):
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body[: len(body) // 2])
                self.close_connection = True
                return None
            if wanted and route != "norange":
                start = int(wanted.removeprefix("bytes=").split("-")[0])
                if start >= len(body):
                    return self._send(416, b"")
                self.send_response(206)
                self.send_header("Content-Range", f"bytes {start}-{len(body) - 1}/{len(body)}")
                self.send_header("Content-Length", str(len(body) - start))
                self.end_headers()
                self.wfile.write(body[start:])
                return None
            return self._send(200, body)

        def _send(self, status: int, body: bytes) -> None:
            self.send_response(status)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    return Handler


class _Server(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        # A client that hangs up mid-body (a download stopped at its cap) is expected.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


@contextmanager
def serving(files: dict[str, bytes]) -> Iterator[PackageServer]:
    state = PackageServer(files)
    httpd = _Server(("127.0.0.1", 0), _handler(state))
    state.port = httpd.server_address[1]
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        httpd.shutdown()
        httpd.server_close()


def refused_port() -> int:
    """A port on 127.0.0.1 with nothing listening (bound, then released)."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port
