"""``python -m marsad``: the same command line as ``marsad``."""

import sys

from marsad.cli import main

sys.exit(main())
