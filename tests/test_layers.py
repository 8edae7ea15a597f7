"""The house's floors, read from the source with `ast` (no import is run):

- an app imports only the apps below it (portal.registry.LAYERS), at module level or inside a function;
- no app probes another with import_module/__import__ (it declares what it adds in its AppConfig);
- no import circle between modules at module level;
- a task imports its service inside the function (HackSoft's direction: services schedule tasks);
- a PDF module reads selectors, never services.
Each failure names the file, the line and the import.
"""

import ast
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from portal.registry import LAYERS

BASE = Path(settings.BASE_DIR)


@dataclass(frozen=True)
class Import:
    path: Path  # the file
    line: int
    module: str  # the module it names, absolute: "grants.screening.selectors"
    names: tuple  # what `from module import …` takes; () for `import module`
    top_level: bool  # run when the file is imported (not inside a function)

    def __str__(self):
        what = f"from {self.module} import {', '.join(self.names)}" if self.names else f"import {self.module}"
        shown = self.path.relative_to(BASE) if self.path.is_relative_to(BASE) else self.path
        return f"{shown}:{self.line}: {what}"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(BASE).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def app_files() -> list[Path]:
    return sorted(path for app in LAYERS if (BASE / app).is_dir() for path in (BASE / app).rglob("*.py"))


def _inside_function(tree: ast.AST) -> set[int]:
    inner = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            inner.update(id(child) for child in ast.walk(node) if child is not node)
    return inner


def imports_of(path: Path, name: str | None = None) -> list[Import]:
    """Every import in the file, relative ones made absolute; `name` is the module's (default: from path)."""
    tree = ast.parse(path.read_text(), filename=str(path))
    inner = _inside_function(tree)
    name = name or module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [Import(path, node.lineno, alias.name, (), id(node) not in inner) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                module = ".".join([*base, module] if module else base)
            names = tuple(alias.name for alias in node.names)
            found.append(Import(path, node.lineno, module, names, id(node) not in inner))
    return found


def app_of(module: str) -> str:
    return module.split(".")[0]


def all_imports() -> list[Import]:
    return [found for path in app_files() for found in imports_of(path)]


def test_an_app_imports_only_the_apps_below_it():
    wrong = []
    for found in all_imports():
        own, other = app_of(module_name(found.path)), app_of(found.module)
        if other in LAYERS and other != own and other not in LAYERS[own]:
            wrong.append(f"{found}  ({own} may import only {', '.join(LAYERS[own]) or 'no other app'})")
    assert not wrong, "imports against the layers (portal.registry.LAYERS):\n" + "\n".join(wrong)


def test_no_app_probes_another_with_import_module():
    wrong = []
    for path in app_files():
        tree = ast.parse(path.read_text(), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                called = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
                if called in ("import_module", "__import__"):
                    wrong.append(f"{path.relative_to(BASE)}:{node.lineno}: {called}(…)")
        wrong += [str(found) for found in imports_of(path) if found.module == "importlib"]
    assert not wrong, ("an app declares what it adds in its AppConfig (portal.registry) instead of probing "
                       "for modules:\n" + "\n".join(wrong))


def _known_modules() -> dict[str, Path]:
    return {module_name(path): path for path in app_files()}


def module_graph() -> dict[str, dict[str, Import]]:
    """Module-level imports between the apps' modules: {importer: {imported: the import}}."""
    known = _known_modules()
    graph: dict[str, dict[str, Import]] = {name: {} for name in known}
    for name, path in known.items():
        for found in imports_of(path):
            if not found.top_level:
                continue
            # `from pkg import mod` imports the module pkg.mod when there is one, else a name of pkg.
            targets = [f"{found.module}.{n}" for n in found.names if f"{found.module}.{n}" in known]
            if found.module in known and len(targets) < len(found.names or (None,)):
                targets.append(found.module)
            for target in targets:
                if target != name:
                    graph[name].setdefault(target, found)
    return graph


def cycles(graph: dict[str, dict]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan, iterative)."""
    index, low, stack, on_stack, result, counter = {}, {}, [], set(), [], [0]
    for root in graph:
        if root in index:
            continue
        work = [(root, iter(graph[root]))]
        index[root] = low[root] = counter[0]
        counter[0] += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter[0]
                    counter[0] += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(graph[child])))
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        result.append(sorted(component))
    return result


def test_no_import_circle():
    graph = module_graph()
    found = cycles(graph)
    lines = []
    for component in found:
        members = set(component)
        lines.append(" ⇄ ".join(component))
        lines += [f"    {graph[a][b]}" for a in component for b in graph[a] if b in members]
    assert not found, ("import circles (import inside the function on one side, as tasks do for services):\n"
                       + "\n".join(lines))


def test_tasks_import_their_services_inside_the_function():
    wrong = [str(found) for path in app_files() if path.name == "tasks.py" for found in imports_of(path)
             if found.top_level and _is_services(found)]
    assert not wrong, "a task imports its service inside the function (services schedule tasks):\n" + "\n".join(wrong)


def test_pdf_modules_read_selectors_never_services():
    wrong = [str(found) for path in app_files() if path.name == "pdf.py" for found in imports_of(path)
             if _is_services(found)]
    assert not wrong, "a PDF reads through selectors, it never calls a service:\n" + "\n".join(wrong)


def _is_services(found: Import) -> bool:
    return "services" in found.module.split(".") or "services" in found.names


def test_the_checks_see_an_import_inside_a_function_and_a_circle(tmp_path):
    """The analysis itself, so that a green run means something."""
    source = tmp_path / "probe.py"
    source.write_text("import os\nfrom .models import NGO\n\ndef later():\n    from evaluations import selectors\n")
    found = imports_of(source, "ngos.probe")
    assert [(f.module, f.names, f.top_level) for f in found] == [
        ("os", (), True), ("ngos.models", ("NGO",), True), ("evaluations", ("selectors",), False)
    ]
    assert cycles({"a": {"b": 1}, "b": {"c": 1}, "c": {"a": 1}, "d": {"a": 1}}) == [["a", "b", "c"]]
