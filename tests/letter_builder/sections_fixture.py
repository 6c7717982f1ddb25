"""A campaign whose letter has sections, translated into the six UN languages."""

from __future__ import annotations

from wagtail.models import Locale

from soroptimist_advocacy.web.localize import translate
from tests import factories

LANGUAGES = ("en", "fr", "es", "ar", "zh-hans", "ru")
# Per language: the section name and its two alternatives, the second with a placeholder.
WORDING = {
    "en": ("What we ask", "Please report on your progress.", "Please visit a project in {{ member.town }}."),
    "fr": (
        "Notre demande",
        "Veuillez rendre compte de vos progrès.",
        "Veuillez visiter un projet à {{ member.town }}.",
    ),
    "es": (
        "Lo que pedimos",
        "Le rogamos que informe de sus avances.",
        "Le rogamos que visite un proyecto en {{ member.town }}.",
    ),
    "ar": ("ما نطلبه", "نرجو أن تطلعونا على التقدم المحرز.", "نرجو أن تزوروا مشروعًا في {{ member.town }}."),
    "zh-hans": ("我们的请求", "请报告贵方的进展。", "请访问{{ member.town }}的一个项目。"),
    "ru": (
        "Наша просьба",
        "Просим сообщить о достигнутом прогрессе.",
        "Просим посетить проект в городе {{ member.town }}.",
    ),
}
PARAGRAPHS = {
    "fr": (
        "En tant que membre du {{ member.club }} à {{ member.town }}, je vous écris.",
        "Agissez pour les femmes de {{ recipient.country }}.",
    ),
    "es": (
        "Como socia del {{ member.club }} en {{ member.town }}, le escribo.",
        "Actúe por las mujeres de {{ recipient.country }}.",
    ),
    "ar": (
        "بصفتي عضوة في {{ member.club }} في {{ member.town }}، أكتب إليكم.",
        "نرجو أن تعملوا من أجل النساء في {{ recipient.country }}.",
    ),
    "zh-hans": (
        "我是{{ member.town }}{{ member.club }}的社员，谨致函您。",
        "请为{{ recipient.country }}的妇女采取行动。",
    ),
    "ru": (
        "Как член {{ member.club }} в городе {{ member.town }}, я пишу вам.",
        "Просим действовать в интересах женщин {{ recipient.country }}.",
    ),
}
SECTION_ID, FIRST_ID, SECOND_ID = (
    "5ec7e1a0-0000-4000-8000-000000000001",
    "a17e0001-0000-4000-8000-000000000001",
    "a17e0002-0000-4000-8000-000000000002",
)


def sections_value(label: str, first: str, second: str) -> list[dict]:
    return [
        {
            "type": "item",
            "id": SECTION_ID,
            "value": {
                "label": label,
                "alternatives": [
                    {"type": "item", "id": FIRST_ID, "value": first},
                    {"type": "item", "id": SECOND_ID, "value": second},
                ],
            },
        }
    ]


def letter_block_with_sections() -> dict:
    block = factories.letter_block()
    block["value"]["sections"] = sections_value(*WORDING["en"])
    return block


def make_campaign(directory, capture, languages=LANGUAGES):
    """An English campaign with one section of two alternatives, translated into *languages*."""
    for code in languages:
        Locale.objects.get_or_create(language_code=code)
    page = factories.make_action_kit(directory=directory, body=[letter_block_with_sections()])
    for language in languages:
        if language == "en":
            continue
        strings = dict(zip(WORDING["en"], WORDING[language]))
        strings.update(dict(zip(factories.LETTER_PARAGRAPHS, PARAGRAPHS[language])))
        with capture(execute=True):
            translate(page, language, strings, publish_now=False)
    return page


def localized(page, language):
    return page.get_translation(Locale.objects.get(language_code=language)).specific
