"""Property: any template the allowed grammar can write renders, for any member values,
text no longer than linear in what was typed, and the hard cap stops whatever passes it.

Asserts sizes and the cap, never elapsed time (timings are in benchmarks/validation.py).
"""

from __future__ import annotations

import io
import zipfile

from django.core.exceptions import ValidationError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from soroptimist_advocacy.letters import render, validate
from soroptimist_advocacy.letters.limits import (
    MAX_FIELD_LENGTH,
    MAX_PARAGRAPHS,
    MAX_RECIPIENTS,
    MAX_TOTAL_SIZE,
)
from soroptimist_advocacy.letters.rendering import (
    MARKUP_ENVIRONMENT,
    Budget,
    LetterTooCostly,
    letter_budget,
    normalise_context,
    render_bounded,
)
from soroptimist_advocacy.letters.validation import MAX_FILTER_ARGUMENT_LENGTH, Findings, check_structure
from soroptimist_advocacy.letters.variables import CAMPAIGN_FIELDS, MEMBER_FIELDS, RECIPIENT_FIELDS
from tests.letters.conftest import build_template

# The grammar letters may use.
TEXT_VARIABLES = (
    [f"member.{name}" for name in MEMBER_FIELDS]
    + [f"recipient.{name}" for name in RECIPIENT_FIELDS]
    + [f"campaign.{name}" for name in CAMPAIGN_FIELDS]
    + ["date", "closing"]
)
PLAIN_FILTERS = ["upper", "lower", "title", "capitalize", "trim", "e", "escape"]
short_text = st.text(alphabet="ab ,.-", max_size=MAX_FILTER_ARGUMENT_LENGTH).map(lambda text: repr(text))


def _text_expression(variables: list[str]):
    variable = st.sampled_from(variables)
    filtered = st.tuples(variable, st.lists(st.sampled_from(PLAIN_FILTERS), max_size=3)).map(
        lambda pair: "|".join([pair[0], *pair[1]])
    )
    with_argument = st.tuples(variable, st.sampled_from(["default", "join"]), short_text).map(
        lambda triple: f"{triple[0]}|{triple[1]}({triple[2]})"
    )
    simple = st.one_of(filtered, with_argument, short_text)
    return st.recursive(
        simple,
        lambda inner: st.one_of(
            st.tuples(inner, inner).map(lambda pair: f"({pair[0]} ~ {pair[1]})"),
            st.tuples(inner, st.sampled_from(variables), inner).map(lambda t: f"({t[0]} if {t[1]} else {t[2]})"),
        ),
        max_leaves=4,
    )


def _statements(variables: list[str], top_level: bool):
    output = _text_expression(variables).map(lambda expression: "{{ " + expression + " }}")
    whole_lists = st.sampled_from(["{{ body|length }}", "{{ recipients|length }}"])
    if top_level:
        whole_lists = st.one_of(whole_lists, short_text.map(lambda sep: "{{ body|join(" + sep + ") }}"))
    leaf = st.one_of(output, whole_lists, st.text(alphabet="Dear Sir, ", max_size=10))
    condition = st.sampled_from(variables).map(lambda v: f"{v} == 'Ada'")

    def branch(inner):
        return st.tuples(condition, inner, inner).map(
            lambda t: "{% if " + t[0] + " %}" + t[1] + "{% else %}" + t[2] + "{% endif %}"
        )

    block = st.recursive(
        leaf, lambda inner: st.one_of(branch(inner), st.tuples(inner, inner).map("".join)), max_leaves=6
    )
    return st.lists(block, min_size=1, max_size=4).map("".join)


def _loop():
    body_loop = _statements([*TEXT_VARIABLES, "p"], top_level=False).map(
        lambda inner: "{% for p in body %}" + inner + "{% endfor %}"
    )
    recipient_loop = _statements([*TEXT_VARIABLES, *(f"r.{name}" for name in RECIPIENT_FIELDS)], top_level=False).map(
        lambda inner: "{% for r in recipients %}" + inner + "{% endfor %}"
    )
    return st.one_of(body_loop, recipient_loop)


