"""The client's address, trusting exactly as many proxies as the site says."""

from __future__ import annotations

import ipaddress

from soroptimist_advocacy.conf import settings


def client_address(request) -> str:
    """The address of the client, never a value a client can forge.

    With ``TRUSTED_PROXY_COUNT = n`` the n-th address from the right of
    ``X-Forwarded-For`` is the client (each proxy appends the address it saw);
    with 0 the header is ignored and ``REMOTE_ADDR`` is the client.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = int(settings.TRUSTED_PROXY_COUNT or 0)
    if proxies > 0:
        chain = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(chain) >= proxies:
            remote = chain[-proxies]
    return remote


def address_group(address: str) -> str:
    """An IPv6 client is one /64 (one household or phone); IPv4 is one address."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return "unknown"
    if ip.version == 4:
        return str(ip)
    if ip.ipv4_mapped is not None:  # "::ffff:192.0.2.1" is the IPv4 client 192.0.2.1.
        return str(ip.ipv4_mapped)
    return str(ipaddress.ip_network(f"{ip}/64", strict=False))
