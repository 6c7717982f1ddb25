"""Run inside a fresh `wagtail start` site (by tests/support/test_packaging.py): an editor's campaign
with a letter builder, translated into French with wagtail-localize, then a member's visit
to the French page and her French letter, through the site's own settings and URLconf."""

import io
import json
import os
import re

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fedsite.settings.dev")
django.setup()

import docx  # noqa: E402
from django.test import Client  # noqa: E402
from wagtail.models import Locale, Page  # noqa: E402
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource  # noqa: E402

import soroptimist_advocacy  # noqa: E402
from soroptimist_advocacy.models import ActionKitPage  # noqa: E402

ENGLISH = [
    "As a member of {{ member.club }} in {{ member.town }}, I write to you.",
    "Please act for the women of {{ recipient.country }}.",
]
FRENCH = [
    "En tant que membre du {{ member.club }} à {{ member.town }}, je vous écris.",
    "Agissez pour les femmes du pays {{ recipient.country }}.",
]
STRINGS = dict(zip(ENGLISH, FRENCH), **{"Write your letter": "Écrivez votre lettre", "Action Kit": "Kit d'action"})
FRENCH_DATE = (
    r"\b\d{1,2}(er)? (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) \d{4}\b"
)


def translate(page, locale):
    """What "Translate" then "Publish" do in wagtail-localize's editor."""
    source, _ = TranslationSource.get_or_create_from_instance(page)
    translation = Translation.objects.create(source=source, target_locale=locale)
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        if segment.string.data in STRINGS:
            StringTranslation.objects.create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                data=STRINGS[segment.string.data],
            )
    translation.save_target(publish=True)
    return page.get_translation(locale)


def main():
    assert "site-packages" in soroptimist_advocacy.__file__, soroptimist_advocacy.__file__
    home = Page.objects.get(depth=2)
    campaign = ActionKitPage(
        title="Action Kit",
        slug="action-kit",
        body=json.dumps(
            [
                {
                    "type": "letter_builder",
                    "value": {
                        "heading": "Write your letter",
                        "intro": "",
                        "subject": "",
                        "paragraphs": ENGLISH,
                        "template": None,
                        "generic_salutation": "Dear Minister",
                        "generic_addressee": "The Minister for Women",
                    },
                }
            ]
        ),
    )
    home.add_child(instance=campaign)
    campaign.save_revision().publish()

    french = Locale.objects.create(language_code="fr")  # Settings > Locales
    translate(home, french)
    french_campaign = translate(campaign, french)
    assert french_campaign.live and french_campaign.url == "/fr/action-kit/", french_campaign.url

    member = Client(enforce_csrf_checks=True)
    response = member.get("/fr/action-kit/")
    html = response.content.decode()
    assert response.status_code == 200, response.status_code
    assert "Écrivez votre lettre" in html and "Votre nom" in html, html[:3000]
    assert 'action="/fr/action-kit/letter/' in html, html[:3000]

    # The form carries no CSRF token: the README's middleware line lets the same-origin POST through.
    response = member.post(
        "/fr/action-kit/letter/",
        {
            "name": "Marie Curie",
            "club": "SI Paris Club",
            "town": "Paris",
            "email": "",
            "country": "FR",
            "language": "fr",
        },
        HTTP_ORIGIN="http://testserver",
    )
    assert response.status_code == 200, response.content[:3000]
    assert response["Content-Disposition"].startswith("attachment") and ".docx" in response["Content-Disposition"]
    text = "\n".join(paragraph.text for paragraph in docx.Document(io.BytesIO(response.content)).paragraphs)
    assert "En tant que membre du SI Paris Club à Paris, je vous écris." in text, text
    assert re.search(FRENCH_DATE, text), text
    assert "Veuillez agréer" in text, text
    print("ok")


if __name__ == "__main__":
    main()
