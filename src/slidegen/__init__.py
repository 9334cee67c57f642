"""slidegen: posts with 'Slide N:' notes → PPTX decks, self-contained HTML slideshows and speaker notes."""

__version__ = "0.1.0"
