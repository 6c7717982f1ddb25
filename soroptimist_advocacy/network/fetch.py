"""Fetch a partner's public file, refusing anything the allowlist does not name.

Why not ``urllib``/``requests``: they resolve the host name themselves, so a name
checked here could resolve to an internal address a moment later (DNS rebinding),
and they follow redirects. Here the name is resolved once, the address checked,
and the connection made to that very address; a redirect is an error.

Why a deadline and not a socket timeout: a timeout bounds each read, so a partner
sending one byte a second holds a fetch for as long as it likes. Every step here
(name lookup, connect, TLS handshake, request, headers, body) waits at most for the
time left before one deadline, ``NETWORK_TIMEOUT`` seconds after the fetch began.
"""

from __future__ import annotations

import http.client
import io
import ipaddress
import math
import socket
import ssl
import threading
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.utils.translation import gettext, ngettext

from soroptimist_advocacy.conf import settings


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
    return {str(entry).strip().lower() for entry in settings.NETWORK_ALLOWED_HOSTS or ()}


def _is_public(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    return address.is_global and not address.is_multicast


def _time_left(end: float) -> float:
    """Seconds until *end* (a ``time.monotonic()`` instant); TimeoutError once it has passed."""
    left = end - time.monotonic()
    if left <= 0:
        raise TimeoutError
    return left


def _resolve(host: str, port: int, end: float) -> list:
    """``getaddrinfo`` before *end*. It takes no timeout (the system resolver may retry for
    half a minute), so it runs in a daemon thread, left to finish alone when *end* comes first."""
    outcome: dict = {}

    def lookup():
        try:
            outcome["infos"] = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (OSError, UnicodeError) as error:  # socket.gaierror is an OSError.
            outcome["error"] = error

    thread = threading.Thread(target=lookup, name="partner-name-lookup", daemon=True)
    thread.start()
    thread.join(_time_left(end))
    if thread.is_alive():
        raise TimeoutError
    if "error" in outcome or not outcome.get("infos"):
        raise FetchError(gettext("The host %(host)s cannot be found.") % {"host": host})
    return outcome["infos"]


def check_url(url: str, end: float | None = None) -> tuple[str, str, int, str, str]:
    """(scheme, host, port, path with query, the checked IP address) or FetchError; the name
    is looked up before *end* (a ``time.monotonic()`` instant, by default NETWORK_TIMEOUT from now),
    else TimeoutError."""
    if end is None:
        end = time.monotonic() + settings.NETWORK_TIMEOUT
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
    infos = _resolve(host, port, end)
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


class _DeadlineSocket:
    """A connected socket whose every send and receive waits at most until *end*: its
    timeout is set to the time left before each call, so a partner dripping a byte at a
    time is cut off at the deadline instead of resetting a per-read timeout forever.
    Holds what ``http.client`` uses of a socket: ``sendall``, ``makefile("rb")``, ``close``."""

    def __init__(self, sock: socket.socket, end: float) -> None:
        self.sock, self.end = sock, end

    def wait_at_most_time_left(self) -> None:
        self.sock.settimeout(_time_left(self.end))

    def sendall(self, data) -> None:
        self.wait_at_most_time_left()
        self.sock.sendall(data)  # A timeout bounds the whole sendall (Python >= 3.5).

    def makefile(self, mode: str = "rb", *args, **kwargs) -> io.BufferedReader:
        # The socket's own reader: it keeps the socket open until the response has been
        # read, even once http.client closes the connection (as it does for HTTP/1.0).
        return io.BufferedReader(_DeadlineReader(self, self.sock.makefile("rb", buffering=0)))

    def close(self) -> None:
        self.sock.close()


class _DeadlineReader(io.RawIOBase):
    """The response stream ``http.client`` reads the status line, headers and body from."""

    def __init__(self, sock: _DeadlineSocket, raw) -> None:
        super().__init__()
        self._sock, self._raw = sock, raw

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        self._sock.wait_at_most_time_left()
        return self._raw.readinto(buffer)

    def close(self) -> None:
        self._raw.close()
        super().close()


def _connect(address: str, port: int, end: float) -> socket.socket:
    return socket.create_connection((address, port), _time_left(end))


class _PinnedHTTPConnection(http.client.HTTPConnection):
    """Connects to the address already checked, whatever the name resolves to now, before *end*."""

    def __init__(self, address: str, end: float, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._address, self._end = address, end

    def connect(self):
        self.sock = _DeadlineSocket(_connect(self._address, self.port, self._end), self._end)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, address: str, end: float, *args, **kwargs) -> None:
        # Kept here: http.client keeps its own copy private.
        self._tls_context = ssl.create_default_context()
        super().__init__(*args, context=self._tls_context, **kwargs)
        self._address, self._end = address, end

    def connect(self):
        sock = _connect(self._address, self.port, self._end)
        try:
            # CPython bounds the whole handshake by the socket's timeout, not each step of it.
            sock.settimeout(_time_left(self._end))
            # The certificate is checked against the host name, not the address.
            tls = self._tls_context.wrap_socket(sock, server_hostname=self.host)
        except BaseException:
            sock.close()
            raise
        self.sock = _DeadlineSocket(tls, self._end)


def _too_late_message(url: str, seconds: float, outer_deadline_came_first: bool) -> str:
    if outer_deadline_came_first:
        return gettext(
            "%(url)s was not finished when the time for all partner fetches ran out (setting NETWORK_ROLLUP_TIMEOUT)."
        ) % {"url": url}
    return ngettext(
        "%(url)s took longer than %(seconds)s second (setting NETWORK_TIMEOUT).",
        "%(url)s took longer than %(seconds)s seconds (setting NETWORK_TIMEOUT).",
        math.ceil(seconds),
    ) % {"url": url, "seconds": f"{seconds:g}"}


def fetch(
    url: str, *, etag: str = "", last_modified: str = "", accept: str = "*/*", deadline: float | None = None
) -> Fetched:
    """GET *url*, all of it (name lookup, connect, request, headers, body) within
    NETWORK_TIMEOUT seconds and at most NETWORK_MAX_BYTES long, whether the partner declares
    its length or not. *deadline* (a ``time.monotonic()`` instant: a roll-up's) ends it sooner
    when it comes first. FetchError on any refusal."""
    seconds = settings.NETWORK_TIMEOUT
    end = time.monotonic() + seconds
    outer_deadline_came_first = deadline is not None and deadline < end
    if deadline is not None:
        end = min(end, deadline)
    max_bytes = settings.NETWORK_MAX_BYTES
    connection = None
    try:
        scheme, host, port, path, address = check_url(url, end)
        connection_class = _PinnedHTTPSConnection if scheme == "https" else _PinnedHTTPConnection
        connection = connection_class(address, end, host, port)
        headers = {"Accept": accept, "User-Agent": "soroptimist-advocacy", "Accept-Encoding": "identity"}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
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
        # Chunked or read until the partner closes: never more than one byte past the limit is read.
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
    except TimeoutError:  # Before OSError, of which it is one.
        raise FetchError(_too_late_message(url, seconds, outer_deadline_came_first)) from None
    except (OSError, http.client.HTTPException) as error:
        raise FetchError(gettext("%(url)s could not be fetched: %(error)s") % {"url": url, "error": error}) from None
    finally:
        if connection is not None:
            connection.close()