templates = st.lists(st.one_of(_statements(TEXT_VARIABLES, top_level=True), _loop()), min_size=1, max_size=4).map(
    "".join
)


def _adversarial_text(limit: int):
    # Long runs of the characters that grow most once escaped, or that a condition tests for.
    return st.one_of(
        st.just("Ada"),
        st.tuples(st.sampled_from(["&", "<", "é", "\n", "x", "👩🏽‍⚖️"]), st.integers(0, limit)).map(
            lambda p: p[0] * p[1]
        ),
        st.text(max_size=20),
    )


def _record(fields, limit: int):
    return st.fixed_dictionaries({name: _adversarial_text(limit) for name in fields})


contexts = st.fixed_dictionaries(
    {
        "member": _record(MEMBER_FIELDS, MAX_FIELD_LENGTH),
        "recipient": _record(RECIPIENT_FIELDS, MAX_FIELD_LENGTH),
        "recipients": st.lists(_record(RECIPIENT_FIELDS, MAX_FIELD_LENGTH), max_size=MAX_RECIPIENTS),
        "campaign": _record(CAMPAIGN_FIELDS, MAX_FIELD_LENGTH),
        "date": _adversarial_text(MAX_FIELD_LENGTH),
        "closing": _adversarial_text(MAX_FIELD_LENGTH),
        # The body is the editor's text, not a member's: a few paragraphs are enough here.
        "body": st.lists(_adversarial_text(MAX_FIELD_LENGTH), max_size=5),
    }
)


def _typed(context) -> int:
    """Every character the letter's values hold: what a member's input (and the campaign) add up to."""
    records = [context["member"], context["recipient"], context["campaign"], *context["recipients"]]
    return sum(len(value) for record in records for value in record.values()) + sum(
        len(value) for value in [context["date"], context["closing"], *context["body"]]
    )


def linear_bound(source: str, typed: int) -> int:
    """Each expression prints at most its input, times an escape factor and a join separator,
    and runs at most once per item of the one loop around it."""
    escape_growth, join_growth = 8, MAX_FILTER_ARGUMENT_LENGTH + 1
    runs = max(MAX_PARAGRAPHS, MAX_RECIPIENTS)
    return len(source) * runs * (escape_growth * join_growth * (typed + 1))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(source=templates, context=contexts)
def test_the_allowed_grammar_renders_linearly_and_the_cap_holds(source, context):
    findings = Findings()
    check_structure(MARKUP_ENVIRONMENT.parse(source), findings)
    assert not findings.constructs and not findings.unknown_names, (source, findings)

    context = normalise_context(context)
    template = MARKUP_ENVIRONMENT.from_string(source)
    with letter_budget(Budget(characters=10**12, seconds=10**6)) as unbounded:
        text = render_bounded(template, context)
    assert unbounded.spent == len(text)
    assert len(text) <= linear_bound(source, _typed(context))

    # The hard cap: a letter that would pass it is stopped, never built past one piece.
    cap = len(text) // 2
    if cap:
        budget = Budget(characters=cap, seconds=10**6)
        try:
            with letter_budget(budget):
                render_bounded(template, context)
        except LetterTooCostly as stopped:
            assert stopped.reason == "too_large"
            assert budget.spent > cap
        else:
            raise AssertionError("the cap did not stop a letter twice its size")


@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(source=templates, context=contexts)
def test_templates_of_the_allowed_grammar_are_accepted_or_refused_for_size_and_their_letters_stay_within_the_limit(
    source, context
):
    """Linear is not small: a grammar template that repeats long values many times can pass the
    size limit when every value is at its longest. Validation then refuses it for its size (the
    trial render with worst-case values), and never for anything else; a template it accepts
    gives letters within the limit for any member values."""
    template = build_template([source])
    try:
        validate(template)
    except ValidationError as refused:
        assert [error.code for error in refused.error_list] == ["too_large"], (source, refused.messages)
        return
    letter = render(template, context)
    with zipfile.ZipFile(io.BytesIO(letter)) as package:
        assert sum(info.file_size for info in package.infolist()) <= MAX_TOTAL_SIZE
