"""python -m ranpe: the command line."""

import sys

from ranpe.cli import main

sys.exit(main())
