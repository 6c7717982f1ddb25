"""Compile once, render many: a template prepared for rendering letters quickly.

A plain docxtpl render unzips, parses, patches, compiles and re-zips the whole
template for every letter, though all of that depends only on the template.
Preparing does it once per template version and process; each letter then only
renders the parts holding placeholders and appends them to a copy of the zip.
"""

from __future__ import annotations

import hashlib
import io
import logging
import threading
from collections import OrderedDict
from collections.abc import Mapping
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, replace
from typing import Any

from django.core.exceptions import ValidationError
from docx.opc.constants import RELATIONSHIP_TYPE
from lxml import etree

from soroptimist_advocacy.letters.engine.coreprops import compile_core_properties
from soroptimist_advocacy.letters.engine.docxtpl_bridge import (
    LetterRenderer,
    PartSource,
    SandboxedDocxTemplate,
    compile_part,
    part_sources,
)
from soroptimist_advocacy.letters.engine.environment import MARKUP_ENVIRONMENT, has_jinja
from soroptimist_advocacy.letters.engine.equivalence import differing_parts
from soroptimist_advocacy.letters.engine.language import in_language
from soroptimist_advocacy.letters.engine.package_copy import PackageCopy
from soroptimist_advocacy.letters.engine.parts import (
    BodyPart,
    CorePropertiesPart,
    FootnotesPart,
    HeaderFooterPart,
    RenderedPart,
    split_around_body,
)
from soroptimist_advocacy.letters.engine.xml_blocks import keeps_xml_well_formed, tables_and_pictures_are_fixed
from soroptimist_advocacy.letters.limits import MAX_LETTER_SIZE, PREPARED_TEMPLATES_CACHED, TRIAL_RENDER_SECONDS
from soroptimist_advocacy.letters.safety.budget import LetterTooCostly, letter_budget
from soroptimist_advocacy.letters.safety.clean import clean_template
from soroptimist_advocacy.letters.safety.package_layout import PackageLayout, require_loaded_as_laid_out
from soroptimist_advocacy.letters.safety.sanitise import normalise_context
from soroptimist_advocacy.letters.safety.validation import (
    TOO_LARGE,
    TOO_SLOW,
    UNREADABLE,
    check_template,
    trial_problem,
)
from soroptimist_advocacy.letters.safety.zipcheck import check_archive
from soroptimist_advocacy.letters.sample import sample_context

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class PreparedTemplate:
    """A template ready to render letters; immutable, so one instance serves every thread."""

    parts: tuple[RenderedPart, ...]
    package: PackageCopy
    # The template itself, kept only when the fast path did not give docxtpl's
    # XML for it: its letters are then rendered by docxtpl.
    fallback: bytes | None = None

    @property
    def fast(self) -> bool:
        return self.fallback is None

    def render(self, context: Mapping[str, Any]) -> bytes:
        """A .docx letter for *context* (normalised here, whatever the caller passes)."""
        context = normalise_context(context)
        with letter_budget():  # the hard cap: a letter past it raises LetterTooCostly, unbuilt
            if self.fallback is not None:
                return render_with_docxtpl(self.fallback, context)
            renderer = LetterRenderer()  # docxtpl's per-letter state, such as the picture id counter
            return self.package.with_parts({part.member: part.render(renderer, context) for part in self.parts})


def render_with_docxtpl(template: bytes, context: Mapping[str, Any]) -> bytes:
    """The reference: the whole template through docxtpl, in the sandbox."""
    return SandboxedDocxTemplate(io.BytesIO(template)).render_to_bytes(context)


def _with_tables_and_pictures_fixed(patched_xml: str) -> str | None:
    """The patched body with docxtpl's table and picture passes already applied, if that is safe.

    Safe when lxml reads and writes the patched XML back unchanged (Jinja text
    holding a raw "<" or ">" would not be) and no block changes tables or pictures.
    """
    try:
        unchanged = etree.tostring(etree.fromstring(patched_xml), encoding="unicode") == patched_xml
    except etree.XMLSyntaxError:
        return None
    if not unchanged:
        return None
    passes = SandboxedDocxTemplate()
    tree = passes.fix_tables(patched_xml)
    passes.fix_docpr_ids(tree)
    return etree.tostring(tree, encoding="unicode")


