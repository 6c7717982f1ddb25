"""The README's PostgreSQL words for the example site, followed: the `example` extra brings the
driver, and in a new virtualenv the README's DATABASE_URL line, `migrate` and `check` work on a
database of their own. Bounded (a few minutes at most), so it runs only in CI's PostgreSQL cell
(TEST_DATABASE_URL=postgres://...) or when README_POSTGRES=1 asks for it."""

from __future__ import annotations

import os
import re
import subprocess
import tomllib
import uuid
from urllib.parse import urlsplit, urlunsplit

import pytest

from tests.conftest import ROOT
from tests.support.test_packaging import fresh_venv_with_running_dependencies

SERVER = os.environ.get("TEST_DATABASE_URL", "")
if not SERVER.startswith("postgres") and os.environ.get("README_POSTGRES") == "1":
    SERVER = "postgres://postgres@127.0.0.1:5432/postgres"

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.slow,
    pytest.mark.skipif(
        not SERVER.startswith("postgres"),
        reason="follows the README on PostgreSQL: set TEST_DATABASE_URL=postgres://... (CI's PostgreSQL cell) "
        "or README_POSTGRES=1",
    ),
]


def readme_postgres_block() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("\n## Quick start (two commands)\n", 1)[1].split("\n## ", 1)[0]
    blocks = [block for block in re.findall(r"```sh\n(.*?)```", section, re.S) if "DATABASE_URL" in block]
    assert len(blocks) == 1, "the README's PostgreSQL block changed shape"
    return blocks[0].strip().splitlines()


def test_the_example_extra_brings_the_postgresql_driver():
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["optional-dependencies"]
    assert any(requirement.startswith("psycopg[binary]") for requirement in extras["example"])
    assert 'pip install -e ".[example]"' in readme_postgres_block()


@pytest.fixture
def fresh_database():
    """A database of the test's own on the TEST_DATABASE_URL server, dropped afterwards."""
    import psycopg

    parts = urlsplit(SERVER)
    name = f"readme_{uuid.uuid4().hex[:12]}"
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urlunsplit(parts._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_the_readme_postgresql_steps_migrate_and_check(tmp_path, fresh_database):
    lines = readme_postgres_block()
    export = next(line for line in lines if line.startswith("export DATABASE_URL=postgres://"))
    assert "python example_site/manage.py migrate && python example_site/manage.py check" in lines
    python = fresh_venv_with_running_dependencies(tmp_path / "venv")
    # The README's export line, with this test's own database in place of `advocacy`.
    environment = {"PATH": "/usr/bin:/bin", "DATABASE_URL": fresh_database, "HOME": str(tmp_path)}
    assert export.split("=", 1)[1].startswith("postgres://")
    for command in (["migrate", "--no-input", "-v", "0"], ["check", "--fail-level", "WARNING"]):
        run = subprocess.run(
            [str(python), "example_site/manage.py", *command],
            cwd=ROOT,
            env=environment,
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert run.returncode == 0, f"{command}: {run.stdout[-3000:]}\n{run.stderr[-3000:]}"
    assert "System check identified no issues" in run.stdout
    probe = subprocess.run(
        [
            str(python),
            "example_site/manage.py",
            "shell",
            "-c",
            "from django.db import connection; from wagtail.models import Page; print(connection.vendor, Page.objects.count())",
        ],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert probe.stdout.strip().splitlines()[-1] == "postgresql 2", probe.stderr  # Wagtail's root and home
