import sys

from crisis_reading.grading.cli import main

if __name__ == "__main__":  # worker processes import this module again; only the command runs it
    sys.exit(main())
