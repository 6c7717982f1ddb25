"""What editors are told when a live letter template cannot be used.

Members get their letters from the last good version or the default template
meanwhile (``models/template_versions.py``); editors see why on the template's
edit view and on every campaign whose letter builder uses it.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from soroptimist_advocacy.letter_builder.setup import find_letter_block
from soroptimist_advocacy.models.letter_template import LetterTemplate
from soroptimist_advocacy.models.template_versions import template_problem


def template_warning(letter_template) -> str | None:
    """The warning for *letter_template*, or None when its document is fine."""
    problem = template_problem(letter_template)
    if not problem:
        return None
    return _(
        "Letters cannot use this template's document at the moment, so members get the last good version "
        "(or the app's default letter) instead: %(problem)s Upload a corrected document."
    ) % {"problem": problem}


def campaign_warnings(page) -> list[str]:
    """Warnings for the letter templates (in every language) of *page*'s letter builder."""
    if not hasattr(page, "body"):
        return []
    block = find_letter_block(page)
    template = block.get("template") if block is not None else None
    if template is None:
        return []
    warnings = []
    for translation in LetterTemplate.objects.filter(translation_key=template.translation_key).select_related("locale"):
        problem = template_warning(translation)
        if problem:
            warnings.append(
                _("The letter template “%(name)s” (%(language)s): %(warning)s")
                % {"name": translation, "language": translation.locale.get_display_name(), "warning": problem}
            )
    return warnings
