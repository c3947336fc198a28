"""Official forms (Decree 118/2021 appendix) rendered to PDF bytes from plain data."""
