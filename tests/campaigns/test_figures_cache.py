"""Campaign figures from the shared cache: a hit costs no query, counts are refreshed after
the interval by one process, and the summary block's progress bar reads them."""

from __future__ import annotations

import datetime
import re
import threading
import time

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse
from django.utils import translation
from django_countries import countries
from wagtail.models import Locale

from soroptimist_advocacy.campaigns import figures_cache
from soroptimist_advocacy.campaigns.counters import count_letters
from soroptimist_advocacy.campaigns.figures import figure_counts, figures_from_counts
from soroptimist_advocacy.campaigns.figures_cache import cached_campaign_figures, figures_lock
from soroptimist_advocacy.models import LetterCounter
from tests import factories
from tests.reports.conftest import make_report  # noqa: F401 (fixture)

SUMMARY_BLOCK = {"type": "campaign_summary", "value": {"heading": "So far", "intro": ""}}
NO_PAGE_CACHE = override_settings(SOROPTIMIST_ADVOCACY={"PAGE_CACHE": False})


@pytest.fixture
def campaign(directory, make_report):  # noqa: F811
    """Four letters to two countries and a report from a third: 3 of 125 countries."""
    page = factories.make_action_kit(
        directory=directory,
        target_countries=factories.some_countries(125),
        body=[factories.letter_block(), SUMMARY_BLOCK],
    )
    count_letters(campaign_key=page.translation_key, country="FR", language="en", number=3)
    count_letters(campaign_key=page.translation_key, country="DE", language="en", number=1)
    make_report(page, country="NG", response_status="positive")
    return page


@pytest.fixture
def clock(monkeypatch):
    """The cache's clock, moved by the test."""
    moment = {"now": datetime.datetime(2026, 3, 8, 12, 0, tzinfo=datetime.UTC)}
    monkeypatch.setattr(figures_cache, "now", lambda: moment["now"])

    def advance(seconds: float) -> None:
        moment["now"] += datetime.timedelta(seconds=seconds)

    return advance


def add_letters(page, number: int) -> None:
    count_letters(campaign_key=page.translation_key, country="FR", language="en", number=number)


def test_counts_and_their_presentation_are_separate(campaign):
    counts = figure_counts(campaign.translation_key)
    assert counts["letters"] == {"FR": 3, "DE": 1}
    assert counts["actions"] == {"NG": 1} and counts["responses"] == {"NG": 1}
    assert counts["letters_by_source"] == {"": 4} and counts["reports_by_source"] == {"": 1}
    with translation.override("fr"), CaptureQueriesContext(connection) as queries:
        figures = figures_from_counts(counts, 125)
    assert len(queries) == 0
    assert (figures.letters, figures.actions, figures.responses, figures.countries_reached) == (4, 1, 1, 3)
    # Country names in the visitor's language: that is why names are not cached.
    assert [row.name for row in figures.countries] == ["Allemagne", "France", "Nigeria"]


def test_a_cache_hit_makes_no_query(campaign, clock):
    first = cached_campaign_figures(campaign.translation_key, 125)
    with CaptureQueriesContext(connection) as queries:
        again = cached_campaign_figures(campaign.translation_key, 125)
    assert len(queries) == 0
    assert again.figures == first.figures and again.as_of == first.as_of


def test_figures_are_counted_again_after_the_interval(campaign, clock):
    before = cached_campaign_figures(campaign.translation_key)
    add_letters(campaign, 10)
    clock(119)
    assert cached_campaign_figures(campaign.translation_key).figures.letters == 4
    clock(2)
    after = cached_campaign_figures(campaign.translation_key)
    assert after.figures.letters == 14
    assert after.as_of - before.as_of == datetime.timedelta(seconds=121)


@override_settings(SOROPTIMIST_ADVOCACY={"FIGURES_REFRESH_SECONDS": 5})
def test_the_interval_is_a_setting(campaign, clock):
    cached_campaign_figures(campaign.translation_key)
    add_letters(campaign, 10)
    clock(6)
    assert cached_campaign_figures(campaign.translation_key).figures.letters == 14


def test_while_one_process_counts_the_others_serve_the_stale_figures(campaign, clock):
    cached_campaign_figures(campaign.translation_key)
    add_letters(campaign, 10)
    clock(600)
    other_worker = figures_lock(campaign.translation_key)
    assert other_worker.acquire()  # another worker is counting
    with CaptureQueriesContext(connection) as queries:
        assert cached_campaign_figures(campaign.translation_key).figures.letters == 4
    assert len(queries) == 0
    other_worker.release()
    assert cached_campaign_figures(campaign.translation_key).figures.letters == 14
    assert not figures_lock(campaign.translation_key).locked()  # the counting process let go of the lock


