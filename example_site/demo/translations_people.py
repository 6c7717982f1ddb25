"""What a translator enters on one decision maker's page where the campaign's shared strings
would be wrong for her: French, Spanish, Arabic and Russian salutations agree with the
reader's gender ("Dear Minister" is "Madame la Ministre" to her, "Monsieur le Ministre" to
him), while the shared translation of "Dear Minister" is the campaign's own salutation for a
country with nobody listed, which names both."""

WOMAN = {
    "fr": {"Dear Minister": "Madame la Ministre"},
    "es": {"Dear Minister": "Estimada Ministra"},
    "ar": {"Dear Minister": "معالي الوزيرة المحترمة"},
    "ru": {"Dear Minister": "Уважаемая госпожа министр"},
}
MAN = {
    "fr": {"Dear Minister": "Monsieur le Ministre"},
    "es": {"Dear Minister": "Estimado Ministro"},
    "ar": {"Dear Minister": "معالي الوزير المحترم"},
    "ru": {"Dear Minister": "Уважаемый господин министр"},
}
# By external ID; every demo decision maker not listed is a woman.
MEN = {"demo-au-2"}


def strings_for(page, language: str) -> dict[str, str]:
    """The strings that *page*, if it is a decision maker, translates in her own way."""
    external_id = getattr(page, "external_id", None)
    if external_id is None:
        return {}
    return (MAN if external_id in MEN else WOMAN).get(language, {})
