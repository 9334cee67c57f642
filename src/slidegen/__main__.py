"""``python -m slidegen``."""

import sys

from slidegen.cli import main

sys.exit(main())
