"""An editor's journey in the Wagtail admin: a letter template that is refused, one that is
accepted, and a new Action Kit page with a letter builder using it, published and live."""

from __future__ import annotations

import io

import docx
import pytest

from soroptimist_advocacy.models import ActionKitPage, LetterTemplate
from tests.letter_helpers import docx_text

# Skips this module, with the reason, where the Python package is not installed.
expect = pytest.importorskip("playwright.sync_api", reason="needs the 'playwright' Python package").expect

USERNAME, PASSWORD = "editor", "a-long-editor-password"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
TEMPLATE_MARK = "Letter template made in the browser test"


def docx_bytes(*paragraphs: str) -> bytes:
    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def bad_template() -> bytes:
    return docx_bytes("Dear {{ recipient.name }},", "My shoe size is {{ member.shoe_size }}.")


def good_template() -> bytes:
    return docx_bytes(
        TEMPLATE_MARK,
        "{{ member.name }}, {{ member.club }}, {{ member.town }}",
        "{{ date }}",
        "{{ recipient.salutation }},",
        "{%p for paragraph in body %}",
        "{{ paragraph }}",
        "{%p endfor %}",
        "{{ closing }}",
        "{{ member.name }}",
    )


def upload_in_document_chooser(page, title: str, filename: str, content: bytes) -> None:
    """Upload a new document from the chooser modal Wagtail opens from a document field."""
    modal = page.locator(".modal-dialog")
    modal.get_by_role("tab", name="Upload").click()
    modal.get_by_label("Title").fill(title)
    modal.get_by_label("File").set_input_files({"name": filename, "mimeType": DOCX_TYPE, "buffer": content})
    modal.get_by_role("button", name="Upload").click()
    expect(modal).to_be_hidden()


def test_editor_journey(demo, page, url, shot, download, django_user_model):
    django_user_model.objects.create_superuser(USERNAME, "editor@example.org", PASSWORD)
    home = demo.get_parent()

    page.goto(url("/admin/login/"))
    page.get_by_label("Username").fill(USERNAME)
    page.get_by_label("Password").fill(PASSWORD)
    shot(page, "admin login")
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(url("/admin/"))
    shot(page, "admin dashboard")

    # A template with a placeholder letters do not know is refused, naming it.
    page.goto(url("/admin/snippets/soroptimist_advocacy/lettertemplate/add/"))
    page.get_by_role("textbox", name="Name").fill("Browser test letter")
    page.get_by_role("button", name="Choose a document").click()
    upload_in_document_chooser(page, "Shoe size letter", "shoe-size.docx", bad_template())
    document_field = page.locator("[data-contentpath=document]")
    expect(document_field.locator("[data-chooser-title]")).to_have_text("Shoe size letter")
    shot(page, "letter template with unknown variable chosen")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("could not be created due to errors")).to_be_visible()
    expect(document_field.locator("[data-field-errors]")).to_contain_text(
        "This template uses placeholders that letters do not know: member.shoe_size."
    )
    assert not LetterTemplate.objects.filter(name="Browser test letter").exists()
    shot(page, "unknown variable refused")

    # A good template is accepted.
    document_field.get_by_role("button", name="Actions").click()
    page.get_by_role("button", name="Choose another document").click()
    upload_in_document_chooser(page, "Browser test letter (en)", "browser-test-letter.docx", good_template())
    expect(document_field.locator("[data-chooser-title]")).to_have_text("Browser test letter (en)")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_role("status")).to_contain_text("'Browser test letter' created")
    shot(page, "letter template saved")

    # A new Action Kit page under the home page, with a letter builder using that template.
    page.goto(url(f"/admin/pages/{home.pk}/add_subpage/"))
    page.get_by_role("link", name="Action kit", exact=True).click()
    expect(page).to_have_url(url(f"/admin/pages/add/soroptimist_advocacy/actionkitpage/{home.pk}/"))
    page.get_by_placeholder("Page title").fill("Write to your minister")
    body = page.locator("[data-contentpath=body]").first
    body.get_by_role("button", name="Insert a block").first.click()
    page.get_by_role("option", name="Letter builder").click()
    block = body.locator("[data-streamfield-child]").first
    expect(block.locator("[data-contentpath=heading] input")).to_have_value("Write to your decision maker")
    paragraphs = block.locator("[data-contentpath=paragraphs]").first
    paragraphs.locator("textarea").first.fill("I write to you as a member of {{ member.club }} in {{ member.town }}.")
    paragraphs.get_by_role("button", name="Add").last.click()
    expect(paragraphs.locator("textarea")).to_have_count(2)
    paragraphs.locator("textarea").nth(1).fill("Please stand up for the rights of women in {{ recipient.country }}.")
    block.get_by_role("button", name="Choose letter template").click()
    modal = page.locator(".modal-dialog")
    modal.get_by_role("link", name="Browser test letter").click()
    expect(modal).to_be_hidden()
    expect(block.locator("[data-contentpath=template] [data-chooser-title]")).to_have_text("Browser test letter")
    shot(page, "action kit page with letter builder")

    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish").click()
    message = page.get_by_role("status")
    expect(message).to_contain_text("Page 'Write to your minister' created and published.")
    shot(page, "page published")
    campaign = ActionKitPage.objects.get(title="Write to your minister")
    assert campaign.live and campaign.get_parent().pk == home.pk

    message.get_by_role("link", name="View live").click()
    expect(page).to_have_url(url("/write-to-your-minister/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Write to your minister")
    form = page.locator("form[data-sa-letter-form]")
    expect(form).to_be_visible()
    shot(page, "live page with letter form")

    # The letter uses the editor's template and paragraphs.
    form.get_by_label("Your name").fill("Zoë O'Brien")
    form.get_by_label("Your club").fill("SI Nairobi")
    form.get_by_label("Your town or city").fill("Nairobi")
    form.get_by_label("Your country").select_option("KE")
    expect(form.locator("[data-sa-decision-makers]")).to_contain_text("Nobody is listed for this country yet")
    filename, content = download(page, lambda: form.get_by_role("button", name="Download my letter (.docx)").click())
    assert filename == "write-to-your-minister-ke.docx"
    text = docx_text(content)
    assert TEMPLATE_MARK in text
    assert "I write to you as a member of SI Nairobi in Nairobi." in text
    assert "Please stand up for the rights of women in Kenya." in text
    shot(page, "letter from the new page downloaded")
