"""A directory synced from another site's public export reaches every language it is translated
into, as wagtail-localize translations (the import's own rule, see tests/directory)."""

from __future__ import annotations

from django.test import Client
from wagtail.models import Locale

from soroptimist_advocacy.models import DecisionMakerPage
from soroptimist_advocacy.network.sync import sync_directory
from tests import factories


def test_a_sync_into_a_translated_directory_reaches_every_language(settings, stub_server, db):
    ours = factories.make_directory(title="Ours", slug="ours")
    partner = factories.make_directory(title="Partner", slug="partner")
    factories.make_decision_maker(partner, "CN", "Li Wei", external_id="cn-women")
    for code in ("ar", "zh-hans"):
        ours.copy_for_translation(Locale.objects.get_or_create(language_code=code)[0], copy_parents=True)
        ours.get_translation(Locale.objects.get(language_code=code)).save_revision().publish()
    export = Client().get(partner.url + "export.csv")
    stub_server.answer = (200, {"Content-Type": export["Content-Type"]}, export.content)
    settings.SOROPTIMIST_ADVOCACY = {"NETWORK_ALLOWED_HOSTS": [stub_server.host]}

    result = sync_directory(f"http://{stub_server.host}/export.csv", ours)

    assert result.ok, result.errors
    found = DecisionMakerPage.objects.filter(external_id="cn-women").exclude(pk__in=partner.get_children())
    assert sorted(page.locale.language_code for page in found if page.live) == ["ar", "en", "zh-hans"]
    assert "Li Wei" in Client().get("/zh-hans/ours/", {"country": "CN"}).content.decode()
