"""No State code calls a service on the event loop (issue 8, province scale).

Every public State method is an event handler, run on the worker's asyncio
event loop; a database call made there holds up every browser that worker
serves (bench/RESULTS.md). The services are the only door to the database,
so a static check of xlvphc/state is enough: a function there may call a
service only through `await self._call_in_thread(fn, …)` or
`asyncio.to_thread(fn, …)`, which run `fn` in a worker thread.

The check reads each state module's syntax tree:

- a call, inside a function, of something imported from `xlvphc.services…`
  (or an attribute of it) that resolves to a function or class defined in
  the services is a finding, unless it is in `PURE` (checked by hand: no
  database, no file, no heavy work); methods of constants (`KINDS.items()`)
  are not service calls;
- a function whose name is handed to `_call_in_thread`/`to_thread` in that
  module runs in a thread and may call services, and so may a lambda handed
  over the same way; calling such a function directly is a finding;
- `_call_in_thread`/`to_thread` must be awaited (or handed to
  `asyncio.create_task`): a coroutine never awaited never runs;
- the synchronous helpers that SessionState had before (`self._call`,
  `self._actor`) are not called;
- no state module imports SQLModel, SQLAlchemy or the session factory.

Code at module or class level runs once, at import, not per event. Thread
functions are recognised by name within a module, so two nested functions
of the same name would be judged together; there are none.
"""

import ast
import importlib
from pathlib import Path

import pytest

STATE = Path(__file__).resolve().parents[2] / "xlvphc" / "state"
MODULES = sorted(STATE.glob("*.py"))

# Service functions that touch no database and do no heavy work, so they
# may run on the loop, each with the reason.
PURE = {
    # Text of a hint about a typed number symbol (a computed var).
    "xlvphc.services.search_hints.number_hint",
    # The bytes of a fixed sample CSV.
    "xlvphc.services.account_import.template_csv",
    # Length limit and magic-bytes check of an uploaded image in memory.
    "xlvphc.services.feedback.check_screenshot",
    # The text of a refusal the upload box made in the browser.
    "xlvphc.services.feedback.rejected_upload",
    # The figures of one row of a report already built (in a thread).
    "xlvphc.services.reports.queries.table_values",
    # The text of the note when a unit is not in the group chosen.
    "xlvphc.services.reports.scope.unit_outside_group_note",
}
THREAD_RUNNERS = {"_call_in_thread", "to_thread"}
# Former synchronous helpers of SessionState, and what replaced them.
REPLACED = {
    "self._call": "await self._call_in_thread",
    "self._actor": "await self._actor_in_thread",
}
DATABASE_MODULES = ("sqlmodel", "sqlalchemy", "xlvphc.services.db")
FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)


def _dotted(node: ast.AST) -> str:
    """`a.b.c` of a Name/Attribute chain ("" for anything else)."""
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return ""
    parts.append(node.id)
    return ".".join(reversed(parts))


def _runner(call: ast.Call) -> bool:
    return _dotted(call.func).rsplit(".", 1)[-1] in THREAD_RUNNERS


def _imported(module: str, name: str) -> object:
    """What `from module import name` binds (a submodule or an attribute)."""
    parent = importlib.import_module(module)
    if hasattr(parent, name):
        return getattr(parent, name)
    return importlib.import_module(f"{module}.{name}")


def _service_function(root: object, chain: list[str]) -> str:
    """The qualified name of the service function or class a call reaches
    through `root.chain…`; "" when it is something else (a method of a
    constant); the call text when the chain cannot be followed (judged as a
    service call, to be safe)."""
    target = root
    for part in chain:
        if not hasattr(target, part):
            return ".".join(chain) or "?"
        target = getattr(target, part)
    module = getattr(target, "__module__", None) or ""
    if not callable(target) or not module.startswith("xlvphc.services"):
        return ""
    return f"{module}.{getattr(target, '__qualname__', '?')}"


