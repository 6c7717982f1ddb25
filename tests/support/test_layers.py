"""The package's layers hold: its modules import each other in no cycle, every import points
down the layers the README draws ("Package layout"), and function-level imports stay the few
page hooks that hand work to a higher layer (as ``wagtail.contrib.forms`` pages do their views).

Read from the source, module-level imports only (a ``TYPE_CHECKING`` block is for the type
checker, not the running program): nothing is imported to check it.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import soroptimist_advocacy

PACKAGE = "soroptimist_advocacy"
PACKAGE_DIR = Path(soroptimist_advocacy.__file__).resolve().parent
README = PACKAGE_DIR.parent / "README.md"

# Bottom to top. A module may import modules of its own part and of the parts on the rows
# below its own; parts on one row do not import each other. A part is a subpackage or module
# of the package ("web", "checks"); "web.admin" and "reports.admin" (a subpackage or an
# ``admin.py``) are parts of their own, above every domain. The README draws the same rows.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("conf", "compat"),
    ("letters", "web", "maps"),
    ("blocks",),
    ("models",),
    ("campaigns",),
    ("directory",),
    ("letter_builder",),
    ("reports",),
    ("network",),
    ("bundle",),
    ("web.admin",),
    ("directory.admin", "letter_builder.admin", "reports.admin", "network.admin", "bundle.admin", "templatetags"),
    ("apps", "checks", "management", "middleware", "migrations", "signal_handlers", "wagtail_hooks"),
)
# The page hooks that hand work to a higher layer import it on use: one per hook, and
# ``apps.ready()`` imports the checks and signal handlers once the app registry is ready.
MAX_FUNCTION_LEVEL_IMPORTS = 5

RANK = {part: rank for rank, row in enumerate(LAYERS) for part in row}


def module_files() -> dict[str, Path]:
    """Dotted module name -> file, for every module of the package."""
    modules = {}
    for path in sorted(PACKAGE_DIR.rglob("*.py")):
        parts = path.relative_to(PACKAGE_DIR.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        modules[".".join(parts)] = path
    return modules


MODULES = module_files()
TREES = {name: ast.parse(path.read_text(encoding="utf-8"), filename=str(path)) for name, path in MODULES.items()}


def is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def module_level_imports(body: list[ast.stmt]) -> Iterator[ast.Import | ast.ImportFrom]:
    """The imports run when the module is imported: at its top level, in its classes' bodies and
    in ``if``/``try``/``with`` blocks, not in functions or ``if TYPE_CHECKING:`` blocks."""
    for node in body:
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node
        elif isinstance(node, ast.If):
            if not is_type_checking(node.test):
                yield from module_level_imports(node.body)
            yield from module_level_imports(node.orelse)
        elif isinstance(node, ast.Try):
            for block in (node.body, *(handler.body for handler in node.handlers), node.orelse, node.finalbody):
                yield from module_level_imports(block)
        elif isinstance(node, ast.ClassDef | ast.With):
            yield from module_level_imports(node.body)


def imports_a_module_by_name(node: ast.AST) -> bool:
    """A call such as ``importlib.import_module("soroptimist_advocacy...")`` or ``__import__(...)``
    naming one of the package's modules: an import in a function all the same. (Loading an optional
    third-party library on first use, CairoSVG for PNG maps, crosses no layer of the package.)"""
    if not isinstance(node, ast.Call) or not node.args:
        return False
    called = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
    name = node.args[0]
    return (
        called in ("import_module", "__import__", "import_string")
        and isinstance(name, ast.Constant)
        and isinstance(name.value, str)
        and name.value.startswith(PACKAGE)
    )


def function_level_imports() -> list[str]:
    """``module:function`` of every import statement (or import of one of the package's modules by
    name) inside a function of the package."""
    found = []
    for name, tree in TREES.items():
        for function in ast.walk(tree):
            if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                for statement in function.body:
                    for node in ast.walk(statement):
                        if isinstance(node, ast.Import | ast.ImportFrom) or imports_a_module_by_name(node):
                            found.append(f"{name}:{function.name}")
    return found


def imported_modules(module: str, node: ast.Import | ast.ImportFrom) -> Iterator[str]:
    """The package's modules that *node* (in *module*) imports."""
    if isinstance(node, ast.Import):
        targets = [alias.name for alias in node.names]
    else:
        base = node.module or ""
        if node.level:
            package = module.split(".")
            if MODULES[module].name != "__init__.py":
                package = package[:-1]
            package = package[: len(package) - node.level + 1]
            base = ".".join([*package, base] if base else package)
        targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base for alias in node.names]
    for target in targets:
        while target and target not in MODULES:
            target = target.rpartition(".")[0]
        if target.startswith(PACKAGE):
            yield target


def import_graph() -> dict[str, set[str]]:
    return {
        module: {
            target
            for node in module_level_imports(tree.body)
            for target in imported_modules(module, node)
            if target != module
        }
        for module, tree in TREES.items()
    }


def part_of(module: str) -> str | None:
    """The part of LAYERS *module* belongs to: the longest one its name starts with."""
    relative = module.removeprefix(PACKAGE).lstrip(".")
    candidates = [part for part in RANK if relative == part or relative.startswith(part + ".")]
    return max(candidates, key=len) if candidates else None


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for target in sorted(graph.get(module, ())):
            if target not in index:
                visit(target)
                low[module] = min(low[module], low[target])
            elif target in on_stack:
                low[module] = min(low[module], index[target])
        if low[module] == index[module]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == module:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return found


def readme_layers() -> tuple[tuple[str, ...], ...]:
    """The rows the README's "Package layout" draws, bottom to top (it lists them top first)."""
    lines = README.read_text(encoding="utf-8").splitlines()
    start = next(number for number, line in enumerate(lines) if line.startswith("Layers, top to bottom"))
    fence = next(number for number in range(start, len(lines)) if lines[number].startswith("```"))
    rows = []
    for line in lines[fence + 1 :]:
        if line.startswith("```"):
            break
        if line.strip():
            rows.append(tuple(name.strip("/").replace("/", ".") for name in line.split()))
    return tuple(reversed(rows))


def test_every_module_has_a_place_in_the_layers():
    assert [module for module in MODULES if module != PACKAGE and part_of(module) is None] == []


def test_the_package_has_no_import_cycle():
    assert cycles(import_graph()) == []


def test_every_import_points_down_the_layers():
    upward = []
    for module, targets in import_graph().items():
        source = part_of(module)
        for target in sorted(targets):
            destination = part_of(target)
            if source is None or destination is None or source == destination:
                continue
            if RANK[destination] >= RANK[source]:
                upward.append(f"{module} -> {target}")
    assert upward == []


def test_only_the_hooks_that_reach_a_higher_layer_import_in_a_function():
    found = function_level_imports()
    assert len(found) <= MAX_FUNCTION_LEVEL_IMPORTS, found


def test_the_readme_draws_the_layers_the_suite_checks():
    assert readme_layers() == LAYERS
