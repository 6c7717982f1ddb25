"""The client's address behind a known number of proxies, and the group a rate limit counts it in."""

import pytest
from django.test import RequestFactory

from soroptimist_advocacy.web.client_address import address_group, client_address


@pytest.fixture
def proxies(settings):
    """Set TRUSTED_PROXY_COUNT for one test."""

    def trust(count):
        settings.SOROPTIMIST_ADVOCACY = {**getattr(settings, "SOROPTIMIST_ADVOCACY", {}), "TRUSTED_PROXY_COUNT": count}

    return trust


def request(remote="10.0.0.1", forwarded=None):
    meta = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **meta)


def test_without_trusted_proxies_the_header_is_ignored(proxies):
    proxies(0)
    assert client_address(request("198.51.100.7", "203.0.113.9")) == "198.51.100.7"


@pytest.mark.parametrize(
    "count, forwarded, expected",
    [
        (1, "203.0.113.9", "203.0.113.9"),
        # A client's own X-Forwarded-For is kept on the left: only the proxies' entries count.
        (1, "6.6.6.6, 203.0.113.9", "203.0.113.9"),
        (2, "6.6.6.6, 203.0.113.9, 192.0.2.10", "203.0.113.9"),
        (2, " 203.0.113.9 ,192.0.2.10 ", "203.0.113.9"),
        # Empty entries (",,") are not addresses and are not counted.
        (2, "203.0.113.9,, 192.0.2.10,", "203.0.113.9"),
    ],
)
def test_the_nth_address_from_the_right_is_the_client(proxies, count, forwarded, expected):
    proxies(count)
    assert client_address(request("10.0.0.1", forwarded)) == expected


@pytest.mark.parametrize("forwarded", [None, "", " , ", "203.0.113.9"])
def test_a_chain_shorter_than_the_proxies_falls_back_to_the_connection(proxies, forwarded):
    proxies(2)
    assert client_address(request("10.0.0.1", forwarded)) == "10.0.0.1"


def test_no_remote_address_at_all_is_an_empty_string(proxies):
    proxies(0)
    factory_request = RequestFactory().get("/")
    del factory_request.META["REMOTE_ADDR"]
    assert client_address(factory_request) == ""


@pytest.mark.parametrize(
    "address, group",
    [
        ("203.0.113.9", "203.0.113.9"),
        # One household or phone gets a /64: its addresses share one group.
        ("2001:db8:1:2:aaaa::1", "2001:db8:1:2::/64"),
        ("2001:db8:1:2:ffff:ffff:ffff:ffff", "2001:db8:1:2::/64"),
        ("2001:DB8:1:2::1", "2001:db8:1:2::/64"),
        # An IPv4 client seen through an IPv6 socket is that IPv4 client.
        ("::ffff:192.0.2.1", "192.0.2.1"),
    ],
)
def test_address_groups(address, group):
    assert address_group(address) == group


def test_neighbouring_ipv6_networks_are_different_groups():
    assert address_group("2001:db8:1:2::1") != address_group("2001:db8:1:3::1")


@pytest.mark.parametrize("address", ["", "not-an-address", "203.0.113.9:443", "1.2.3", "2001:db8::g", "unknown"])
def test_malformed_addresses_fall_in_one_unknown_group(address):
    assert address_group(address) == "unknown"


def test_a_malformed_entry_written_by_the_proxy_is_unknown_not_an_error(proxies):
    proxies(1)
    assert address_group(client_address(request("10.0.0.1", "203.0.113.9, garbage"))) == "unknown"
