"""Finishes a PDF LibreOffice made: the deck's language and title in the catalogue, shown as the title.

LibreOffice tags the PDF (structure tree, figures with their alt text) but writes its own
locale, not the document's, as ``/Lang``; screen readers pick the voice from it, so it is set
here from the deck. pypdf is imported only when a PDF is made.
"""

from __future__ import annotations

import io


def finish(pdf: bytes, *, title: str, lang: str) -> bytes:
    """The PDF with ``/Lang`` = ``lang``, ``/Title`` = ``title`` and viewers told to show the title."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import BooleanObject, DictionaryObject, NameObject, TextStringObject

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    root = writer._root_object
    root[NameObject("/Lang")] = TextStringObject(lang)
    prefs = root.get("/ViewerPreferences")
    prefs = prefs.get_object() if prefs is not None else DictionaryObject()
    prefs[NameObject("/DisplayDocTitle")] = BooleanObject(True)
    root[NameObject("/ViewerPreferences")] = prefs
    if title:
        writer.add_metadata({"/Title": title})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
