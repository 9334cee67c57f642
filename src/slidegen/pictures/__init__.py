"""Pictures: find each one safely, process it (decode, orient, colour, resize, clean a board) in worker processes."""
