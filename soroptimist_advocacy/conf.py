"""The app's settings: one ``SOROPTIMIST_ADVOCACY`` dict, each key with a default.

Read through :func:`get_setting` so that ``override_settings`` in tests and
per-site settings modules are honoured at call time.
"""

from django.conf import settings

DEFAULTS = {
    # Template every public page extends; it must define ``{% block content %}``
    # and may define ``title``, ``extra_css`` and ``extra_js``.
    "BASE_TEMPLATE": "base.html",
    # How many reverse proxies in front of the site append to X-Forwarded-For.
    # 0 means REMOTE_ADDR is the client; never trust the header beyond this.
    "TRUSTED_PROXY_COUNT": 0,
    # Report form: submissions per client per window.
    "REPORT_RATE_LIMIT": 10,
    "REPORT_RATE_WINDOW": 3600,
    # Letter route: letters per client per window. Generous enough for a club
    # evening behind one address; it bounds how far one client moves public figures.
    "LETTER_RATE_LIMIT": 30,
    "LETTER_RATE_WINDOW": 600,
    # Correction form: submissions per client per window.
    "CORRECTION_RATE_LIMIT": 10,
    "CORRECTION_RATE_WINDOW": 3600,
    # Days after a report before the single "Did you get a response?" reminder.
    "REMINDER_DAYS": 14,
    # Personal fields of reports older than this are blanked by purge_personal_data.
    "RETENTION_DAYS": 365,
    # A decision maker not verified for this many days is flagged as possibly out of date.
    "STALE_AFTER_DAYS": 365,
    # Longest time a cache may keep the public Action Kit page.
    "PAGE_MAX_AGE": 300,
    # Serve anonymous GETs of campaign, directory and resource listing pages from the
    # shared Django cache (see page_cache.py), and which cache alias holds them.
    "PAGE_CACHE": True,
    "PAGE_CACHE_ALIAS": "default",
    # Rows per database round trip in report exports, and reports per batch in
    # purge_personal_data and send_response_reminders: memory stays flat with the row count.
    "BATCH_SIZE": 2000,
    # Sender address for report links and reminders (falls back to DEFAULT_FROM_EMAIL).
    "FROM_EMAIL": None,
    # Federation network: hosts whose files may be fetched (partner figures, directory
    # sync). "example.org" admits its public addresses; "10.0.0.5:8000" or
    # "127.0.0.1:8001" admits that private or loopback address and port only.
    "NETWORK_ALLOWED_HOSTS": [],
    # Seconds one fetch may take in all: name lookup, connect, headers and body together.
    "NETWORK_TIMEOUT": 10,
    # Seconds a whole roll-up of partner figures may take (partners are fetched a few at
    # a time); a partner not done by then is recorded as failed, the others are stored.
    "NETWORK_ROLLUP_TIMEOUT": 60,
    # Largest file fetched from a partner, in bytes.
    "NETWORK_MAX_BYTES": 5_000_000,
    # Longest time a cache may keep a campaign's figures.json.
    "FIGURES_MAX_AGE": 300,
    # A campaign's figures (summary block, impact, figures.json) come from the shared
    # cache and are counted again at most this often, by one process (campaigns/figures_cache.py).
    "FIGURES_REFRESH_SECONDS": 120,
    # A partner's figures older than this many hours are shown as stale.
    "FIGURES_STALE_AFTER_HOURS": 48,
}


def get_setting(name: str):
    """Return the app setting *name*, falling back to its default."""
    overrides = getattr(settings, "SOROPTIMIST_ADVOCACY", {}) or {}
    if name in overrides:
        return overrides[name]
    return DEFAULTS[name]
