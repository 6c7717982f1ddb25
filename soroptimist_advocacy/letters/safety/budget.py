"""The hard limit on each real render: how much text and time one letter may take.

The allowlist (structure.py) already admits no expression whose output grows
faster than the member's input; this is the second line. Every Jinja template
a letter renders streams through :func:`render_bounded`, which counts the
characters it produces and the time spent, and stops the letter as soon as
either passes its cap, before the text is built. Time is the thread's CPU time,
so a busy machine does not turn a valid template into a refused one.
"""

from __future__ import annotations

import contextlib
import contextvars
import time
from collections.abc import Iterator, Mapping
from typing import Any

from jinja2 import Template

from soroptimist_advocacy.letters.limits import MAX_LETTER_CHARACTERS, MAX_LETTER_SECONDS

TIME_CHECK_EVERY = 256


class LetterTooCostly(Exception):
    """A letter passed its size or time cap; ``reason`` is "too_large" or "too_slow"."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class Budget:
    """What is left of one letter's characters and time; one per letter, never shared."""

    def __init__(self, characters: int = MAX_LETTER_CHARACTERS, seconds: float = MAX_LETTER_SECONDS) -> None:
        self.characters_left = characters
        # CPU time of this thread: what the template costs, whatever else the machine is doing.
        self.deadline = time.thread_time() + seconds
        self.spent = 0  # characters produced so far, for tests and logs

    def spend(self, characters: int) -> None:
        self.spent += characters
        self.characters_left -= characters
        if self.characters_left < 0:
            raise LetterTooCostly("too_large")

    def check_time(self) -> None:
        if time.thread_time() > self.deadline:
            raise LetterTooCostly("too_slow")


_current: contextvars.ContextVar[Budget | None] = contextvars.ContextVar("letter_budget", default=None)


@contextlib.contextmanager
def letter_budget(budget: Budget | None = None) -> Iterator[Budget]:
    """Every render inside this block draws on one budget: *budget*, else the one already
    in force (a caller may bound a whole call), else a fresh letter's."""
    budget = budget or _current.get() or Budget()
    token = _current.set(budget)
    try:
        yield budget
    finally:
        _current.reset(token)


def render_bounded(template: Template, context: Mapping[str, Any]) -> str:
    """``template.render(context)``, stopped as soon as the letter's budget is spent."""
    budget = _current.get()
    if budget is None:  # a render outside any letter still gets one letter's budget
        budget = Budget()
    pieces: list[str] = []
    append, spend = pieces.append, budget.spend
    # Reading the CPU clock is a system call: once per TIME_CHECK_EVERY pieces is
    # enough, since the allowlist bounds what one piece can cost.
    # What Template.render does, minus the join, so each piece is counted as it comes.
    try:
        for count, piece in enumerate(template.root_render_func(template.new_context(dict(context))), 1):
            spend(len(piece))
            append(piece)
            if not count % TIME_CHECK_EVERY:
                budget.check_time()
    except LetterTooCostly:
        raise
    except Exception:
        template.environment.handle_exception()  # re-raises with the template's line numbers
    budget.check_time()
    return "".join(pieces)


class BoundedTemplate:
    """A compiled Jinja template whose ``render`` draws on the current letter's budget."""

    __slots__ = ("template",)

    def __init__(self, template: Template) -> None:
        self.template = template

    def render(self, context: Mapping[str, Any]) -> str:
        return render_bounded(self.template, context)


class BoundedEnvironment:
    """What docxtpl is handed as its Jinja environment: templates come back bounded."""

    def __init__(self, environment) -> None:
        self.environment = environment
        self.autoescape = environment.autoescape  # docxtpl sets this; the sandbox's own stays as it is

    def from_string(self, source: str) -> BoundedTemplate:
        return BoundedTemplate(self.environment.from_string(source))
