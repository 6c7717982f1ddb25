"""Runs the example site's own tests (tests/conftest.py's EXAMPLE_SITE_TESTS) in a second pytest
process on the example site's settings, so that the README's one test command runs them too.

The main run's ``--ignore`` options and ``-m`` expression are passed on, so that
``--ignore=tests/browser`` and ``-m smoke`` mean the same in both processes.
"""

import subprocess
import sys

from tests.conftest import EXAMPLE_SITE_SETTINGS, EXAMPLE_SITE_TESTS, ROOT

NO_TEST_COLLECTED = 5


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
    # The second run's summary (its skips included) is in the captured output: ``pytest -rP`` shows it.
    sys.stdout.write(run.stdout[-5000:])
    allowed = (0, NO_TEST_COLLECTED) if pytestconfig.getoption("markexpr") else (0,)
    assert run.returncode in allowed, f"{' '.join(command)}\n{run.stdout[-20000:]}\n{run.stderr[-5000:]}"
