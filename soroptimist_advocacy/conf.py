"""The app's settings: one ``SOROPTIMIST_ADVOCACY`` dict, read as typed attributes.

Every key is declared below with its default, the types a value may have and one line
saying what it does (the README's "Settings" shows the same list; a test holds the two
together). Code reads ``settings.LETTER_RATE_LIMIT``::

    from soroptimist_advocacy.conf import settings

The site's dict is read at the first attribute access and merged with the defaults; the
merged values are kept on the object until Django's ``setting_changed`` signal says
``SOROPTIMIST_ADVOCACY`` changed (``override_settings`` and pytest-django's ``settings``
fixture send it), so a read costs an attribute lookup. A key this module does not declare
is named by the system check ``soroptimist_advocacy.W005``, a value of the wrong type by
``soroptimist_advocacy.E001`` (``checks.py``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Generic, TypeVar, overload

from django.conf import settings as django_settings
from django.core.exceptions import ImproperlyConfigured
from django.core.signals import setting_changed

SETTING_NAME = "SOROPTIMIST_ADVOCACY"
T = TypeVar("T")
HOST_LISTS = (list, tuple, set, frozenset)


class Setting(Generic[T]):
    """One key of ``SOROPTIMIST_ADVOCACY``: its default, the types its value may have (the
    default's own type unless *types* says more; ``bool`` only where named) and what it does.
    *item_type*: the type of each element when the value is a collection."""

    def __init__(
        self, default: T, doc: str, *, types: tuple[type, ...] | None = None, item_type: type | None = None
    ) -> None:
        self.default = default
        self.doc = doc
        self.types = types or (type(default),)
        self.item_type = item_type
        self.name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, instance: None, owner: type) -> Setting[T]: ...

    @overload
    def __get__(self, instance: AppSettings, owner: type) -> T: ...

    def __get__(self, instance: AppSettings | None, owner: type) -> Setting[T] | T:
        if instance is None:
            return self
        # Only reached when the values are not loaded: loading puts every value in the
        # instance's __dict__, which Python looks in before this (non-data) descriptor.
        return instance.load()[self.name]

    def accepts(self, value: Any) -> bool:
        """True when *value* has a type this setting can use."""
        if isinstance(value, bool) and bool not in self.types:  # True is an int to isinstance
            return False
        if not isinstance(value, self.types):
            return False
        if self.item_type is not None and isinstance(value, HOST_LISTS):
            return all(isinstance(item, self.item_type) for item in value)
        return True

    def expected(self) -> str:
        """The accepted types, in words, for a check's message."""
        if self.item_type is not None:
            return f"a list of {self.item_type.__name__}"
        described = " or ".join(kind.__name__ for kind in self.types if kind is not type(None))
        return described + " or None" if type(None) in self.types else described


class AppSettings:
    """The app's settings, read as attributes (``settings.LETTER_RATE_LIMIT``)."""

    BASE_TEMPLATE = Setting(
        "base.html",
        "Template every public page extends; it defines {% block content %} (and may define title, "
        "extra_css, extra_js).",
    )
    TRUSTED_PROXY_COUNT = Setting(
        0, "Reverse proxies in front of the site that append to X-Forwarded-For (0: REMOTE_ADDR is the client)."
    )
    REPORT_RATE_LIMIT = Setting(10, "Action reports (and response updates) per client per window.")
    REPORT_RATE_WINDOW = Setting(3600, "The report rate limit's window, in seconds.")
    CORRECTION_RATE_LIMIT = Setting(10, "Corrections and suggestions per client per window.")
    CORRECTION_RATE_WINDOW = Setting(3600, "The correction rate limit's window, in seconds.")
    LETTER_RATE_LIMIT = Setting(
        30, "Letters per client (an address, IPv6 /64) per window: a club evening behind one address fits."
    )
    LETTER_RATE_WINDOW = Setting(600, "The letter rate limit's window, in seconds.")
    SENT_RATE_LIMIT = Setting(
        30, 'Tries of the "I sent it" page (sent/<code>/, right or wrong codes) per client per window.'
    )
    SENT_RATE_WINDOW = Setting(600, "The sent page's rate limit's window, in seconds.")
    PACK_RATE_LIMIT = Setting(5, "Club packs (pack/, up to 50 members each) per client per window.")
    PACK_RATE_WINDOW = Setting(3600, "The club pack rate limit's window, in seconds.")
    REMINDER_DAYS = Setting(14, 'Days after a report before its one "Did you get a response?" reminder.')
    RETENTION_DAYS = Setting(365, "Days after which purge_personal_data blanks a report's personal fields.")
    STALE_AFTER_DAYS = Setting(365, "Days after which a decision maker not verified since is flagged.")
    PAGE_MAX_AGE = Setting(
        300, "Seconds a cache may keep a campaign, directory or resource listing page (and the directory exports)."
    )
    PAGE_CACHE = Setting(True, "Serve anonymous GETs of those pages from the shared Django cache.")
    PAGE_CACHE_ALIAS = Setting(
        "default", "The entry of CACHES that holds the page cache (and the letter setup's version)."
    )
    FROM_EMAIL: Setting[str | None] = Setting(
        None, "Sender of report links and reminders (None: DEFAULT_FROM_EMAIL).", types=(str, type(None))
    )
    BATCH_SIZE = Setting(
        2000, "Rows per round trip in report exports, reports per batch in purge_personal_data and reminders."
    )
    NETWORK_ALLOWED_HOSTS: Setting[list[str] | tuple[str, ...]] = Setting(
        (),
        'Hosts partner files may be fetched from: "example.org" (its public addresses) or "10.0.0.5:8000" '
        "(that private or loopback address and port only).",
        types=HOST_LISTS,
        item_type=str,
    )
    NETWORK_TIMEOUT: Setting[float] = Setting(
        10, "Seconds one fetch may take in all: lookup, connect, headers and body.", types=(int, float)
    )
    NETWORK_ROLLUP_TIMEOUT: Setting[float] = Setting(
        60, "Seconds a whole fetch_campaign_figures run may take.", types=(int, float)
    )
    NETWORK_MAX_BYTES = Setting(5_000_000, "Largest file fetched from a partner, in bytes.")
    FIGURES_MAX_AGE = Setting(300, "Seconds a cache may keep a campaign's figures.json.")
    FIGURES_REFRESH_SECONDS = Setting(
        120, "A campaign's figures are counted again at most this often (seconds), by one process."
    )
    FIGURES_STALE_AFTER_HOURS = Setting(48, "Partner figures older than this many hours are shown as stale.")
    DEFAULT_SHARE_IMAGE = Setting(
        "soroptimist_advocacy/share.png",
        'Static file a shared link shows (og:image) when its page has no share or hero image; "" for none.',
    )

    @classmethod
    def declared(cls) -> dict[str, Setting[Any]]:
        """Every setting, by name, in the order declared."""
        return {name: value for name, value in vars(cls).items() if isinstance(value, Setting)}

    def load(self) -> dict[str, Any]:
        """Merge the site's dict with the defaults and keep the values on this object."""
        overrides = site_overrides()
        values = {name: overrides.get(name, setting.default) for name, setting in self.declared().items()}
        self.__dict__.update(values)
        return values

    def reset(self) -> None:
        """Forget the loaded values: the next read merges the site's dict again."""
        self.__dict__.clear()


def site_overrides() -> Mapping[str, Any]:
    """The site's ``SOROPTIMIST_ADVOCACY`` dict (empty when it has none)."""
    overrides = getattr(django_settings, SETTING_NAME, None)
    if overrides is None:
        return {}
    if not isinstance(overrides, Mapping):
        raise ImproperlyConfigured(f"{SETTING_NAME} must be a dict, not {type(overrides).__name__}.")
    return overrides


settings = AppSettings()


def forget_changed_settings(*, setting: str, **kwargs: Any) -> None:
    if setting == SETTING_NAME:
        settings.reset()


setting_changed.connect(forget_changed_settings, dispatch_uid="soroptimist_advocacy.conf")
