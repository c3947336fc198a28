"""One module per form of the Phụ lục to Nghị định 118/2021/NĐ-CP.

Each module holds the form's wording and a `SPEC` (see
`documents.template`); `documents.registry` finds them all.
"""
