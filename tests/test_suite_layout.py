"""The test folders have no __init__.py, so pytest imports each test module
by its file name alone: two modules of the same name in different folders
stop the whole run at collection. Guard it here, where it is cheap."""

from collections import Counter
from pathlib import Path


def test_test_module_names_are_unique():
    names = Counter(p.name for p in Path(__file__).parent.rglob("test_*.py"))
    assert [name for name, count in names.items() if count > 1] == []
