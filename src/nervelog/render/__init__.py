"""Charts and reports drawn from the journal: text, Markdown and PDF.

plotext and fpdf2 are imported only inside the functions that need them.
"""
