"""XLVPHC: the provincial database on handling administrative violations."""
