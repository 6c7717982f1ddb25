"""Every bound the letter engine enforces, in one place.

Values are capped rather than refused: the letter form validates what members
type, and these caps only guarantee that no input makes a letter unbounded.
"""

# What one letter may contain.
MAX_FIELD_LENGTH = 2_000
MAX_PARAGRAPH_LENGTH = 20_000
MAX_PARAGRAPHS = 50
# The section paragraphs a member chose (one per section of the letter builder block).
MAX_SECTIONS = 10
MAX_RECIPIENTS = 20  # also the most letters render_many puts in one document

# Word (and python-docx) refuse longer core properties such as the title.
MAX_CORE_PROPERTY_LENGTH = 255

# An uploaded template, judged from its zip directory before anything is decompressed.
MAX_ZIP_MEMBERS = 500
MAX_MEMBER_SIZE = 20 * 1024 * 1024
MAX_TOTAL_SIZE = 30 * 1024 * 1024
MAX_COMPRESSION_RATIO = 100
# Small XML parts legitimately compress very well; the ratio only matters for big ones.
COMPRESSION_RATIO_FROM_SIZE = 1024 * 1024

# The hard cap on every real render (rendering.py): the text Jinja may produce for
# one letter, and the time it may take. The longest letter a valid template
# makes from the longest allowed answers is far below both.
MAX_LETTER_CHARACTERS = 8 * 1024 * 1024
MAX_LETTER_SECONDS = 2.0
# The trial render at validation, with every value at its cap: the same caps
# (CPU seconds; the longest letter of an ordinary template takes ~0.05 s).
TRIAL_RENDER_SECONDS = MAX_LETTER_SECONDS
MAX_LETTER_SIZE = 10 * 1024 * 1024

# Placeholders and blocks ({{ }}, {% %}) in one template: parsing costs grow with
# them, and a real letter uses a few dozen.
MAX_PLACEHOLDERS = 1_000

# Prepared templates kept per process (each holds its template's bytes).
PREPARED_TEMPLATES_CACHED = 16
