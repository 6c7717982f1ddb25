"""Render a template with every value at its cap, in a separate process with bounded time and memory.

The parent runs ``python -m soroptimist_advocacy.letters.trial_render``, writes
the template to its standard input and reads one line back: "ok", "too_large",
or "error <what went wrong>". A template that takes too long is killed.
"""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import zipfile

from .limits import MAX_LETTER_SIZE, MAX_TOTAL_SIZE, TRIAL_RENDER_MEMORY, TRIAL_RENDER_SECONDS

# Starting Python and importing docxtpl is not the template's doing: it gets this much more.
STARTUP_ALLOWANCE_SECONDS = 30
# The soft CPU limit sends SIGXCPU, the hard one SIGKILL (a negative return code is the signal).
_KILLED_BY_CPU_LIMIT = {-getattr(signal, name) for name in ("SIGXCPU", "SIGKILL") if hasattr(signal, name)}


class TrialFailed(Exception):
    """The trial render did not produce a letter. ``reason``: "too_slow", "too_large" or "error"."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(reason, detail)
        self.reason = reason
        self.detail = detail


def run_trial_render(template: bytes) -> None:
    """Raise TrialFailed unless *template* renders its worst-case letters within the limits."""
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join(path for path in sys.path if path)}
    try:
        completed = subprocess.run(
            [sys.executable, "-m", __name__],
            input=template,
            capture_output=True,
            timeout=TRIAL_RENDER_SECONDS + STARTUP_ALLOWANCE_SECONDS,
            env=environment,
        )
    except subprocess.TimeoutExpired:
        raise TrialFailed("too_slow") from None
    outcome, _, detail = completed.stdout.decode("utf-8", "replace").strip().partition(" ")
    if completed.returncode == 0 and outcome == "ok":
        return
    if outcome in ("too_large", "error"):
        raise TrialFailed(outcome, detail)
    if completed.returncode in _KILLED_BY_CPU_LIMIT:
        raise TrialFailed("too_slow")
    # It died before it could say why: whatever it printed last is the best clue.
    last_words = completed.stderr.decode("utf-8", "replace").strip().splitlines() or [f"exit {completed.returncode}"]
    raise TrialFailed("error", last_words[-1][:500])


def _limit_resources() -> None:
    """From now on, this process may use TRIAL_RENDER_SECONDS of CPU and bounded memory."""
    try:
        import resource
    except ImportError:  # not on Unix: the parent's timeout is the only limit
        return
    usage = resource.getrusage(resource.RUSAGE_SELF)
    spent = int(usage.ru_utime + usage.ru_stime) + 1
    resource.setrlimit(resource.RLIMIT_CPU, (spent + TRIAL_RENDER_SECONDS, spent + TRIAL_RENDER_SECONDS + 1))
    resource.setrlimit(resource.RLIMIT_DATA, (TRIAL_RENDER_MEMORY, TRIAL_RENDER_MEMORY))


def _letter_too_large(letter: bytes) -> bool:
    with zipfile.ZipFile(io.BytesIO(letter)) as package:
        unpacked = sum(info.file_size for info in package.infolist())
    return len(letter) > MAX_LETTER_SIZE or unpacked > MAX_TOTAL_SIZE


def main() -> int:
    from . import render
    from .sample import worst_case_context

    _limit_resources()
    template = sys.stdin.buffer.read()
    try:
        # The longest letter, then the emptiest: some branches only run for one.
        for context in (worst_case_context(), {}):
            if _letter_too_large(render(template, context)):
                print("too_large")
                return 1
    except MemoryError:
        print("too_large")
        return 1
    except Exception as error:  # noqa: BLE001 - whatever the template does wrong is reported
        print("error", f"{type(error).__name__}: {error}"[:500].replace("\n", " "))
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