def _body_part(source: PartSource, document) -> BodyPart:
    """The body, rendered without docxtpl's per-letter reparse whenever that changes nothing.

    docxtpl reparses every rendered body to fix tables and renumber pictures.
    When no block can change a table or a picture, those passes give the same
    result in every letter, so they are applied once to the template instead.
    """
    compiled = compile_part(source.patched_xml)
    tree = MARKUP_ENVIRONMENT.parse(compiled.jinja_source)
    if not keeps_xml_well_formed(tree):
        reparse = True  # docxtpl's recovering parser mends what such blocks break
    elif "tbl" not in source.patched_xml and "docPr" not in source.patched_xml:
        reparse = False
    elif tables_and_pictures_are_fixed(tree, compiled.jinja_source) and (
        fixed := _with_tables_and_pictures_fixed(source.patched_xml)
    ):
        compiled, reparse = compile_part(fixed), False
    else:
        reparse = True
    return BodyPart(source.member, compiled, *split_around_body(document.element), reparse)


def _core_properties_member(document) -> str | None:
    # Found through the package's relationships: asking python-docx for the
    # properties would create them when the template has none.
    for rel in document.part.package.rels.values():
        if rel.reltype == RELATIONSHIP_TYPE.CORE_PROPERTIES and not rel.is_external:
            return rel.target_part.partname.membername
    return None


def _rendered_parts(sources: list[PartSource], document) -> list[RenderedPart]:
    """The parts each letter renders: the body, and every other part holding placeholders."""
    parts: list[RenderedPart] = []
    for source in sources:
        if source.kind == "body":
            parts.append(_body_part(source, document))
        elif has_jinja(source.patched_xml):
            kind = HeaderFooterPart if source.kind == "header_footer" else FootnotesPart
            parts.append(kind(source.member, compile_part(source.patched_xml)))
    core_member = _core_properties_member(document)
    if core_member is not None and (templates := compile_core_properties(document.core_properties)):
        xml = document.part.package.part_related_by(RELATIONSHIP_TYPE.CORE_PROPERTIES).blob
        parts.append(CorePropertiesPart.from_xml(core_member, xml, templates))
    return parts


def _checking_context() -> dict[str, Any]:
    """The sample letter with the characters docxtpl treats specially in every value."""
    tricky = " & <i>\"quoted\" 'x'\ttab\nline {_{ }_}"
    context = sample_context()
    for name in ("member", "recipient", "campaign"):
        context[name] = {key: value + tricky for key, value in context[name].items()}
    context["body"] = [paragraph + tricky for paragraph in context["body"]]
    return normalise_context(context)


def _prepare(template: bytes, layout: PackageLayout) -> PreparedTemplate:
    """*template*, whose *layout* validation checked, ready to render; the parts filled in are that layout's."""
    loaded = SandboxedDocxTemplate(io.BytesIO(template))
    loaded.init_docx()
    require_loaded_as_laid_out(loaded.docx, layout)
    sources = list(part_sources(loaded))
    parts = tuple(_rendered_parts(sources, loaded.docx))
    prepared = PreparedTemplate(parts, PackageCopy.from_template(template, {part.member for part in parts}))
    # The trial render first, on the fast path: a template past the caps is
    # refused before docxtpl is asked to render anything for the comparison.
    if (problem := trial_problem(prepared)) is not None:
        raise problem

    # Every part docxtpl renders must come out the same, rendered here or copied as it was.
    compared = [source.member for source in sources]
    if core_member := _core_properties_member(loaded.docx):
        compared.append(core_member)
    context = _checking_context()
    differing = differing_parts(prepared.render(context), render_with_docxtpl(template, context), compared)
    if differing:
        logger.warning(
            "Letter template %s: the fast path differs from docxtpl in %s; rendering it with docxtpl instead.",
            hashlib.sha256(template).hexdigest()[:12],
            ", ".join(differing),
        )
        prepared = replace(prepared, fallback=template)
        if (problem := trial_problem(prepared)) is not None:
            raise problem
    return prepared


