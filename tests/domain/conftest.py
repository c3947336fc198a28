"""Make the repository importable when pytest is started as `pytest tests/domain`.

`python -m pytest` (scripts/test.sh) puts the working directory on sys.path;
the bare `pytest` entry point does not, and these tests need nothing else.
"""

import sys
from pathlib import Path

_ROOT = str(Path(__file__).resolve().parents[2])
if _ROOT not in sys.path:
    sys.path.insert(0, _ROOT)
