"""Bringing earlier cases in from officers' Excel registers (issue 6).

`reader` turns a workbook into checked rows; `run` offers the template, the
dry run (`preview`) and the import (`import_rows`)."""

from xlvphc.services.importer.run import import_rows, preview, template

__all__ = ["import_rows", "preview", "template"]
