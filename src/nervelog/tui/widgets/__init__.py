"""Widgets: they only receive data and post messages; screens talk to the journal."""
