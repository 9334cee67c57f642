"""The PPTX writer: template preparation, per-slide rendering with python-pptx, and package assembly."""
