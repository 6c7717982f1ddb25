"""Rich text from a bundle, through the door the admin's editor uses.

When an editor opens a rich text field, its widget converts the stored HTML into
the editor's format (``format_value``), and when she saves, back into HTML
(``value_from_datadict``), keeping only the tags, attributes and link schemes of
the field's features. Running a bundle's HTML through the same two calls of the
field's (or block's) own widget stores exactly what the admin would store, on
every Wagtail version and whatever editor the site configures.

The converters clean silently: ``<script>`` becomes text, ``onerror`` and
``javascript:`` links vanish. So the cleaned HTML is compared with the bundle's,
and anything the editor would drop or change is a refusal naming it. What the
editor only adds (block keys, a paragraph around bare text) is no difference.
"""

from __future__ import annotations

from html.parser import HTMLParser

from django.utils.translation import gettext

from soroptimist_advocacy.bundle.errors import Refusals

VOID_ELEMENTS = frozenset({"br", "hr", "img", "embed", "input", "wbr", "meta", "link", "source", "area", "col"})
# Markup the editor stores under another name without changing its meaning.
SAME_MEANING = {"em": "i", "strong": "b"}
# The editor adds these keys to every block; a bundle written by hand has none.
IGNORED_ATTRIBUTES = frozenset({"data-block-key"})
# Wagtail's references to objects of the site that stored the HTML, by id: on another site the
# same id is another page, document or image, so such links cannot travel in a bundle.
LOCAL_REFERENCES = frozenset({"linktype", "embedtype"})


class _Tokens(HTMLParser):
    """HTML as comparable tokens: its markup (tags with sorted attributes) and its text (whitespace collapsed)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.markup: list[str] = []
        self.text: list[str] = []
        self.local_references: list[str] = []

    def handle_starttag(self, tag, attrs):
        kept = sorted((name, value or "") for name, value in attrs if name not in IGNORED_ATTRIBUTES)
        token = "<" + SAME_MEANING.get(tag, tag) + "".join(f' {name}="{value}"' for name, value in kept) + ">"
        if LOCAL_REFERENCES.intersection(name for name, _value in kept):
            self.local_references.append(token)
        self.markup.append(token)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag not in VOID_ELEMENTS:
            self.markup.append(f"</{SAME_MEANING.get(tag, tag)}>")

    def handle_data(self, data):
        text = " ".join(data.split())
        if text:
            self.text.append(text)

    def handle_comment(self, data):
        self.markup.append(f"<!--{data}-->")

    def handle_decl(self, decl):
        self.markup.append(f"<!{decl}>")

    def handle_pi(self, data):
        self.markup.append(f"<?{data}>")

    def unknown_decl(self, data):
        self.markup.append(f"<![{data}]>")


def _tokens(html: str) -> _Tokens:
    parser = _Tokens()
    parser.feed(html)
    parser.close()
    return parser


def first_loss(original: list[str], cleaned: list[str]) -> str | None:
    """The first token of *original* that *cleaned* does not keep, in order; None when all are kept."""
    position = 0
    for token in original:
        try:
            position = cleaned.index(token, position) + 1
        except ValueError:
            return token
    return None


def as_the_editor_saves(widget, html: str) -> str:
    """*html* as the rich text *widget* stores it once an editor opens and saves it."""
    if not html.strip():
        return ""
    return widget.value_from_datadict({"value": widget.format_value(html)}, {}, "value")


def checked_rich_text(widget, html, path: str, refusals: Refusals) -> str | None:
    """The HTML to store for the bundle's *html*, or None with the refusal recorded at *path*."""
    if html is None:
        return ""
    if not isinstance(html, str):
        refusals.add(path, gettext("must be rich text (HTML)."))
        return None
    original = _tokens(html)
    if original.local_references:
        refusals.add(
            path,
            gettext(
                "links to a page, document or image of the site it came from by its number (%(markup)s), "
                "which is something else on this site; use a full web address instead."
            )
            % {"markup": original.local_references[0][:120]},
        )
        return None
    try:
        cleaned = as_the_editor_saves(widget, html)
    except Exception:  # Wagtail's converters raise anything (AssertionError, TypeError...) on bad HTML.
        refusals.add(path, gettext("is malformed HTML that the rich text editor cannot read."))
        return None
    kept = _tokens(cleaned)
    # Markup first: when the editor drops a tag its text may merge with its neighbour's.
    lost = first_loss(original.markup, kept.markup) or first_loss(original.text, kept.text)
    if lost is not None:
        refusals.add(
            path,
            gettext(
                "the rich text editor would remove or change “%(markup)s”; only what the editor keeps can be imported."
            )
            % {"markup": lost[:120]},
        )
        return None
    return cleaned
