"""Which hosts are this machine: one rule for every secret and every download.

A password, an API key or a download may travel unencrypted only to this machine
(a loopback address, or ``localhost``), where nobody on the network can read or
change it on the way. SMTP, LibreTranslate and the package index all ask
:func:`is_loopback`, so the rule is the same everywhere.
"""

from __future__ import annotations

import ipaddress
import urllib.parse


def is_loopback(host: str) -> bool:
    """``localhost``, ``127.0.0.0/8``, ``::1`` (bracketed or not), or an IPv4 loopback
    address written as IPv6 (``::ffff:127.0.0.1``). A name such as ``127.example.org``
    is not."""
    host = host.strip().strip("[]").lower().rstrip(".")
    if host == "localhost":
        return True
    try:
        address = ipaddress.ip_address(host.split("%", 1)[0])  # fe80::1%eth0: no zone
    except ValueError:
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped.is_loopback
    return address.is_loopback


def url_host(url: str) -> str:
    """The host a URL names (``""`` when it names none)."""
    try:
        return urllib.parse.urlsplit(url).hostname or ""
    except ValueError:
        return ""
