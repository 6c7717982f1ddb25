"""The supported-versions matrix, run by .ci/run (and by hand: ``nox -s build "full-3.11(...)"``).

The wheel is built once (``build``) and installed into every environment, so
each cell proves that the package as published installs and migrates with that
Python, Django and Wagtail. Tests import the checkout's ``tests`` package
(pytest's ``pythonpath``), which holds the same code as the wheel.

Full cells run the README's whole suite; smoke cells install the wheel, run
``check`` and ``migrate`` and the ``smoke`` subset (about two minutes).
"""

from __future__ import annotations

import glob
import os

import nox

nox.options.default_venv_backend = "venv"
nox.options.reuse_existing_virtualenvs = False

WAGTAIL = {"7.4": "wagtail>=7.4,<7.5", "8": "wagtail>=8.0,<9"}
DJANGO = {"5.2": "Django>=5.2,<5.3", "6.0": "Django>=6.0,<6.1"}
# Pinned: a new release of a linter must not turn CI red on code nobody changed.
LINTERS = ["ruff==0.17.6", "mypy==2.4.1", "django-stubs==6.1.2"]
POSTGRES_URL = os.environ.get("TEST_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/test")

# (python, django, wagtail). Django 6.0 needs Python 3.12+.
FULL = [("3.11", "5.2", "7.4"), ("3.13", "6.0", "8")]
SMOKE = [("3.11", "5.2", "8"), ("3.12", "5.2", "7.4"), ("3.12", "6.0", "8"), ("3.13", "6.0", "7.4")]


def the_wheel() -> str:
    wheels = sorted(glob.glob("dist/soroptimist_advocacy-*.whl"))
    if not wheels:
        raise RuntimeError("no wheel in dist/: run the build session first")
    return wheels[-1]


def install(session, django: str, wagtail: str) -> None:
    # The wheel and its test extra, with the cell's Django and Wagtail as constraints.
    session.install(f"{the_wheel()}[test,example]", DJANGO[django], WAGTAIL[wagtail])
    session.run(
        "python", "-c", "import django, wagtail; print('Django', django.get_version(), 'Wagtail', wagtail.__version__)"
    )


@nox.session(python="3.11")
def build(session):
    """Build the sdist and wheel once, and check their metadata."""
    session.install("build", "twine")
    for path in glob.glob("dist/*"):
        os.remove(path)
    session.run("python", "-m", "build", "--outdir", "dist", ".")
    session.run("twine", "check", "--strict", *glob.glob("dist/*"))


@nox.session(python="3.11")
def lint(session):
    """ruff (lint and format) and mypy against its recorded baseline (.ci/typecheck.py), with
    the versions the baseline was recorded on, so a new error fails and a fixed one shrinks it."""
    session.install(f"{the_wheel()}[test,example]", DJANGO["5.2"], WAGTAIL["8"], *LINTERS)
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")
    session.run("python", ".ci/typecheck.py")


def full(session, django, wagtail):
    """The whole suite. Wagtail 7.4's cell runs the database tests on PostgreSQL and the
    engine tests again on the oldest docxtpl allowed; Wagtail 8's cell runs them on SQLite
    with the browser tests (network and browser tests run in one cell only)."""
    install(session, django, wagtail)
    if wagtail == "7.4":
        session.run(
            "python",
            "-m",
            "pytest",
            "-p",
            "no:cacheprovider",
            "--ignore=tests/browser",
            env={"TEST_DATABASE_URL": POSTGRES_URL},
        )
        # The engine relies on docxtpl's internals: prove it on the oldest release allowed too.
        session.install("docxtpl==0.20.0")
        session.run(
            "python",
            "-m",
            "pytest",
            "-p",
            "no:cacheprovider",
            "-q",
            "tests/letters",
            "tests/letter_builder/test_letter_form.py",
        )
    else:
        session.run("python", "-m", "pytest", "-p", "no:cacheprovider")


def smoke(session, django, wagtail):
    """Install the wheel, check, migrate a new database, and the smoke subset."""
    install(session, django, wagtail)
    tmp = session.create_tmp()
    env = {"DATABASE_URL": f"sqlite:///{tmp}/smoke.sqlite3"}
    session.run("python", "example_site/manage.py", "check", env=env)
    session.run("python", "example_site/manage.py", "migrate", "-v", "0", env=env)
    session.run("python", "-m", "pytest", "-p", "no:cacheprovider", "-q", "-m", "smoke", "--ignore=tests/browser")


def register(kind, run, cells):
    """One named session per cell, e.g. ``smoke(py3.12-dj6.0-wt8)``, each on its own Python
    (nox.parametrize cannot tie the interpreter to the other parameters)."""
    for python, django, wagtail in cells:

        def cell_session(session, django=django, wagtail=wagtail):
            run(session, django, wagtail)

        cell_session.__doc__ = run.__doc__
        nox.session(python=python, name=f"{kind}(py{python}-dj{django}-wt{wagtail})")(cell_session)


register("full", full, FULL)
register("smoke", smoke, SMOKE)
