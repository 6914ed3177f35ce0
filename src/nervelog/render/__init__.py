"""Charts and reports drawn from the journal: text, Markdown and PDF.

plotext, fpdf2 and matplotlib are imported only inside the functions that need them.
"""
