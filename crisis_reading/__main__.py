"""python -m crisis_reading COMMAND: the same as the crisis-reading command."""

import sys

from crisis_reading.cli import main

if __name__ == "__main__":
    sys.exit(main())
