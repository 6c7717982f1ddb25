"""Editors download a sample letter from the page preview and from the letter template snippet."""

from django.contrib.auth import get_user_model
from django.urls import reverse

from soroptimist_advocacy.letter_builder.delivery import DOCX_CONTENT_TYPE
from soroptimist_advocacy.letters import default_template_bytes
from soroptimist_advocacy.models import LetterReference, LetterTemplate
from tests import factories
from tests.letter_builder.test_sent import qr_urls
from tests.letter_helpers import docx_text


def editor(client):
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    return user


def test_page_preview_has_a_sample_letter_mode(action_kit):
    assert ("sample_letter", "Sample letter (.docx)") in [
        (name, str(label)) for name, label in action_kit.preview_modes
    ]
    # What the admin's preview panel does with the chosen mode.
    response = action_kit.make_preview_request(preview_mode="sample_letter")
    assert response.status_code == 200
    assert response["Content-Type"] == DOCX_CONTENT_TYPE
    text = docx_text(response.content)
    assert "Margaret Adeyemi" in text  # the sample member
    assert "Claire Dubois" in text  # the directory's first decision maker
    assert "As a member of Soroptimist International Bristol in Bristol, I write to you." in text
    # A dummy code and its QR code show where they are printed; the code is never stored.
    assert "K7QF-3MXD-92A" in text
    assert qr_urls(response.content) == [f"{action_kit.get_full_url()}sent/K7QF-3MXD-92A/"]
    assert not LetterReference.objects.exists()


def test_snippet_listing_links_to_a_sample_letter(client, db):
    document = factories.make_document("letter.docx", "letter.docx", default_template_bytes())
    template = LetterTemplate.objects.create(name="CSW letter", document=document)
    editor(client)
    listing = client.get(reverse(template.snippet_viewset.get_url_name("list"))).content.decode()
    url = reverse(template.snippet_viewset.get_url_name("sample_letter"), args=[template.pk])
    assert url in listing
    response = client.get(url)
    assert response["Content-Type"] == DOCX_CONTENT_TYPE
    assert "Margaret Adeyemi" in docx_text(response.content)


def test_sample_letter_needs_a_permission(client, db):
    template = LetterTemplate.objects.create(name="CSW letter")
    user = get_user_model().objects.create_user("member", "m@example.org", "pw")
    client.force_login(user)
    response = client.get(reverse(template.snippet_viewset.get_url_name("sample_letter"), args=[template.pk]))
    assert response.status_code in (302, 403)
    assert response.get("Content-Type") != DOCX_CONTENT_TYPE
