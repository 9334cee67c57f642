"""The HTML slideshow writer: page, notes as safe HTML, and themes."""
