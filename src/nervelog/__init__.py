"""nervelog: a private terminal journal for nerve symptoms and therapy sessions."""

# First, before anything can import sqlite-utils: it must see the driver (see driver.py).
from nervelog import driver as _driver  # noqa: F401

__version__ = "0.1.0"
