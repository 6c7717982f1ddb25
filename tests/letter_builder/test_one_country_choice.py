"""Without JavaScript the letter form has one country menu (issue 24): the country step chooses,
the letter form carries the country its decision makers belong to, and a decision maker ticked
for another country is explained in words, not as "Select a valid choice. 11 is not one of...".
"""

import re

from tests.letter_helpers import letter_data, post_letter


def country_menus(html: str) -> list[str]:
    return re.findall(r'<select[^>]*name="country"', html)


def letter_form_html(html: str) -> str:
    return re.search(r"<form[^>]*data-sa-letter-form.*?</form>", html, re.S).group(0)


def test_the_page_has_one_country_menu(client, action_kit):
    html = client.get(action_kit.url).content.decode()
    assert len(country_menus(html)) == 1
    step = re.search(r"<form[^>]*data-sa-country-step.*?</form>", html, re.S).group(0)
    assert country_menus(step), "the menu is the country step's, which works without JavaScript"
    assert not country_menus(letter_form_html(html))
    assert "Choose your country above first." in letter_form_html(html)


def test_the_letter_form_carries_the_country_of_the_decision_makers_shown(client, action_kit, claire):
    html = client.get(action_kit.url, {"country": "FR"}).content.decode()
    assert len(country_menus(html)) == 1
    form = letter_form_html(html)
    assert '<input type="hidden" name="country" value="FR">' in form
    assert "Your country: France (change it above)." in form
    assert f'name="decision_maker" value="{claire.pk}"' in form
    # The menu and its label share the id the error summary links to.
    assert re.search(r'<label for="id_country">Your country', html)
    assert re.search(r'<select id="id_country" name="country"', html)


def test_a_decision_maker_of_another_country_is_explained(csrf_client, action_kit, claire):
    response = post_letter(csrf_client, action_kit, letter_data(country="KE", decision_maker=[claire.pk]))
    assert response.status_code == 400
    html = response.content.decode()
    assert "not one of the available choices" not in html
    assert "The decision makers you ticked are not those of the country you chose: tick them again below." in html
    # The page shows the posted country's list again, and still one country menu.
    assert "Grace Wanjiru" in html and "Claire Dubois" not in letter_form_html(html)
    assert len(country_menus(html)) == 1
    assert '<input type="hidden" name="country" value="KE">' in letter_form_html(html)


def test_a_missing_country_is_shown_at_the_one_menu(csrf_client, action_kit):
    response = post_letter(csrf_client, action_kit, letter_data(country=""))
    html = response.content.decode()
    summary = re.search(r'<div class="sa-error-summary".*?</div>', html, re.S).group(0)
    assert 'href="#id_country"' in summary
    assert re.search(r'<select id="id_country" name="country" aria-required="true" aria-invalid="true"', html)
