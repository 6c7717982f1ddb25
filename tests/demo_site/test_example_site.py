"""Runs the example site's own tests (tests/conftest.py's EXAMPLE_SITE_TESTS) in a second pytest
process on the example site's settings, so that the README's one test command runs them too.

The main run's ``--ignore`` options and ``-m`` expression are passed on, so that
``--ignore=tests/browser`` and ``-m smoke`` mean the same in both processes.
"""

import re
import subprocess
import sys

import pytest

from tests.conftest import EXAMPLE_SITE_SETTINGS, EXAMPLE_SITE_SKIPS, EXAMPLE_SITE_TESTS, ROOT, pytest_terminal_summary

NO_TEST_COLLECTED = 5
# pytest's short summary line of a skip (the -ra of pyproject's addopts): "SKIPPED [3] path:12: reason".
SKIPPED = re.compile(r"^SKIPPED \[(\d+)\] (.+)$", re.MULTILINE)


def skipped_in(output: str) -> list[str]:
    """The skip lines of a pytest run's short summary, as ``"3 × path:12: reason"``."""
    return [f"{count} × {where_and_why}" for count, where_and_why in SKIPPED.findall(output)]


def example_site_command(config) -> list[str] | None:
    ignored = [str(path) for path in (config.getoption("ignore") or [])]
    paths = [
        path
        for path in EXAMPLE_SITE_TESTS
        if not any((ROOT / path).resolve().is_relative_to((ROOT / ignore).resolve()) for ignore in ignored)
    ]
    if not paths:
        return None
    command = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", f"--ds={EXAMPLE_SITE_SETTINGS}", "-q"]
    command += [f"--ignore={path}" for path in ignored]
    if config.getoption("markexpr"):
        command += ["-m", config.getoption("markexpr")]
    return command + paths


def test_the_example_site_tests_pass_on_the_example_sites_settings(pytestconfig):
    command = example_site_command(pytestconfig)
    if command is None:
        return  # every example-site test was --ignore'd
    run = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    # Its skips (browser, axe-core, LibreOffice missing) appear in the main run's summary with their
    # reasons (tests/conftest.py's pytest_terminal_summary), as the main run's own skips do.
    pytestconfig.stash[EXAMPLE_SITE_SKIPS] = skipped_in(run.stdout)
    # The second run's summary (its skips included) is in the captured output: ``pytest -rP`` shows it.
    sys.stdout.write(run.stdout[-5000:])
    allowed = (0, NO_TEST_COLLECTED) if pytestconfig.getoption("markexpr") else (0,)
    assert run.returncode in allowed, f"{' '.join(command)}\n{run.stdout[-20000:]}\n{run.stderr[-5000:]}"


def test_the_second_process_skips_are_read_with_their_reasons():
    output = (
        "..s\n=========== short test summary info ===========\n"
        "SKIPPED [8] tests/browser/test_accessibility.py:180: needs axe-core from npm: run `npm ci --prefix tests/browser`\n"
        "SKIPPED [1] tests/demo_site/test_demo_languages.py:40: needs LibreOffice (soffice)\n"
        "12 passed, 9 skipped in 30.1s\n"
    )
    assert skipped_in(output) == [
        "8 × tests/browser/test_accessibility.py:180: needs axe-core from npm: run `npm ci --prefix tests/browser`",
        "1 × tests/demo_site/test_demo_languages.py:40: needs LibreOffice (soffice)",
    ]
    assert skipped_in("3 passed in 1.0s\n") == []


class Reporter:
    def __init__(self):
        self.written: list[str] = []

    def section(self, title):
        self.written.append(f"== {title}")

    def line(self, text):
        self.written.append(text)


class Config:
    def __init__(self, skips):
        self.stash = pytest.Stash()
        if skips is not None:
            self.stash[EXAMPLE_SITE_SKIPS] = skips


def test_the_main_summary_lists_the_second_process_skips():
    reporter = Reporter()
    pytest_terminal_summary(reporter, 0, Config(["8 × tests/browser/test_accessibility.py:180: needs axe-core"]))
    assert reporter.written == [
        "== skipped in the example site's pytest process (tests/demo_site/test_example_site.py)",
        "SKIPPED 8 × tests/browser/test_accessibility.py:180: needs axe-core",
    ]
    for nothing in (None, []):
        quiet = Reporter()
        pytest_terminal_summary(quiet, 0, Config(nothing))
        assert quiet.written == []
