"""The progress line tells letters sent from letters made, once members say they sent some."""

from django.template.loader import render_to_string

TEMPLATE = "soroptimist_advocacy/includes/campaign_progress.html"


def test_the_progress_says_letters_sent_and_made():
    html = render_to_string(TEMPLATE, {"letters": 12, "letters_sent": 7, "reached": 2})
    assert "7 letters sent, 12 made" in html
    assert "1 letter sent, 3 made" in render_to_string(TEMPLATE, {"letters": 3, "letters_sent": 1, "reached": 1})


def test_before_any_letter_is_said_sent_it_counts_letters_written():
    assert "12 letters written" in render_to_string(TEMPLATE, {"letters": 12, "letters_sent": 0, "reached": 2})
