"""Shared fixtures; the toolkit beside this file holds the factories."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
