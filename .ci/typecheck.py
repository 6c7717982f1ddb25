"""Type-check the package with mypy against a recorded baseline.

The baseline (``mypy-baseline.txt``) lists the errors the package had when type checking began,
without line numbers so that unrelated edits do not disturb it. The run fails on an error not in
it, and on an entry of it that no longer occurs, so the baseline can only shrink:
``python .ci/typecheck.py --update`` takes the fixed errors out of it, and never adds one.
"""

from __future__ import annotations

import collections
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BASELINE = ROOT / "mypy-baseline.txt"
ERROR = re.compile(r"^(?P<path>[^:]+):\d+: error: (?P<message>.*)$")


def current_errors() -> collections.Counter[str]:
    # The django-stubs plugin imports the suite's settings (tests.testapp.settings) from the root.
    path = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    run = subprocess.run(
        [sys.executable, "-m", "mypy", "soroptimist_advocacy"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": path},
    )
    if run.returncode not in (0, 1):  # 2 means mypy itself failed (configuration, crash)
        sys.stdout.write(run.stdout + run.stderr)
        sys.exit(run.returncode)
    errors: collections.Counter[str] = collections.Counter()
    for line in run.stdout.splitlines():
        match = ERROR.match(line)
        if match:
            errors[f"{match['path']}: {match['message']}"] += 1
    return errors


def main() -> int:
    errors = current_errors()
    known = collections.Counter(BASELINE.read_text().splitlines()) if BASELINE.exists() else collections.Counter()
    new, fixed = errors - known, known - errors
    if "--update" in sys.argv:
        # Only what is still both known and occurring stays: a new error is fixed, not recorded.
        kept = known & errors
        BASELINE.write_text("".join(f"{line}\n" for line in sorted(kept.elements())))
        print(f"mypy baseline: {sum(fixed.values())} fixed errors taken out, {sum(kept.values())} left")
        fixed = collections.Counter()
    print(
        f"mypy: {sum(errors.values())} errors, {sum(known.values())} in the baseline, "
        f"{sum(new.values())} new, {sum(fixed.values())} fixed"
    )
    for line in sorted(new.elements()):
        print(f"new: {line}")
    for line in sorted(fixed.elements()):
        print(f"fixed, still in the baseline: {line}")
    if fixed:
        print("run python .ci/typecheck.py --update to take the fixed errors out of the baseline")
    return 1 if new or fixed else 0


if __name__ == "__main__":
    sys.exit(main())
