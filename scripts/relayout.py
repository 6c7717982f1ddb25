"""Move the flat modules into subpackages and rewrite every reference (idempotent; re-run after merges).

usage: python relayout.py REPO [--no-move]
"""

import os
import re
import subprocess
import sys

PKG = "soroptimist_advocacy"
MAPPING = """
letter_context letter_builder.contexts
letter_form_context letter_builder.form_context
letter_setup letter_builder.setup
letter_template_versions letter_builder.template_versions
letter_template_warnings letter_builder.template_warnings
letter_translation letter_builder.translation
letter_wording letter_builder.wording
letter_documents letter_builder.documents
placeholder_check letter_builder.placeholders
sample_letter letter_builder.sample_letters
forms letter_builder.forms
views.letter letter_builder.route
viewsets letter_builder.admin
fallback_language web.fallback_language
report_forms reports.forms
report_submission reports.submission
report_tokens reports.tokens
report_links reports.links
report_emails reports.emails
report_permissions reports.permissions
reminders reports.reminders
retention reports.retention
tasks reports.tasks
privacy_text reports.privacy_text
views.report reports.route
admin_views.reports reports.admin.listing
admin_views.response_board reports.admin.response_board
admin_views.charts reports.admin.charts
correction_form directory.correction_form
views.correction directory.correction_route
admin_views.corrections directory.admin.corrections
admin_views.decision_maker_import directory.admin.importer
admin_views.decision_makers directory.admin.decision_makers
campaigns campaigns.pages
campaign_figures campaigns.figures
campaign_sources campaigns.sources
counters campaigns.counters
views.figures campaigns.figures_route
admin_views.impact campaigns.admin.impact
admin_views.campaign_access campaigns.admin.access
page_cache web.page_cache
views.caching web.caching
ratelimit web.ratelimit
client_address web.client_address
honeypot web.honeypot
country_select web.country_select
spreadsheet web.spreadsheet
batches web.batches
admin_views.forbidden web.admin.forbidden
admin_views.menu web.admin.menu
admin_views.permissions web.admin.permissions
letters.contents letters.engine.contents
letters.coreprops letters.engine.coreprops
letters.docxtpl_bridge letters.engine.docxtpl_bridge
letters.environment letters.engine.environment
letters.equivalence letters.engine.equivalence
letters.language letters.engine.language
letters.merge letters.engine.merge
letters.package_copy letters.engine.package_copy
letters.parts letters.engine.parts
letters.prepared letters.engine.prepared
letters.xml_blocks letters.engine.xml_blocks
letters.budget letters.safety.budget
letters.clean letters.safety.clean
letters.package_layout letters.safety.package_layout
letters.safexml letters.safety.safexml
letters.sanitise letters.safety.sanitise
letters.structure letters.safety.structure
letters.trial_render letters.safety.trial_render
letters.validation letters.safety.validation
letters.zipcheck letters.safety.zipcheck
"""
MOVES = [line.split() for line in MAPPING.strip().splitlines()]
# Longest old names first so "views.letter" is handled before any shorter prefix.
MOVES.sort(key=lambda m: -len(m[0]))
NEW_PACKAGES = {
    "letter_builder": "The Wagtail side of letters: the form, its contexts, template lookup and versions, placeholders, sample letters and the letter route.",
    "reports": "Action reports: forms, submission, tokens and links, emails, reminders, retention, tasks, permissions and their admin.",
    "reports.admin": "Admin views of action reports: the listing with its exports, the response board and charts.",
    "directory.admin": "Admin views of the decision-maker directory: listing, import and corrections.",
    "campaigns": "Campaigns: the campaign pages behind the figures, their figures and sources, the letter counters and figures.json.",
    "campaigns.admin": "Admin views of campaigns: impact and access.",
    "web": "Web plumbing shared by the public pages: caching, rate limits and client address, honeypot, country select, spreadsheet export.",
    "letters.engine": "How a letter is made: the template prepared once, filled with Jinja, merged and marked with its language.",
    "letters.safety": "What keeps a template safe to render: archive and package checks, XML cleaning, the Jinja allowlist and the cost budget.",
    "web.admin": "Admin plumbing shared by the admin views: menus and permissions.",
}
SUFFIXES = (".py", ".html", ".txt", ".md", ".toml", ".cfg", ".ini", ".json", ".yml", ".yaml", "run")


