"""Allow ``python -m nervelog``."""

from nervelog.cli import main

if __name__ == "__main__":
    main()
