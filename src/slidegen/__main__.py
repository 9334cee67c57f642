"""``python -m slidegen``."""

import sys

from .cli import main

sys.exit(main())
