"""The names a letter template may use: the single source of the context's shape."""

MEMBER_FIELDS = ("name", "club", "town", "email", "country")
# address_line: how a letter names her above the address, in its language's grammar (a Russian
# letter's dative); a template shows it in place of her name and post when it is set.
RECIPIENT_FIELDS = ("salutation", "name", "address_line", "title", "organisation", "address", "country")
CAMPAIGN_FIELDS = ("title",)
# The letter itself: its reference code (text), the QR code opening its "I sent it" page (an
# image: the caller passes PNG bytes, the template prints a picture, images.py) and the member's
# own paragraph ("own_words", possibly empty); the section paragraphs she chose are a list
# (LISTS' "letter.sections").
LETTER_FIELDS = ("reference", "qr", "own_words")
# Record fields holding an image, not text.
IMAGE_FIELDS = {"letter": ("qr",)}
# Record fields holding a paragraph (as long as one of the body's), not a short field.
PARAGRAPH_FIELDS = {"letter": ("own_words",)}

# Variables holding a mapping, and the keys it has.
RECORDS = {
    "member": MEMBER_FIELDS,
    "recipient": RECIPIENT_FIELDS,
    "campaign": CAMPAIGN_FIELDS,
    "letter": LETTER_FIELDS,
}
# Variables holding one piece of text.
TEXTS = ("date", "subject", "closing")
# Variables holding a list a template may loop over, and the keys of each item
# (none: the items are paragraphs of text).
# A dotted name is a record's list field.
LISTS = {"body": (), "recipients": RECIPIENT_FIELDS, "letter.sections": ()}
RECORD_LISTS = {tuple(name.split(".")): name for name in LISTS if "." in name}

# The names an editor may write in the block's letter text (the paragraphs on the page, not the
# .docx template). That text is translator-supplied, so it is never rendered with Jinja: a regular
# expression replaces exactly these. The member's email stays out of the letter's words, and the
# salutation, address line and address are the template's layout, not sentences, and her own
# words are her paragraph, not part of the editor's.
# The letter's code and QR belong to its footer, never to its sentences.
NOT_IN_LETTER_TEXT = {
    "member": ("email",),
    "recipient": ("salutation", "address_line", "address"),
    "letter": LETTER_FIELDS,
}
TEXT_PLACEHOLDERS: dict[str, tuple[str, ...]] = {
    group: tuple(field for field in fields if field not in NOT_IN_LETTER_TEXT.get(group, ()))
    for group, fields in RECORDS.items()
}
TEXT_PLACEHOLDER_NAMES: tuple[str, ...] = tuple(
    f"{group}.{field}" for group, fields in TEXT_PLACEHOLDERS.items() for field in fields
)

# The loop attributes a template may read inside a for loop.
LOOP_ATTRIBUTES = ("index", "index0", "first", "last", "length")

ALLOWED_VARIABLES: tuple[str, ...] = (
    *(f"member.{field}" for field in MEMBER_FIELDS),
    *(f"recipient.{field}" for field in RECIPIENT_FIELDS),
    "recipients",
    "date",
    "subject",
    *(f"campaign.{field}" for field in CAMPAIGN_FIELDS),
    "body",
    "closing",
    "letter.sections",
    *(f"letter.{field}" for field in LETTER_FIELDS),
)