def test_a_cold_cache_waits_for_the_process_counting_then_counts_itself(campaign, monkeypatch):
    monkeypatch.setattr(figures_cache, "COLD_WAIT_SECONDS", 0.1)
    assert figures_lock(campaign.translation_key).acquire()  # a worker that died while counting
    assert cached_campaign_figures(campaign.translation_key).figures.letters == 4


def test_a_counter_past_its_lock_time_leaves_the_next_counters_lock_alone(campaign, clock, monkeypatch):
    """A count that outlives its lock loses it to the next counter; ending, it must not free that
    counter's lock (a delete through the cache did), or a third process counts meanwhile too."""
    monkeypatch.setattr(figures_cache, "LOCK_SECONDS", 0.2)
    cached_campaign_figures(campaign.translation_key)
    counted = figure_counts(campaign.translation_key)
    clock(600)  # the figures are stale: the next visitors count again
    counts = []
    first_counting, second_counting, first_done = threading.Event(), threading.Event(), threading.Event()

    def slow_count(campaign_key):
        counts.append(campaign_key)
        if len(counts) == 1:
            first_counting.set()
            second_counting.wait(10)  # outlives its lock until the next counter holds it
        elif len(counts) == 2:
            second_counting.set()
            first_done.wait(10)
        return counted

    monkeypatch.setattr(figures_cache, "figure_counts", slow_count)
    first = threading.Thread(target=cached_campaign_figures, args=(campaign.translation_key,))
    second = threading.Thread(target=cached_campaign_figures, args=(campaign.translation_key,))
    first.start()
    assert first_counting.wait(10)
    time.sleep(0.3)  # past the first counter's lock
    second.start()
    first.join(10)
    clock(600)  # what the first stored is stale again for the third visitor
    cached_campaign_figures(campaign.translation_key)  # the second still counts: the third serves stale figures
    first_done.set()
    second.join(10)
    assert len(counts) == 2


def test_a_count_stored_between_the_read_and_the_lock_is_served_not_made_again(campaign, clock, monkeypatch):
    """Two servers' visitors find no figures; one counts and lets go of the lock just before the
    other takes it: the other serves that count (the two-server test met two counts otherwise)."""
    made = []
    monkeypatch.setattr(figures_cache, "figure_counts", lambda key: made.append(key) or figure_counts(key))
    real_lock = figures_cache.figures_lock

    def lock_freed_by_another_counter(campaign_key):
        lock = real_lock(campaign_key)
        take = lock.acquire

        def acquire(*args, **kwargs):
            entry = {"counts": figure_counts(campaign_key), "as_of": figures_cache.now()}
            cache.set(f"{figures_cache.ENTRY_PREFIX}{campaign_key}", entry, 60)  # the other's count, stored
            return take(*args, **kwargs)

        lock.acquire = acquire
        return lock

    monkeypatch.setattr(figures_cache, "figures_lock", lock_freed_by_another_counter)
    assert cached_campaign_figures(campaign.translation_key).figures.letters == 4
    assert made == []
    assert not real_lock(campaign.translation_key).locked()


def test_refresh_counts_now(campaign, clock):
    cached_campaign_figures(campaign.translation_key)
    add_letters(campaign, 10)
    assert cached_campaign_figures(campaign.translation_key, refresh=True).figures.letters == 14


def summary_section(html: str) -> str:
    return html.split('class="sa-block sa-summary-figures"', 1)[1].split("</section>", 1)[0]


@NO_PAGE_CACHE
def test_the_summary_block_counts_nothing_per_visitor(campaign):
    Client().get(campaign.url)
    add_letters(campaign, 10)
    with CaptureQueriesContext(connection) as queries:
        html = Client().get(campaign.url).content.decode()
    counter_table = LetterCounter._meta.db_table
    assert not [query for query in queries if counter_table in query["sql"] or "actionreport" in query["sql"]]
    assert "4 letters written" in summary_section(html)


