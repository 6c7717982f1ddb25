"""A bundle's StreamField values, through the blocks' own doors.

Two passes, as the admin's form makes them. Before anything is written,
:class:`StreamCheck` walks the raw JSON with the block definitions: the shape
of every value, and every rich text block's HTML through that block's editor
(:mod:`.rich_text`). Once the bundle's references are local ids,
:func:`cleaned_stream` builds the value with ``to_python`` and validates it with
``clean``, as saving the page form does (URL blocks refuse other schemes than the
web's, required blocks refuse nothing). Every problem is recorded with the path of
its value in the bundle, e.g. ``campaign.body[3].value.external_url``.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from wagtail import blocks
from wagtail.blocks.field_block import ChooserBlock
from wagtail.blocks.list_block import ListBlockValidationError
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from soroptimist_advocacy.bundle.errors import Refusals
from soroptimist_advocacy.bundle.manifest import is_key
from soroptimist_advocacy.bundle.rich_text import checked_rich_text

# The choosers whose values a bundle carries as its own references (see refs.py).
TRAVELLING_CHOOSERS = (blocks.PageChooserBlock, DocumentChooserBlock, SnippetChooserBlock)
SCALARS = (str, int, float, bool, type(None))
REFUSED_RICH_TEXT = "<p>-</p>"


def _in_list_block_format(item) -> bool:
    """A ListBlock item stored as ``{"type": "item", "value": ..., "id": ...}`` (Wagtail's newer format)."""
    return isinstance(item, dict) and item.get("type") == "item" and "value" in item and "id" in item


class StreamCheck:
    """The first pass over a raw StreamField value; ``misshapen`` once a value had the wrong shape
    (then the second pass is skipped: its errors would only repeat these, at shifted positions)."""

    def __init__(self, refusals: Refusals) -> None:
        self.refusals = refusals
        self.misshapen = False

    def wrong_shape(self, path: str, message: str | None = None) -> None:
        self.misshapen = True
        self.refusals.add(path, message or gettext("does not have the shape this block stores."))

    def checked(self, block, value, path: str):
        """*value* (raw JSON of *block*) with its rich text as the editor stores it; problems recorded at their paths."""
        if value is None:
            return None
        if isinstance(block, blocks.StreamBlock):
            return self._stream(block, value, path)
        if isinstance(block, blocks.ListBlock):
            return self._list(block, value, path)
        if isinstance(block, blocks.StructBlock):
            if not isinstance(value, dict):
                self.wrong_shape(path)
                return value
            for name in value:
                if name not in block.child_blocks:
                    self.wrong_shape(f"{path}.{name}", gettext("is not a field of this block."))
            return {
                name: self.checked(block.child_blocks[name], item, f"{path}.{name}")
                for name, item in value.items()
                if name in block.child_blocks
            }
        if isinstance(block, blocks.RichTextBlock):
            cleaned = checked_rich_text(block.field.widget, value, path, self.refusals)
            # Refused (and recorded): a harmless stand-in lets the block's other checks run on; the import
            # is refused in the end, so it is never kept.
            return REFUSED_RICH_TEXT if cleaned is None else cleaned
        if isinstance(block, TRAVELLING_CHOOSERS):
            return value  # A reference of the bundle's own, resolved under the parent by the importer.
        if isinstance(block, ChooserBlock):
            # An image or another site object by its number on the partner's site: something else here.
            if value is not None:
                self.wrong_shape(path, gettext("chooses something a bundle cannot carry."))
            return None
        if isinstance(block, blocks.MultipleChoiceBlock):
            if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
                self.wrong_shape(path)
            return value
        if not isinstance(value, SCALARS):
            self.wrong_shape(path)
        return value

    def _stream(self, block, value, path: str):
        if not isinstance(value, list):
            self.wrong_shape(path)
            return value
        children = []
        for index, child in enumerate(value):
            child_path = f"{path}[{index}]"
            if not isinstance(child, dict) or child.get("type") not in block.child_blocks:
                self.wrong_shape(child_path, gettext("is not a kind of block this page has."))
                continue
            if child.get("id") is not None and not is_key(child["id"]):
                self.wrong_shape(f"{child_path}.id", gettext("is not a block identifier."))
            child_block = block.child_blocks[child["type"]]
            children.append({**child, "value": self.checked(child_block, child.get("value"), f"{child_path}.value")})
        return children

    def _list(self, block, value, path: str):
        if not isinstance(value, list):
            self.wrong_shape(path)
            return value
        items = []
        for index, item in enumerate(value):
            if _in_list_block_format(item):
                if not is_key(item["id"]):
                    self.wrong_shape(f"{path}[{index}].id", gettext("is not a block identifier."))
                items.append(
                    {**item, "value": self.checked(block.child_block, item["value"], f"{path}[{index}].value")}
                )
            else:
                items.append(self.checked(block.child_block, item, f"{path}[{index}]"))
        return items


def cleaned_stream(stream_block, raw, path: str, refusals: Refusals):
    """The StreamValue for *raw* (references already local), built and validated by its blocks; None if refused."""
    try:
        return stream_block.clean(stream_block.to_python(raw))
    except ValidationError as error:
        _record(error, stream_block, raw, path, refusals)
    except (TypeError, ValueError, AttributeError, KeyError):
        refusals.add(path, gettext("does not have the shape this block stores."))
    return None


def _messages(error_list) -> list[str]:
    return [message for error in error_list.as_data() for message in error.messages]


def _record(error: ValidationError, block, raw, path: str, refusals: Refusals) -> None:
    """Record a block's (nested) validation error at the bundle path of each value it names."""
    if isinstance(error, StreamBlockValidationError | ListBlockValidationError | StructBlockValidationError):
        for message in _messages(error.non_block_errors):
            refusals.add(path, message)
        for index, child_error in error.block_errors.items():
            if isinstance(error, StreamBlockValidationError):
                child = raw[index]
                _record(
                    child_error,
                    block.child_blocks[child["type"]],
                    child.get("value"),
                    f"{path}[{index}].value",
                    refusals,
                )
            elif isinstance(error, ListBlockValidationError):
                item = raw[index]
                if _in_list_block_format(item):
                    _record(child_error, block.child_block, item["value"], f"{path}[{index}].value", refusals)
                else:
                    _record(child_error, block.child_block, item, f"{path}[{index}]", refusals)
            else:
                _record(child_error, block.child_blocks[index], (raw or {}).get(index), f"{path}.{index}", refusals)
        return
    refusals.add_error(path, error)
