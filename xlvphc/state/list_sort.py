"""The sort a list's state holds, read back to what its service sorts by.

The headings and the «Sắp xếp theo» picker (components/data_table.py) show
the state's `sort` and `dir`; the service reads them through its own
allow-list (case_queries._sort_of, monitoring._sort_of). A link such as
/ho-so?sort=xyz&dir=desc listed in the default order while the picker,
which shows its first column for a value it lacks, read «Số biên bản» with
«↓ Giảm dần» (user trial on a phone). So the state keeps only what the
service uses: an allow-listed column, and "asc" or "desc"."""

from collections.abc import Container


def normal_sort(
    filters: dict[str, str], allowed: Container[str], default_dir: str
) -> dict[str, str]:
    """`filters` with an unknown column dropped (with its direction: the
    list's default order, «Mặc định»), and a known column's direction
    "asc" or "desc", `default_dir` for anything else (as its service reads
    it)."""
    out = {k: v for k, v in filters.items() if k not in ("sort", "dir")}
    key = filters.get("sort", "")
    if key and key in allowed:
        direction = filters.get("dir", "")
        out["sort"] = key
        out["dir"] = direction if direction in ("asc", "desc") else default_dir
    return out
