"""The import rules of ARCHITECTURE.md, read from the code's own import statements.

Every ``import`` counts, also the ones inside functions (the kit imports heavy
libraries lazily, and a lazy import that goes the wrong way is still a wrong way).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "course_kit"

# Top-level module or subpackage -> layer (ARCHITECTURE.md). A new module must be placed here.
LAYERS = {
    "": 3,  # course_kit/__init__.py: the version, the lazy loader and the notebook hooks
    "messages": 0,
    "i18n": 0,
    "texts": 0,
    "formatting": 0,
    "_validation": 0,
    "_progress": 0,
    "_result": 0,
    "_board_client": 0,
    "_paths": 0,
    "style": 0,
    "course": 0,
    "datasets": 1,
    "readers": 0,
    "simulate": 1,
    "effect_sizes": 1,
    "meta": 1,
    "susceptibility": 1,
    "reliability": 1,
    "trials": 1,
    "teaching": 2,
    "figures": 2,
    "evidence": 2,
    "grade": 2,
    "method": 2,
    "__main__": 3,
    "workspace": 3,
    "editions": 3,
    "environment": 3,
    "board": 3,  # the class board service; the exercises send through _board_client
}
WIDGETS = ("ipywidgets",)
# Known exceptions, each with its reason; remove an entry when the code is fixed.
EXCEPTIONS = {
    # The notebook hook (alt text of every figure, issue 16) calls the widget toolkit's
    # private module; teaching/__init__ should offer figure_html and publish_page_script.
    ("course_kit", "course_kit.teaching._widgets"),
}
# Two packages that lean on each other (known, to be untangled): method's exercises build
# on teaching.exercises, and teaching's widgets for the method notebooks use method.
PACKAGE_CYCLE_EXCEPTIONS = {frozenset({"course_kit.teaching", "course_kit.method"})}
IPYTHON_ALLOWED = {"course_kit._progress"}


def _module_name(path: Path) -> str:
    parts = ["course_kit", *path.relative_to(PACKAGE).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _imports(name: str):
    """(line, imported module, imported names) of every import in module ``name``."""
    path = MODULES[name]
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name, []
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            yield node.lineno, module, [alias.name for alias in node.names]


def _real(module: str) -> str:
    """A module's path today (old paths are aliases, see ``course_kit._MOVED``)."""
    from course_kit import _MOVED

    prefix, _, old = module.partition(".")
    return f"{prefix}.{_MOVED[old]}" if prefix == "course_kit" and old in _MOVED else module


def _targets(module: str, names: list[str]) -> list[str]:
    """The kit's modules an import statement loads (``from pkg import mod`` is ``pkg.mod``)."""
    if not module.startswith("course_kit"):
        return []
    module = _real(module)
    found = [_real(f"{module}.{n}") for n in names if _real(f"{module}.{n}") in MODULES]
    return found or [module]


def _layer(module: str) -> int:
    parts = module.split(".")
    return LAYERS[parts[1] if len(parts) > 1 else ""]


def _private(part: str) -> bool:
    return part.startswith("_") and not part.startswith("__")


def _edges():
    for name in MODULES:
        for line, module, names in _imports(name):
            for target in _targets(module, names):
                if target != name and (name, target) not in EXCEPTIONS:
                    yield name, line, target, module, names


def test_every_module_has_a_layer():
    unplaced = sorted({m.split(".")[1] for m in MODULES if "." in m} - set(LAYERS))
    assert not unplaced, f"place these in LAYERS and ARCHITECTURE.md: {unplaced}"


def test_imports_go_down_the_layers():
    upward = [
        f"{src}:{line} imports {dst} (layer {_layer(src)} -> {_layer(dst)})"
        for src, line, dst, _, _ in _edges()
        if _layer(dst) > _layer(src)
    ]
    assert not upward, "\n".join(upward)


def test_no_module_imports_another_modules_private_name():
    bad = [
        f"{src}:{line} imports {name} from {module}"
        for src, line, _, module, names in _edges()
        for name in names
        if _private(name) and f"{module}.{name}" not in MODULES  # a private module is rule 2
    ]
    # Reaching in through a module object: `from course_kit import trials; trials._x`.
    for src in MODULES:
        aliases = {}
        for _, module, names in _imports(src):
            for target in _targets(module, names):
                if target in MODULES and target != src:
                    aliases[target.rpartition(".")[2]] = target
        tree = ast.parse(MODULES[src].read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id in aliases
                and _private(node.attr)
            ):
                bad.append(f"{src}:{node.lineno} uses {aliases[node.value.id]}.{node.attr}")
    assert not bad, "\n".join(bad)


def test_private_modules_are_imported_only_inside_their_package():
    bad = []
    for src, line, dst, _, _ in _edges():
        parts = dst.split(".")
        for i, part in enumerate(parts):
            owner = ".".join(parts[:i])  # the package the private module belongs to
            if _private(part) and not (src == owner or src.startswith(owner + ".")):
                bad.append(f"{src}:{line} imports {dst}, private to {owner}")
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize("layer", [0, 1])
def test_foundation_and_analysis_import_no_widgets(layer):
    bad = []
    for name in MODULES:
        if _layer(name) != layer:
            continue
        for line, module, _ in _imports(name):
            top = module.split(".")[0]
            if top in WIDGETS or (top == "IPython" and name not in IPYTHON_ALLOWED):
                bad.append(f"{name}:{line} imports {module}")
    assert not bad, "\n".join(bad)


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    done: set[str] = set()

    def visit(node, path):
        if node in path:
            return [*path[path.index(node) :], node]
        if node in done:
            return None
        for nxt in sorted(graph.get(node, ())):
            found = visit(nxt, [*path, node])
            if found:
                return found
        done.add(node)
        return None

    for name in sorted(graph):
        found = visit(name, [])
        if found:
            return found
    return None


def _top(module: str) -> str:
    return ".".join(module.split(".")[:2])


def test_no_import_cycles_between_top_level_modules_and_packages():
    # Counting imports inside functions too: between rooms, imports are one-way.
    graph: dict[str, set[str]] = {}
    for src, _, dst, _, _ in _edges():
        pair = frozenset({_top(src), _top(dst)})
        if _top(src) != _top(dst) and pair not in PACKAGE_CYCLE_EXCEPTIONS:
            graph.setdefault(_top(src), set()).add(_top(dst))
    cycle = _cycle(graph)
    assert cycle is None, "import cycle: " + " -> ".join(cycle)


def test_no_import_cycles_when_modules_load():
    # Module-level imports only: inside a package a convenience function may load its
    # widget module lazily (e.g. method.cases -> method._widgets -> method.cases).
    graph: dict[str, set[str]] = {name: set() for name in MODULES}
    for name in MODULES:
        tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
        top_level = {
            node.lineno for node in tree.body if isinstance(node, ast.Import | ast.ImportFrom)
        }
        for line, module, names in _imports(name):
            if line in top_level:
                graph[name].update(t for t in _targets(module, names) if t != name)
    cycle = _cycle(graph)
    assert cycle is None, "import cycle: " + " -> ".join(cycle)


def test_the_rules_are_written_down():
    text = (PACKAGE.parent / "ARCHITECTURE.md").read_text(encoding="utf-8")
    for top in LAYERS:
        if top:
            assert top in text, f"ARCHITECTURE.md does not say where {top} lives"
