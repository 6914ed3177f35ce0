"""Allow ``python -m nervelog``."""

from nervelog.launch import main

if __name__ == "__main__":
    main()
