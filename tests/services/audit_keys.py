"""The keys every `audit.record(...)` call under xlvphc/ stores as its
before/after, by the entity the event is about: read from the source, so a
key added to a service without a label fails a test (user trial: the log
showed `delete_reason`, `deputy_name`, `cases:`).

Keys are followed through the names a call passes (`before=snapshot`,
`after={**values, **counts}`): dict literals assigned to the name in the
same function, `name["key"] = …`, `name.update(key=…)`, dict comprehensions
over a module constant (`{k: … for k in EDITABLE}`) or over another such
name, and a name returned by a function of the same module.
"""

import ast
from pathlib import Path

SOURCE = Path(__file__).resolve().parents[2] / "xlvphc"


def _is_record(node: ast.AST) -> bool:
    func = getattr(node, "func", None)
    return (
        isinstance(func, ast.Attribute)
        and func.attr == "record"
        and isinstance(func.value, ast.Name)
        and func.value.id == "audit"
    )


class _Module:
    def __init__(self, tree: ast.Module) -> None:
        self.tree = tree
        self.functions = {
            n.name: n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)
        }
        self.constants: dict[str, list[str]] = {}
        for node in tree.body:
            if isinstance(node, ast.Assign) and isinstance(
                node.value, (ast.Tuple, ast.List)
            ):
                words = [
                    e.value
                    for e in node.value.elts
                    if isinstance(e, ast.Constant) and isinstance(e.value, str)
                ]
                for target in node.targets:
                    if isinstance(target, ast.Name):
                        self.constants[target.id] = words

    def keys(self, expr: ast.AST, scope: ast.AST, seen: set) -> tuple[set, set]:
        """(keys, names that could not be followed) of an expression."""
        keys: set[str] = set()
        lost: set[str] = set()
        if isinstance(expr, ast.Dict):
            for key, value in zip(expr.keys, expr.values, strict=True):
                if isinstance(key, ast.Constant):
                    keys.add(key.value)
                    continue
                found, missed = self.keys(value, scope, seen)  # {**name}
                keys |= found
                lost |= missed
            for value in expr.values:
                if isinstance(value, (ast.Dict, ast.IfExp)):
                    found, missed = self.keys(value, scope, seen)
                    keys |= found
                    lost |= missed
        elif isinstance(expr, ast.IfExp):
            for part in (expr.body, expr.orelse):
                found, missed = self.keys(part, scope, seen)
                keys |= found
                lost |= missed
        elif isinstance(expr, ast.DictComp):
            (gen,) = expr.generators
            source = gen.iter
            if isinstance(source, ast.Call) and isinstance(
                source.func, ast.Attribute
            ) and source.func.attr == "items":
                source = source.func.value
            if isinstance(source, ast.Name) and source.id in self.constants:
                keys |= set(self.constants[source.id])
            else:
                found, missed = self.keys(source, scope, seen)
                keys |= found
                lost |= missed
        elif isinstance(expr, ast.Name):
            keys, lost = self._name(expr.id, scope, seen)
        return keys, lost

    def _name(self, name: str, scope: ast.AST, seen: set) -> tuple[set, set]:
        if (name, id(scope)) in seen:
            return set(), set()
        seen.add((name, id(scope)))
        keys: set[str] = set()
        lost: set[str] = set()
        followed = False
        for node in ast.walk(scope):
            if isinstance(node, (ast.Assign, ast.AnnAssign)):
                targets = node.targets if isinstance(node, ast.Assign) else [
                    node.target
                ]
                for target in targets:
                    if isinstance(target, ast.Name) and target.id == name:
                        followed = True
                        found, missed = self._value(node.value, scope, seen)
                        keys |= found
                        lost |= missed
                    elif (
                        isinstance(target, ast.Subscript)
                        and isinstance(target.value, ast.Name)
                        and target.value.id == name
                        and isinstance(target.slice, ast.Constant)
                    ):
                        keys.add(target.slice.value)
            elif (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "update"
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == name
            ):
                keys |= {k.arg for k in node.keywords if k.arg}
        if not followed:
            lost.add(name)
        return keys, lost

    def _value(self, value: ast.AST, scope: ast.AST, seen: set) -> tuple[set, set]:
        if (
            isinstance(value, ast.Call)
            and isinstance(value.func, ast.Name)
            and value.func.id in self.functions
        ):
            function = self.functions[value.func.id]
            keys: set[str] = set()
            lost: set[str] = set()
            for node in ast.walk(function):
                if isinstance(node, ast.Return) and node.value is not None:
                    found, missed = self.keys(node.value, function, seen)
                    keys |= found
                    lost |= missed
            return keys, lost
        if value is None:
            return set(), set()
        return self.keys(value, scope, seen)


def _entity(call: ast.Call) -> str:
    for keyword in call.keywords:
        if keyword.arg == "entity" and isinstance(keyword.value, ast.Constant):
            return keyword.value.value
    return ""


def written_keys() -> tuple[dict[str, set[str]], list[str]]:
    """({entity: keys its events store}, [calls whose keys were lost])."""
    by_entity: dict[str, set[str]] = {}
    lost: list[str] = []
    for path in sorted(SOURCE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        module = _Module(tree)
        for function in module.functions.values():
            for node in ast.walk(function):
                if not _is_record(node):
                    continue
                for keyword in node.keywords:
                    if keyword.arg not in ("before", "after"):
                        continue
                    keys, missed = module.keys(keyword.value, function, set())
                    by_entity.setdefault(_entity(node), set()).update(
                        k for k in keys if isinstance(k, str)
                    )
                    lost += [
                        f"{path.relative_to(SOURCE)}:{node.lineno} {name}"
                        for name in missed
                    ]
    return by_entity, lost
