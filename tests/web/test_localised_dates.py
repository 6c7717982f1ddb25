"""Dates on public pages come from Django's localised formats (CLDR), never a hand-written pattern."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from django.template import Context, Template
from django.utils import translation

import soroptimist_advocacy
from soroptimist_advocacy.blocks import RelatedLinksBlock

TEMPLATES = Path(soroptimist_advocacy.__file__).parent / "templates"
MARCH_2012 = datetime.date(2012, 3, 5)


def related_links_html(language: str) -> str:
    block = RelatedLinksBlock()
    value = block.to_python(
        {"heading": "", "links": [{"title": "CSW 56", "external_url": "https://example.org/", "date": "2012-03-05"}]}
    )
    with translation.override(language):
        return block.render(value)


@pytest.mark.parametrize(
    ("language", "month_year"),
    [("es", "marzo de 2012"), ("zh-hans", "2012年3月"), ("fr", "mars 2012"), ("ru", "Март 2012 г.")],
)
def test_month_and_year_follow_the_language(language, month_year):
    assert f'<time datetime="2012-03-05">{month_year}</time>' in related_links_html(language)


@pytest.mark.parametrize(
    ("language", "full_date"),
    [("es", "5 de marzo de 2012"), ("zh-hans", "2012年3月5日"), ("en", "March 5, 2012")],
)
def test_full_dates_follow_the_language(language, full_date):
    with translation.override(language):
        html = Template('{{ day|date:"DATE_FORMAT" }}').render(Context({"day": MARCH_2012}))
    assert html == full_date


def test_no_template_writes_a_date_pattern_by_hand():
    """Only named formats (``DATE_FORMAT``, ``YEAR_MONTH_FORMAT``…) or the machine-readable ISO
    date of a ``<time datetime>`` attribute; "F Y" read "marzo 2012" and "三月 2012"."""
    offenders = []
    for path in TEMPLATES.rglob("*.html"):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for pattern in line.split("|date:")[1:]:
                quoted = pattern[1 : pattern.index(pattern[0], 1)]
                if not quoted.endswith("_FORMAT") and quoted not in ("Y-m-d", "c"):
                    offenders.append(f"{path.name}:{number}: {quoted}")
    assert offenders == []


@pytest.mark.parametrize(
    ("language", "attributes"),
    [("ar", 'lang="ar" dir="rtl"'), ("zh-hans", 'lang="zh-hans" dir="ltr"'), ("ru", 'lang="ru" dir="ltr"')],
)
def test_host_base_templates_get_the_html_lang_and_dir(language, attributes):
    """``wagtail start``'s base.html hard-codes ``<html lang="en">``; the README's snippet replaces it."""
    with translation.override(language):
        html = Template("{% load soroptimist_advocacy_tags %}<html {% lang_dir %}>").render(Context({}))
    assert html == f"<html {attributes}>"
