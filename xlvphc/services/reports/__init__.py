"""Statistical reports of the XLVPHC reporting regime: the figures (queries),
and their Excel and PDF files."""
