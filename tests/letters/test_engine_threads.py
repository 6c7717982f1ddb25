"""One prepared template serves many threads at once, each letter with its own member."""

from __future__ import annotations

import io
import threading
import time
import zipfile
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core.exceptions import ValidationError

from soroptimist_advocacy.letters import cache, prepare, render, sample_context
from soroptimist_advocacy.letters.limits import PREPARED_TEMPLATES_CACHED

THREADS, LETTERS_EACH = 16, 20


def document_xml(letter: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(letter)) as package:
        return package.read("word/document.xml").decode("utf-8")


def test_sixteen_threads_share_one_prepared_template(default_template):
    prepared = prepare(default_template)

    def write_letters(thread: int) -> list[tuple[str, bytes]]:
        letters = []
        for number in range(LETTERS_EACH):
            tag = f"{thread}-{number}"
            context = sample_context()
            context["member"]["name"] = f"Member {tag} & Co"
            context["recipient"]["name"] = f"Recipient {tag}"
            letters.append((tag, prepared.render(context)))
        return letters

    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        results = [letter for letters in pool.map(write_letters, range(THREADS)) for letter in letters]

    assert len(results) == THREADS * LETTERS_EACH
    for tag, letter in results:
        xml = document_xml(letter)
        assert xml.count(f"Member {tag} &amp; Co<") == 2  # sender block and signature
        assert xml.count("Member ") == 2  # and nobody else's name
        assert f"Recipient {tag}<" in xml


def test_prepared_templates_are_cached_by_content(default_template):
    assert prepare(default_template) is prepare(bytes(bytearray(default_template)))


def test_a_template_changed_in_place_renders_its_new_content(template_with, read_letter):
    template = bytearray(template_with(["First version for {{ member.name }}"]))
    assert "First version for Margaret Adeyemi" in read_letter(render(template, sample_context()))

    template[:] = template_with(["Second version for {{ member.name }}"])

    assert "Second version for Margaret Adeyemi" in read_letter(render(template, sample_context()))


def test_prepared_templates_cannot_be_changed(default_template):
    prepared = prepare(default_template)

    with pytest.raises(AttributeError):
        prepared.fallback = b""
    with pytest.raises(AttributeError):
        prepared.parts[0].compiled = None


def test_the_cache_keeps_only_the_most_recently_used_templates(template_with):
    count = PREPARED_TEMPLATES_CACHED + 2
    templates = [template_with([f"Letter {number} for {{{{ member.name }}}}"]) for number in range(count)]
    for template in templates:
        render(template, sample_context())

    assert len(cache.prepared_templates) == PREPARED_TEMPLATES_CACHED
    assert prepare(templates[-1]) is prepare(templates[-1])


def test_a_cold_template_is_validated_once_however_many_threads_ask(template_with, monkeypatch):
    template = template_with(["A letter no thread has prepared yet, for {{ member.name }}"])
    validations = []
    validate = cache.validated

    def slow_validation(template, language=None):
        validations.append(template)
        time.sleep(0.3)  # the other threads ask meanwhile
        return validate(template, language)

    monkeypatch.setattr(cache, "validated", slow_validation)
    together = threading.Barrier(THREADS)

    def ask(_thread):
        together.wait()
        return prepare(template)

    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        prepared = list(pool.map(ask, range(THREADS)))

    assert len(validations) == 1
    assert all(each is prepared[0] for each in prepared)


def test_a_cold_template_refused_is_refused_to_every_thread_after_one_validation(template_with, monkeypatch):
    template = template_with(["{{ member.name.__class__ }}"])
    validations = []
    validate = cache.validated

    def slow_validation(template, language=None):
        validations.append(template)
        time.sleep(0.3)
        return validate(template, language)

    monkeypatch.setattr(cache, "validated", slow_validation)
    together = threading.Barrier(THREADS)

    def ask(_thread):
        together.wait()
        try:
            prepare(template)
        except ValidationError as refusal:
            return refusal.messages
        return None

    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        refusals = list(pool.map(ask, range(THREADS)))

    assert len(validations) == 1
    assert refusals[0] and all(messages == refusals[0] for messages in refusals)
