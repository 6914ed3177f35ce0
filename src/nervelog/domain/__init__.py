"""The journal's vocabulary: scores, records, dates and validation. No I/O, no UI.

Import from the submodules (``nervelog.domain.dates``, ``.models``, ``.scores``...):
the package loads none of them itself, so a command loads only the ones it uses.
"""