@NO_PAGE_CACHE
def test_progress_bar_values_and_text_in_english(campaign):
    section = summary_section(Client().get(campaign.url).content.decode())
    assert re.search(r'<progress max="125" value="3">', section)
    # The bar is labelled by its visible text: the label wraps both.
    label = re.search(r"<label[^>]*>(.*?)</label>", section, re.S).group(1)
    assert "3 of 125 countries reached" in label and "<progress" in label
    assert "4 letters written" in section
    assert "<script" not in section


@NO_PAGE_CACHE
def test_progress_text_follows_plural_forms(directory):
    page = factories.make_action_kit(directory=directory, target_countries=["FR"], body=[SUMMARY_BLOCK])
    count_letters(campaign_key=page.translation_key, country="FR", language="en", number=1)
    section = summary_section(Client().get(page.url).content.decode())
    assert "1 letter written" in section and "1 of 1 country reached" in section
    assert '<progress max="1" value="1">' in section


@NO_PAGE_CACHE
def test_an_empty_target_means_every_country(directory):
    page = factories.make_action_kit(directory=directory, body=[SUMMARY_BLOCK])
    count_letters(campaign_key=page.translation_key, country="FR", language="en", number=2)
    section = summary_section(Client().get(page.url).content.decode())
    every = len(list(countries))
    assert f"1 of {every} countries reached" in section
    assert f'<progress max="{every}" value="1">' in section


@NO_PAGE_CACHE
def test_progress_bar_values_and_text_in_french(campaign):
    french = campaign.copy_for_translation(Locale.objects.get_or_create(language_code="fr")[0], copy_parents=True)
    french.save_revision().publish()
    french.refresh_from_db()
    section = summary_section(Client().get(french.url).content.decode())
    assert '<progress max="125" value="3">' in section
    # The page speaks French (an existing label), and the bar's text is the French catalog's
    # plural form for 125 of these very figures (English until the lead's catalogs translate it).
    assert "Actions signalées" in section
    with translation.override("fr"):
        expected = translation.ngettext(
            "%(reached)s of %(counter)s country reached", "%(reached)s of %(counter)s countries reached", 125
        ) % {"reached": 3, "counter": 125}
        letters = translation.ngettext("%(counter)s letter written", "%(counter)s letters written", 4) % {"counter": 4}
    label = re.search(r'<span class="sa-progress-text">(.*?)</span>', section, re.S).group(1)
    assert label == expected
    assert letters in section


def test_impact_time_ends_without_a_doubled_full_stop(admin_client, campaign, clock):
    clock(-3600)  # 11:00: English DATETIME_FORMAT writes "11 a.m.", once read "a.m.." in a sentence.
    html = admin_client.get(reverse("campaign_impact:impact", args=[campaign.translation_key])).content.decode()
    assert "11 a.m.</time>" in html and "a.m.." not in html


def test_impact_shows_when_figures_were_counted_and_counts_again_on_request(admin_client, campaign, clock):
    url = reverse("campaign_impact:impact", args=[campaign.translation_key])
    html = admin_client.get(url).content.decode()
    assert "Figures as of" in html and 'href="?refresh=1"' in html
    add_letters(campaign, 10)
    assert re.search(r"Letters generated</dt><dd[^>]*>4<", admin_client.get(url).content.decode())
    assert re.search(r"Letters generated</dt><dd[^>]*>14<", admin_client.get(url + "?refresh=1").content.decode())


def test_figures_json_comes_from_the_cache(client, campaign, clock):
    first = client.get(campaign.url + "figures.json").json()
    add_letters(campaign, 10)
    again = client.get(campaign.url + "figures.json").json()
    assert again["totals"]["letters"] == first["totals"]["letters"] == 4
    assert again["generated_at"] == first["generated_at"]  # when the counts were made, not served


@NO_PAGE_CACHE
def test_only_target_countries_count_toward_the_target(directory):
    page = factories.make_action_kit(directory=directory, target_countries=["FR", "KE"], body=[SUMMARY_BLOCK])
    for country in ("FR", "DE", "JP"):  # two letters from countries the campaign does not target
        count_letters(campaign_key=page.translation_key, country=country, language="en", number=1)

    section = summary_section(Client().get(page.url).content.decode())

    assert "3 letters written" in section
    assert "1 of 2 countries reached" in section
    assert '<progress max="2" value="1">' in section
    figures = figures_from_counts(figure_counts(page.translation_key), page.target_country_codes())
    assert (figures.countries_reached, figures.target_countries, figures.reach_percent) == (1, 2, 50)
