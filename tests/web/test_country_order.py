"""Country lists follow each language's own alphabetical order, not English's or code points'."""

from __future__ import annotations

from django.utils import translation

from soroptimist_advocacy.web.collation import collation_key
from soroptimist_advocacy.web.countries import sorted_countries
from soroptimist_advocacy.web.country_select import country_options

RUSSIAN_ALPHABET = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"


def names(language: str) -> list[str]:
    return [name for _code, name in sorted_countries(language)]


def test_russia_sits_among_the_russian_names_that_start_with_er():
    listed = names("ru")
    position = listed.index("Россия")
    initials = [name[0].lower() for name in listed]
    # Every name before Россия starts with a letter before Р; every name after, with Р or later.
    assert all(RUSSIAN_ALPHABET.index(letter) <= RUSSIAN_ALPHABET.index("р") for letter in initials[:position])
    assert all(RUSSIAN_ALPHABET.index(letter) >= RUSSIAN_ALPHABET.index("р") for letter in initials[position:])
    assert listed[0] == "Австралия"


def test_russian_initials_follow_the_alphabet():
    initials = [name[0].lower() for name in names("ru")]
    ranks = [RUSSIAN_ALPHABET.index(letter) for letter in initials]
    assert ranks == sorted(ranks)


def test_chinese_follows_pinyin_not_code_points():
    listed = names("zh-hans")
    # 阿 (ā) opens the list; 中国 (zhōngguó) is among the last, after 智利 (zhìlì) and 中非 (zhōngfēi).
    assert listed[0].startswith("阿")
    assert listed.index("智利") < listed.index("中非共和国") < listed.index("中国")
    assert listed.index("中国") > len(listed) - 5
    assert listed.index("德国") < listed.index("法国") < listed.index("美国") < listed.index("英国")


def test_names_are_trimmed():
    for language in ("en", "fr", "es", "ar", "zh-hans", "ru"):
        assert all(name == name.strip() for name in names(language)), language
    assert "斯瓦尔巴群岛和扬马延岛" in names("zh-hans")


def test_arabic_alef_with_hamza_sorts_with_bare_alef():
    listed = names("ar")
    # إثيوبيا is spelt اثيوبيا in the catalog: bare alef, then ث, sorts before أذربيجان (alef with hamza, then ذ).
    assert listed.index("اثيوبيا") < listed.index("أذربيجان") < listed.index("إريتريا") < listed.index("استونيا")
    key = collation_key("ar")
    assert key("أب") < key("اج") < key("إد")
    assert key("أ") != key("ا")  # the unfolded form breaks a tie: the order is total


def test_the_public_country_select_uses_the_same_order():
    with translation.override("ru"):
        options = country_options("")
    assert options.index(">Австралия<") < options.index(">Россия<") < options.index(">Япония<")
