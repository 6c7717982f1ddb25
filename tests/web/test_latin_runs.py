"""Latin runs inside right-to-left pages keep their order (issue 24): in Arabic "http://..." read
"/http://...", "(.docx)" read "(docx.)" and "Example Street 1" lost its order. Addresses, links,
phone numbers and file types are isolated from the text around them (``dir`` or ``<bdi>``)."""

import re

from tests import factories


def test_a_decision_maker_s_contact_details_are_isolated(client, directory):
    page = factories.make_decision_maker(
        directory,
        "EG",
        "Amal Hassan",
        postal_address="Example Street 1\n11511 Cairo",
        email="amal@example.org",
        phone="+20 2 1234 5678",
        website="https://example.org/minister",
        source_url="https://example.org/source",
    )
    html = client.get(page.url).content.decode()
    assert '<dd dir="auto">Example Street 1<br>11511 Cairo</dd>' in html
    assert re.search(r'<a href="mailto:amal@example.org" dir="ltr">amal@example.org</a>', html)
    assert '<bdi dir="ltr">+20 2 1234 5678</bdi>' in html
    assert re.search(
        r'<a href="https://example.org/minister" rel="noopener" dir="ltr">https://example.org/minister</a>', html
    )
    assert re.search(
        r'<a href="https://example.org/source" rel="noopener" dir="ltr">https://example.org/source</a>', html
    )


def test_the_letter_button_s_file_type_is_isolated(client, action_kit):
    html = client.get(action_kit.url).content.decode()
    assert re.search(r'<button type="submit" class="sa-button">Download my letter <bdi>\(\.docx\)</bdi></button>', html)


def test_a_document_s_format_is_isolated(client, db):
    document = factories.make_document()
    _index, (resource,) = factories.make_resources(document=document)
    html = client.get(resource.url).content.decode()
    assert re.search(r'<span class="sa-meta"><bdi>\(PDF, [^)]+\)</bdi></span>', html)
