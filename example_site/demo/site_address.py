"""Point the demo's Wagtail Site at the address the demo serves, so that the links pages write
for use outside the page (canonical, hreflang, share and e-mail links, sitemap) work as printed.

Wagtail builds every absolute URL from the Site's hostname and port; left at Wagtail's
``localhost:80`` they pointed to a server that is not there.
"""

from __future__ import annotations

import re

from wagtail.models import Site

# runserver's own forms: "8000", "127.0.0.1:8000", "[::1]:8000", "example.local:8000".
ADDRPORT = re.compile(r"^(?:(?P<host>\[[0-9a-fA-F:.]+\]|[^\[\]:]+):)?(?P<port>\d+)$")
# Listening on every interface names no host a browser can use: links name the machine itself.
ALL_INTERFACES = {"0.0.0.0": "localhost", "[::]": "localhost", "0": "localhost"}
DEFAULT_HOST = "127.0.0.1"  # runserver's, when only a port is given


def parse_addrport(addrport: str) -> tuple[str, int]:
    """(hostname, port) of a runserver address; ``ValueError`` for anything else."""
    match = ADDRPORT.match(addrport.strip())
    if match is None or not 0 < int(match["port"]) < 65536:
        raise ValueError(f"{addrport!r} is not an address and port such as 127.0.0.1:8000")
    host = match["host"] or DEFAULT_HOST
    host = ALL_INTERFACES.get(host, host)
    # An IPv6 address keeps its brackets: Wagtail writes "http://{hostname}:{port}" as it is.
    return host, int(match["port"])


def serve_site_at(addrport: str) -> Site:
    """Set the default Site's hostname and port from *addrport* (runserver's argument)."""
    hostname, port = parse_addrport(addrport)
    site = Site.objects.get(is_default_site=True)
    if (site.hostname, site.port) != (hostname, port):
        site.hostname, site.port = hostname, port
        site.save()  # Site.save() clears Wagtail's cached site root paths.
    return site
