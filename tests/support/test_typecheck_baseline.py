"""The CI type check's baseline only shrinks: a new error fails, so does a fixed one still listed,
and ``--update`` takes fixed errors out without ever recording a new one.

mypy itself is not run here (CI's lint session does): its errors are given to the script."""

from __future__ import annotations

import collections
import importlib.util
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / ".ci" / "typecheck.py"
OLD = "soroptimist_advocacy/a.py: old error  [attr-defined]"
OTHER = "soroptimist_advocacy/b.py: other error  [union-attr]"
NEW = "soroptimist_advocacy/c.py: new error  [arg-type]"


@pytest.fixture
def typecheck(tmp_path, monkeypatch):
    spec = importlib.util.spec_from_file_location("typecheck_script", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.setattr(module, "BASELINE", tmp_path / "mypy-baseline.txt")
    return module


def run(typecheck, monkeypatch, errors, *args):
    monkeypatch.setattr(typecheck, "current_errors", lambda: collections.Counter(errors))
    monkeypatch.setattr("sys.argv", ["typecheck.py", *args])
    return typecheck.main()


def test_the_baseline_s_errors_pass(typecheck, monkeypatch):
    typecheck.BASELINE.write_text(f"{OLD}\n{OTHER}\n")
    assert run(typecheck, monkeypatch, [OLD, OTHER]) == 0


def test_a_new_error_fails(typecheck, monkeypatch, capsys):
    typecheck.BASELINE.write_text(f"{OLD}\n")
    assert run(typecheck, monkeypatch, [OLD, NEW]) == 1
    assert f"new: {NEW}" in capsys.readouterr().out


def test_a_fixed_error_still_in_the_baseline_fails(typecheck, monkeypatch, capsys):
    typecheck.BASELINE.write_text(f"{OLD}\n{OTHER}\n")
    assert run(typecheck, monkeypatch, [OTHER]) == 1
    assert f"fixed, still in the baseline: {OLD}" in capsys.readouterr().out


def test_the_same_error_twice_counts_twice(typecheck, monkeypatch):
    typecheck.BASELINE.write_text(f"{OLD}\n")
    assert run(typecheck, monkeypatch, [OLD, OLD]) == 1


def test_update_takes_fixed_errors_out_and_never_records_a_new_one(typecheck, monkeypatch):
    typecheck.BASELINE.write_text(f"{OLD}\n{OTHER}\n")
    assert run(typecheck, monkeypatch, [OTHER, NEW], "--update") == 1  # the new error still fails
    assert typecheck.BASELINE.read_text() == f"{OTHER}\n"
    assert run(typecheck, monkeypatch, [OTHER]) == 0


def test_the_package_s_baseline_is_empty():
    """Every error was fixed when check_untyped_defs was turned on: keep it so."""
    assert (SCRIPT.parents[1] / "mypy-baseline.txt").read_text() == ""