def files(repo):
    out = subprocess.run(
        ["git", "-C", repo, "ls-files", "-co", "--exclude-standard"], capture_output=True, text=True, check=True
    ).stdout
    for rel in out.splitlines():
        path = os.path.join(repo, rel)
        if rel.endswith(SUFFIXES) and os.path.isfile(path) and ".library" not in rel and "node_modules" not in rel:
            yield rel, path


def module_of(rel):
    parts = rel[:-3].split("/")
    if parts[-1] == "__init__":
        return ".".join(parts[:-1]), True
    return ".".join(parts), False


def absolutise(rel, text):
    """Relative imports inside the package become absolute, so moving a module cannot break them."""
    if not rel.startswith(PKG + "/") or not rel.endswith(".py"):
        return text
    module, is_package = module_of(rel)
    package = module.split(".") if is_package else module.split(".")[:-1]

    def repl(match):
        indent, dots, rest = match.group(1), match.group(2), match.group(3)
        base = package[: len(package) - (len(dots) - 1)]
        target = ".".join(base + ([rest] if rest else []))
        return f"{indent}from {target} import "

    return re.sub(r"^(\s*)from (\.+)([\w.]*) import ", repl, text, flags=re.M)


def split_package_imports(text):
    """``from soroptimist_advocacy[.pkg] import a, b`` naming moved modules: one import per moved module."""
    moved = dict(MOVES)

    def repl(match):
        indent, package, names = match.group(1), match.group(2) or "", match.group(3)
        if "(" in names:
            return match.group(0)
        prefix = package.lstrip(".") + "." if package else ""
        kept, lines = [], []
        for item in [n.strip() for n in names.split(",") if n.strip()]:
            name, _, alias = item.partition(" as ")
            name, alias = name.strip(), alias.strip() or name.strip()
            if prefix + name in moved:
                parent, _, leaf = moved[prefix + name].rpartition(".")
                lines.append(f"{indent}from {PKG}.{parent} import {leaf}" + (f" as {alias}" if alias != leaf else ""))
            else:
                kept.append(item)
        if not lines:
            return match.group(0)
        if kept:
            lines.insert(0, f"{indent}from {PKG}{package} import {', '.join(kept)}")
        return "\n".join(lines)

    return re.sub(rf"^(\s*)from {PKG}((?:\.\w+)*) import ([^\n]+)$", repl, text, flags=re.M)


def rewrite_names(text):
    for old, new in MOVES:
        if old == "campaigns":
            # The package keeps the old module's name: only the bare module reference moves.
            pattern = rf"\b{PKG}\.campaigns(?![\w]|\.(?:pages|figures|sources|counters|figures_route|admin)\b)"
        else:
            pattern = rf"\b{PKG}\.{re.escape(old)}(?![\w])"
        text = re.sub(pattern, f"{PKG}.{new}", text)
    return text


def move(repo):
    for old, new in sorted(MOVES, key=lambda m: m[0] != "campaigns"):
        src = os.path.join(repo, PKG, *old.split(".")) + ".py"
        dst = os.path.join(repo, PKG, *new.split(".")) + ".py"
        if not os.path.exists(src) or os.path.exists(dst):
            continue
        if old == "campaigns":
            tmp = os.path.join(repo, PKG, "_campaigns_pages.py")
            subprocess.run(["git", "-C", repo, "mv", src, tmp], check=True)
            src = tmp
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        subprocess.run(["git", "-C", repo, "mv", src, dst], check=True)
    for package, doc in NEW_PACKAGES.items():
        init = os.path.join(repo, PKG, *package.split("."), "__init__.py")
        os.makedirs(os.path.dirname(init), exist_ok=True)
        if not os.path.exists(init):
            with open(init, "w") as handle:
                handle.write(f'"""{doc}"""\n')
            subprocess.run(["git", "-C", repo, "add", init], check=True)
    for old_package in ("views", "admin_views"):
        directory = os.path.join(repo, PKG, old_package)
        if os.path.isdir(directory):
            left = [f for f in os.listdir(directory) if f.endswith(".py") and f != "__init__.py"]
            if not left:
                subprocess.run(["git", "-C", repo, "rm", "-q", "-r", "-f", directory], check=True)
            else:
                print("left in", old_package, left)


def main():
    repo = sys.argv[1]
    for rel, path in list(files(repo)):
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
        new = absolutise(rel, text)
        if new != text:
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(new)
    if "--no-move" not in sys.argv:
        move(repo)
    for rel, path in list(files(repo)):
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
        new = rewrite_names(split_package_imports(text)) if rel.endswith(".py") else rewrite_names(text)
        if new != text:
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(new)
            print("rewrote", rel)


if __name__ == "__main__":
    main()
