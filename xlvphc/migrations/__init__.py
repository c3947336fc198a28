"""Alembic migrations of the XLVPHC schema (run by `python -m xlvphc.cli setup`)."""
