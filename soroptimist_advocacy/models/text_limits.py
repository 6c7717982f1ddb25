"""Caps on what a member can type on the public forms (letter, report, correction) and on the
model fields that keep it: generous for any real name, club, town or answer, small enough that
no single value can bloat a letter, the database, an export or an email."""

SHORT_TEXT_MAX = 200  # a name, club, town
LONG_TEXT_MAX = 2000  # notes, a response summary, what a correction says
