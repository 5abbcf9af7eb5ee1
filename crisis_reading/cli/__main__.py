import sys

from crisis_reading.cli import main

sys.exit(main())