def _validated(template: bytes, language: str | None = None) -> PreparedTemplate:
    """*template* cleaned, checked, prepared and trial-rendered; ValidationError when it may not be used."""
    check_archive(template)  # before cleaning, which decompresses every part
    try:
        # Cleaned first: no editor's comments, tracked changes or name reach a
        # member's letter, whatever was uploaded.
        cleaned = clean_template(template)
        layout = check_template(cleaned)
        if language:
            # Marked before preparing, so that both render paths work from the same marked XML.
            # Marking rewrites parts' XML only, never names, relationships or types: the layout holds.
            cleaned = in_language(cleaned, language, layout)
        prepared = _prepare(cleaned, layout)
    except ValidationError:
        raise
    except LetterTooCostly as costly:
        if costly.reason == "too_slow":
            raise ValidationError(TOO_SLOW, code="too_slow", params={"seconds": TRIAL_RENDER_SECONDS}) from None
        raise ValidationError(TOO_LARGE, code="too_large", params={"size": MAX_LETTER_SIZE // (1024 * 1024)}) from None
    except Exception:  # the archive is sound, so python-docx or docxtpl could not read its contents
        logger.info("Letter template %s cannot be read", hashlib.sha256(template).hexdigest()[:12], exc_info=True)
        raise ValidationError(UNREADABLE, code="unreadable") from None
    return prepared


_cache: OrderedDict[str, PreparedTemplate] = OrderedDict()
# Refusals are cached too: a refused template met again at every letter costs a lookup.
_refused: OrderedDict[str, ValidationError] = OrderedDict()
# Validations under way, by key: a template met cold by many requests at once is
# validated by the first; the others wait for its outcome (single flight).
_in_flight: dict[str, Future] = {}
_cache_lock = threading.Lock()
# Validation is bounded (archive limits, the trial render's hard cap in a separate
# process); past this a waiter stops waiting for a stuck validation and validates itself.
VALIDATION_WAIT_SECONDS = 60


def _remember(cache: OrderedDict, key: str, value):
    with _cache_lock:
        value = cache.setdefault(key, value)
        cache.move_to_end(key)
        while len(cache) > PREPARED_TEMPLATES_CACHED:
            cache.popitem(last=False)
    return value


def prepare(template: bytes, language: str | None = None) -> PreparedTemplate:
    """The prepared template for these exact bytes, validated; ValidationError when they may not be used.

    Nothing renders that was not validated: whatever path the bytes came by
    (a saved snippet, a replaced document, storage changed under it), they are
    validated here, once per content hash and process, however many threads meet
    them at once. With *language*, the letter's language and direction are set on it
    (see ``language.in_language``) before preparing.
    """
    key = hashlib.sha256(template).hexdigest() + (f":{language}" if language else "")
    with _cache_lock:
        prepared = _cache.get(key)
        if prepared is not None:
            _cache.move_to_end(key)
            return prepared
        refusal = _refused.get(key)
        under_way = _in_flight.get(key) if refusal is None else None
        if refusal is None and under_way is None:
            outcome: Future = Future()
            _in_flight[key] = outcome
    if refusal is not None:
        raise ValidationError(refusal.error_list)
    if under_way is not None:
        return _outcome_of_another(under_way, template, language)
    try:
        prepared = _validated(template, language)
    except ValidationError as error:
        _remember(_refused, key, error)
        outcome.set_exception(error)
        raise
    except BaseException as error:  # unexpected: the waiters get it too, nothing is remembered
        outcome.set_exception(error)
        raise
    else:
        prepared = _remember(_cache, key, prepared)
        outcome.set_result(prepared)
        return prepared
    finally:
        with _cache_lock:
            _in_flight.pop(key, None)


def _outcome_of_another(outcome: Future, template: bytes, language: str | None) -> PreparedTemplate:
    """The template another thread is validating, once it is done; its refusal, raised here."""
    try:
        return outcome.result(timeout=VALIDATION_WAIT_SECONDS)
    except ValidationError as error:
        raise ValidationError(error.error_list) from None  # a fresh exception: never share a traceback
    except FutureTimeout:
        logger.warning(
            "Letter template %s: its validation is still running; validating it here too.",
            hashlib.sha256(template).hexdigest()[:12],
        )
        return _validated(template, language)