class _Module:
    def __init__(self, path: Path, source: str | None = None) -> None:
        self.path = path
        text = path.read_text() if source is None else source
        self.tree = ast.parse(text, filename=str(path))
        self.services: dict[str, object] = {}
        self.database_imports: list[str] = []
        self.thread_names: set[str] = set()
        self.thread_lambdas: set[int] = set()
        self.parents: dict[int, ast.AST] = {}
        for node in ast.walk(self.tree):
            for child in ast.iter_child_nodes(node):
                self.parents[id(child)] = node
            self._note(node)

    def _note(self, node: ast.AST) -> None:
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module.startswith(DATABASE_MODULES):
                self.database_imports.append(node.module)
            if node.module.startswith("xlvphc.services"):
                for alias in node.names:
                    self.services[alias.asname or alias.name] = _imported(
                        node.module, alias.name
                    )
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith(DATABASE_MODULES):
                    self.database_imports.append(alias.name)
                if alias.name.startswith("xlvphc.services"):
                    top = alias.name.split(".")[0]
                    self.services[alias.asname or top] = importlib.import_module(
                        alias.name if alias.asname else top
                    )
        elif isinstance(node, ast.Call) and _runner(node):
            for arg in node.args[:1]:
                if isinstance(arg, ast.Name):
                    self.thread_names.add(arg.id)
                elif isinstance(arg, ast.Lambda):
                    self.thread_lambdas.add(id(arg))

    def _context(self, node: ast.AST) -> tuple[bool, bool]:
        """(inside a function at all, inside one that runs in a thread)."""
        inside = False
        while id(node) in self.parents:
            node = self.parents[id(node)]
            if not isinstance(node, FUNCTIONS):
                continue
            inside = True
            if id(node) in self.thread_lambdas or (
                not isinstance(node, ast.Lambda) and node.name in self.thread_names
            ):
                return True, True
        return inside, False

    def _where(self, node: ast.AST) -> str:
        return f"{self.path.name}:{node.lineno}"

    def findings(self) -> list[str]:
        out = []
        for node in ast.walk(self.tree):
            if not isinstance(node, ast.Call):
                continue
            name = _dotted(node.func)
            root, *chain = name.split(".") if name else [""]
            if _runner(node):
                parent = self.parents.get(id(node))
                awaited = isinstance(parent, ast.Await) or (
                    isinstance(parent, ast.Call)
                    and _dotted(parent.func) == "asyncio.create_task"
                )
                if not awaited:
                    out.append(f"{self._where(node)}: {name}(…) is not awaited")
                continue
            inside, in_thread = self._context(node)
            if not inside or in_thread:
                continue
            if name in REPLACED:
                out.append(f"{self._where(node)}: {name}(…), use {REPLACED[name]}")
            elif root in self.services:
                target = _service_function(self.services[root], chain)
                if target and target not in PURE:
                    out.append(f"{self._where(node)}: {name}(…) runs on the event loop")
            elif name in self.thread_names:
                out.append(f"{self._where(node)}: {name}(…) called outside a thread")
        out.sort(key=lambda line: int(line.split(":")[1]))
        return [
            f"{self.path.name}: imports {name} (database access from State)"
            for name in self.database_imports
        ] + out


def test_the_check_sees_every_state_module():
    names = {path.stem for path in MODULES}
    assert {"session", "cases", "accounts", "dashboard", "procedure"} <= names


@pytest.mark.parametrize("path", MODULES, ids=[p.stem for p in MODULES])
def test_no_service_call_runs_on_the_event_loop(path):
    assert _Module(path).findings() == []


def test_the_check_catches_what_it_is_meant_to():
    """The check itself, on a made-up state module with each kind of
    mistake (lines 9, 16, 17, 19, 21, 23) beside calls that are fine."""
    found = _Module(
        Path("probe.py"),
        "import asyncio\n"
        "from sqlmodel import select\n"
        "from xlvphc.services import accounts, search_hints\n"
        "from xlvphc.services.procedure import todo\n"
        "def _save(actor, form):\n"
        "    return accounts.update_user(actor, form)\n"
        "class S:\n"
        "    def load(self):\n"
        "        return accounts.list_users(None)\n"
        "    async def fine(self):\n"
        "        await self._call_in_thread(accounts.list_users)\n"
        "        await self._call_in_thread(lambda a: todo.todo_count(a))\n"
        "        await asyncio.to_thread(_save, None, {})\n"
        "        return search_hints.number_hint('x'), todo.KINDS.items()\n"
        "    async def forgot(self):\n"
        "        self._call_in_thread(accounts.list_users)\n"
        "        return _save(None, {})\n"
        "    def count(self):\n"
        "        return todo.todo_count(None)\n"
        "    def issued(self):\n"
        "        return accounts.IssuedPassword('a', 'b', 'c', 'd')\n"
        "    def old(self):\n"
        "        return self._call(accounts.list_users)\n",
    ).findings()
    assert found == [
        "probe.py: imports sqlmodel (database access from State)",
        "probe.py:9: accounts.list_users(…) runs on the event loop",
        "probe.py:16: self._call_in_thread(…) is not awaited",
        "probe.py:17: _save(…) called outside a thread",
        "probe.py:19: todo.todo_count(…) runs on the event loop",
        "probe.py:21: accounts.IssuedPassword(…) runs on the event loop",
        "probe.py:23: self._call(…), use await self._call_in_thread",
    ]
