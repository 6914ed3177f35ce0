"""nervelog: a private terminal journal for nerve symptoms and therapy sessions."""

__version__ = "0.1.0"
