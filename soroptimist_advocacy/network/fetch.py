"""Fetch a partner's public file, refusing anything the allowlist does not name.

Why not ``urllib``/``requests``: they resolve the host name themselves, so a name
checked here could resolve to an internal address a moment later (DNS rebinding),
and they follow redirects. Here the name is resolved once, the address checked,
and the connection made to that very address; a redirect is an error.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.utils.translation import gettext

from soroptimist_advocacy.conf import get_setting


class FetchError(Exception):
    """The file could not be fetched safely; the message says why, for an editor."""


@dataclass(frozen=True)
class Fetched:
    status: int  # 200, or 304 when the validators still match.
    body: bytes
    etag: str = ""
    last_modified: str = ""
    content_type: str = ""


def _allowed_entries() -> set[str]:
    return {str(entry).strip().lower() for entry in get_setting("NETWORK_ALLOWED_HOSTS") or ()}


def _is_public(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    return address.is_global and not address.is_multicast


def check_url(url: str) -> tuple[str, str, int, str, str]:
    """(scheme, host, port, path with query, the checked IP address) or FetchError."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(gettext("Only http and https addresses can be fetched: %(url)s") % {"url": url})
    if parts.username or parts.password:
        raise FetchError(gettext("Addresses with a user name or password are refused: %(url)s") % {"url": url})
    host = parts.hostname.lower()
    try:
        port = parts.port or (443 if scheme == "https" else 80)
    except ValueError:
        raise FetchError(gettext("The address has an invalid port: %(url)s") % {"url": url}) from None
    allowed = _allowed_entries()
    host_with_port = f"{host}:{port}"
    # A bare host name admits public addresses only; "host:port" admits that exact
    # pair even when it is private or loopback (how tests and intranets list a partner).
    listed_with_port = host_with_port in allowed or f"[{host}]:{port}" in allowed
    if not (listed_with_port or host in allowed):
        raise FetchError(
            gettext("%(host)s is not in the list of partner hosts (setting NETWORK_ALLOWED_HOSTS).")
            % {"host": host_with_port}
        )
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        raise FetchError(gettext("The host %(host)s cannot be found.") % {"host": host}) from None
    if not infos:
        raise FetchError(gettext("The host %(host)s cannot be found.") % {"host": host})
    # An IP family's sockaddr starts with the address as text (typeshed also allows an int).
    address = ipaddress.ip_address(str(infos[0][4][0]).split("%")[0])
    if not _is_public(address) and not listed_with_port:
        raise FetchError(
            gettext("%(host)s resolves to a private or local address (%(address)s); list it with its port to allow it.")
            % {"host": host, "address": address}
        )
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    return scheme, host, port, path, str(address)


class _PinnedHTTPConnection(http.client.HTTPConnection):
    """Connects to the address already checked, whatever the name resolves to now."""

    def __init__(self, address: str, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._address = address

    def connect(self):
        self.sock = socket.create_connection((self._address, self.port), self.timeout)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, address: str, *args, **kwargs):
        super().__init__(*args, context=ssl.create_default_context(), **kwargs)
        self._address = address

    def connect(self):
        sock = socket.create_connection((self._address, self.port), self.timeout)
        # The certificate is checked against the host name, not the address.
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


def fetch(url: str, *, etag: str = "", last_modified: str = "", accept: str = "*/*") -> Fetched:
    """GET *url* with the network's timeout and size limit; FetchError on any refusal."""
    scheme, host, port, path, address = check_url(url)
    timeout = get_setting("NETWORK_TIMEOUT")
    max_bytes = get_setting("NETWORK_MAX_BYTES")
    connection_class = _PinnedHTTPSConnection if scheme == "https" else _PinnedHTTPConnection
    connection = connection_class(address, host, port, timeout=timeout)
    headers = {"Accept": accept, "User-Agent": "soroptimist-advocacy", "Accept-Encoding": "identity"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    try:
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        if response.status == 304:
            return Fetched(304, b"", etag, last_modified)
        if 300 <= response.status < 400:
            # Never followed: a redirect is how a listed host could point us inside.
            raise FetchError(gettext("%(url)s answered with a redirect, which is not followed.") % {"url": url})
        if response.status != 200:
            raise FetchError(
                gettext("%(url)s answered with status %(status)s.") % {"url": url, "status": response.status}
            )
        declared = response.getheader("Content-Length")
        if declared and declared.isdigit() and int(declared) > max_bytes:
            raise FetchError(gettext("%(url)s is larger than %(limit)s bytes.") % {"url": url, "limit": max_bytes})
        body = response.read(max_bytes + 1)
        if len(body) > max_bytes:
            raise FetchError(gettext("%(url)s is larger than %(limit)s bytes.") % {"url": url, "limit": max_bytes})
        return Fetched(
            200,
            body,
            etag=response.getheader("ETag") or "",
            last_modified=response.getheader("Last-Modified") or "",
            content_type=(response.getheader("Content-Type") or "").split(";")[0].strip().lower(),
        )
    except (OSError, http.client.HTTPException) as error:
        raise FetchError(gettext("%(url)s could not be fetched: %(error)s") % {"url": url, "error": error}) from None
    finally:
        connection.close()
