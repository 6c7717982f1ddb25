"""The package installs from its wheel with everything it needs, and its migrations are complete."""

import importlib.util
import io
import re
import shutil
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"


def test_models_and_migrations_agree(db):
    out = io.StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)


def fresh_venv_with_running_dependencies(env_dir: Path) -> Path:
    """A new virtualenv that sees the dependencies of the environment running the tests, nothing else.

    ``system_site_packages`` would give the *system* interpreter's packages, which
    a user's own virtualenv does not have. Instead a ``.pth`` file lists this
    environment's own site-packages directories: no download, and the package
    itself still comes only from the wheel, because the new venv's site-packages
    is searched first and ``.pth`` files (editable installs of the checkout) in
    the listed directories are not run.
    """
    venv.EnvBuilder(system_site_packages=False, with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    running = [p for p in sys.path if p.rstrip("/").endswith(("site-packages", "dist-packages")) and Path(p).is_dir()]
    (Path(purelib) / "_running_environment.pth").write_text("\n".join(running) + "\n")
    return python


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    # Built offline from this environment: pip and the build backend must be here already.
    missing = [tool for tool in ("pip", "setuptools", "wheel") if importlib.util.find_spec(tool) is None]
    if missing:
        pytest.skip(f"building the wheel offline needs {', '.join(missing)} in this environment")
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(ROOT)],
        check=True,
    )
    (wheel,) = out.glob("soroptimist_advocacy-*.whl")
    return wheel


@pytest.mark.slow
def test_wheel_ships_templates_static_migrations_locales_and_the_default_letter(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = [
        "soroptimist_advocacy/templates/soroptimist_advocacy/pages/action_kit_page.html",
        "soroptimist_advocacy/static/soroptimist_advocacy/css/advocacy.css",
        "soroptimist_advocacy/static/soroptimist_advocacy/js/letter-form.js",
        "soroptimist_advocacy/migrations/0001_initial.py",
        "soroptimist_advocacy/locale/fr/LC_MESSAGES/django.mo",
        "soroptimist_advocacy/locale/es/LC_MESSAGES/django.mo",
        "soroptimist_advocacy/letters/default_template.docx",
        # The world map's data, with its licence and sources.
        "soroptimist_advocacy/maps/data/countries-110m.json",
        "soroptimist_advocacy/maps/data/points.csv",
        "soroptimist_advocacy/maps/data/LICENSE-world-atlas.txt",
        "soroptimist_advocacy/maps/data/README.md",
    ]
    missing = [name for name in expected if name not in names]
    assert not missing, missing
    assert not any(name.startswith(("tests/", "example_site/", "benchmarks/")) for name in names)


def readme_install_lines() -> tuple[str, str]:
    """The settings and urls.py lines of the README's "Install in a Wagtail site", verbatim."""
    section = README.read_text().split("\n## Install in a Wagtail site\n", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```python\n(.*?)```", section, re.S)
    settings_lines = [block for block in blocks if block.startswith("# settings.py")]
    urls_lines = [block for block in blocks if block.startswith("# urls.py")]
    assert len(settings_lines) == len(urls_lines) == 1, "the README's install section changed shape"
    return settings_lines[0], urls_lines[0]


def run(command, cwd, what):
    """Run *command* in the fresh site with no environment of ours (no PYTHONPATH, no settings)."""
    result = subprocess.run(
        command, cwd=cwd, env={"PATH": "/usr/bin:/bin"}, capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, f"{what} failed:\n{result.stdout[-2000:]}\n{result.stderr[-4000:]}"
    return result.stdout


@pytest.mark.slow
def test_a_wagtail_start_site_set_up_from_the_readme_serves_a_french_campaign_and_letter(wheel, tmp_path):
    """A federation's steps, from the README alone: `wagtail start`, pip install, the README's
    settings and urls.py lines, migrate; then a campaign translated with wagtail-localize serves
    its French page and a French letter to a token-less, same-origin POST."""
    python = fresh_venv_with_running_dependencies(tmp_path / "venv")
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps", str(wheel)], check=True
    )
    site = tmp_path / "site"
    site.mkdir()
    run([str(python), "-m", "wagtail.bin.wagtail", "start", "fedsite", str(site)], tmp_path, "wagtail start")

    settings_lines, urls_lines = readme_install_lines()
    base = site / "fedsite" / "settings" / "base.py"
    base.write_text(base.read_text() + "\n" + settings_lines)
    urls = site / "fedsite" / "urls.py"
    wagtail_pages = '    path("", include(wagtail_urls)),\n'
    assert urls.read_text().count(wagtail_pages) == 1
    urls.write_text(urls.read_text().replace(wagtail_pages, "") + "\n" + urls_lines)

    run([str(python), "manage.py", "migrate", "-v0"], site, "migrate")
    # DEBUG is on in `wagtail start`'s dev settings, so only the README's own lines can speak here:
    # the snippet is complete when `check` says nothing at all, not even an Info.
    out = run([str(python), "manage.py", "check", "--fail-level", "INFO"], site, "check")
    assert out.strip() == "System check identified no issues (0 silenced).", out
    shutil.copy(ROOT / "tests" / "fresh_site_campaign.py", site / "campaign.py")
    out = run([str(python), "campaign.py"], site, "the French campaign")
    assert out.strip().endswith("ok")
