"""Walk a StreamField's raw data and rewrite its references (pages, documents, snippets)."""

from __future__ import annotations

from collections.abc import Callable

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

# fn(kind, value) -> new value; kind is "page", "document" or "snippet".
Remap = Callable[[str, object], object]


def _kind(block) -> str | None:
    if isinstance(block, DocumentChooserBlock):
        return "document"
    if isinstance(block, blocks.PageChooserBlock):
        return "page"
    if isinstance(block, SnippetChooserBlock):
        return "snippet"
    return None


def remap(block, value, fn: Remap):
    """*value* (raw JSON data of *block*) with every chooser value passed through *fn*."""
    if value is None:
        return None
    kind = _kind(block)
    if kind:
        return fn(kind, value)
    if isinstance(block, blocks.StreamBlock):
        return [
            {**child, "value": remap(block.child_blocks[child["type"]], child.get("value"), fn)}
            for child in value
            if isinstance(child, dict) and child.get("type") in block.child_blocks
        ]
    if isinstance(block, blocks.ListBlock):
        items = []
        for item in value:
            if isinstance(item, dict) and "value" in item and "type" in item:  # ListBlock's newer format.
                items.append({**item, "value": remap(block.child_block, item["value"], fn)})
            else:
                items.append(remap(block.child_block, item, fn))
        return items
    if isinstance(block, blocks.StructBlock):
        if not isinstance(value, dict):
            return value
        return {
            name: remap(block.child_blocks[name], item, fn) if name in block.child_blocks else item
            for name, item in value.items()
        }
    return value
