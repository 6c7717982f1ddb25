"""The letter variables are listed once (letters/variables.py); what fills them and what
documents them follows that list."""

from soroptimist_advocacy.blocks.letter import LetterBuilderBlock
from soroptimist_advocacy.letter_builder.contexts import fill_placeholders, generic_recipient, recipient_values
from soroptimist_advocacy.letter_builder.forms import LetterForm
from soroptimist_advocacy.letters import ALLOWED_VARIABLES
from soroptimist_advocacy.letters.variables import MEMBER_FIELDS, RECIPIENT_FIELDS, TEXT_PLACEHOLDER_NAMES


def test_recipients_have_exactly_the_recipient_variables(claire):
    assert list(recipient_values(claire, "en")) == list(RECIPIENT_FIELDS)
    assert sorted(generic_recipient({"generic_salutation": "Dear Minister"}, "FR", "en")) == sorted(RECIPIENT_FIELDS)


def test_the_letter_form_asks_for_every_member_variable():
    assert set(MEMBER_FIELDS) <= set(LetterForm.base_fields)


def test_the_letter_text_placeholders_are_template_variables_and_documented_in_the_block():
    assert set(TEXT_PLACEHOLDER_NAMES) <= set(ALLOWED_VARIABLES)
    assert "member.email" not in TEXT_PLACEHOLDER_NAMES
    help_text = str(LetterBuilderBlock().child_blocks["paragraphs"].meta.help_text)
    assert all(f"{{{{ {name} }}}}" in help_text for name in TEXT_PLACEHOLDER_NAMES), help_text


def test_every_text_placeholder_is_filled_and_nothing_else():
    values = {
        group: {field: f"<{group}.{field}>" for field in RECIPIENT_FIELDS + MEMBER_FIELDS + ("title",)}
        for group in ("member", "recipient", "campaign")
    }
    for name in TEXT_PLACEHOLDER_NAMES:
        assert fill_placeholders(f"{{{{ {name} }}}}", values) == f"<{name}>"
    assert fill_placeholders("{{ member.email }}", values) == "{{ member.email }}"
