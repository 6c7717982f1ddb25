"""The example site's demo campaign builds, and building it again duplicates nothing."""

from django.core.management import call_command
from wagtail.documents import get_document_model
from wagtail.models import Page

from soroptimist_advocacy.models import ActionKitPage, DecisionMakerPage, ResourcePage


def counts():
    return (
        Page.objects.count(),
        DecisionMakerPage.objects.count(),
        ResourcePage.objects.count(),
        get_document_model().objects.count(),
    )


def test_load_demo_is_idempotent_and_complete(db, client):
    call_command("load_demo", verbosity=0)
    first = counts()
    call_command("load_demo", verbosity=0)
    assert counts() == first

    campaign = ActionKitPage.objects.get(locale__language_code="en")
    countries = set(DecisionMakerPage.objects.filter(locale__language_code="en").values_list("country", flat=True))
    assert len(countries) >= 8
    # Every region: Africa, Americas, Asia, Europe, Oceania, Middle East.
    assert {"KE", "BR", "IN", "GB", "AU", "JO"} <= countries
    assert all(DecisionMakerPage.objects.values_list("is_sample", flat=True))
    assert ResourcePage.objects.filter(locale__language_code="en").count() >= 4

    response = client.get(campaign.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Post CSW Advocacy Action Kit" in html
    assert "PDF" in html
