"""The journal's vocabulary: scores, records, dates, validation (import the modules).

The package itself loads none of them, so a command loads only the ones it uses.
"""
