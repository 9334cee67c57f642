"""Local web servers over the build pipeline: the live preview (serve)."""
