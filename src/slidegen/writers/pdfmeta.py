"""Finishes a PDF LibreOffice made: the deck's language and title in the catalogue, shown as the title.

LibreOffice tags the PDF (structure tree, figures with their alt text) but writes its own
locale, not the document's, as ``/Lang``; screen readers pick the voice from it, so it is set
here from the deck. pypdf is imported only when a PDF is made.
"""

from __future__ import annotations

import io


def finish(pdf: bytes, *, title: str, lang: str) -> bytes:
    """The PDF with ``/Lang`` = ``lang``, ``/Title`` = ``title``, both in its XMP metadata too, and
    viewers told to show the title rather than the file name."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import BooleanObject, DictionaryObject, NameObject, TextStringObject

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    root = writer.root_object
    root[NameObject("/Lang")] = TextStringObject(lang)
    prefs = root.get("/ViewerPreferences")
    prefs = prefs.get_object() if prefs is not None else DictionaryObject()
    prefs[NameObject("/DisplayDocTitle")] = BooleanObject(True)
    root[NameObject("/ViewerPreferences")] = prefs
    if title:
        writer.add_metadata({"/Title": title})
    writer.xmp_metadata = xmp(title, lang)
    stream = root["/Metadata"].get_object()
    assert isinstance(stream, DictionaryObject)  # the XMP stream just set above
    stream[NameObject("/Type")] = NameObject("/Metadata")
    stream[NameObject("/Subtype")] = NameObject("/XML")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def xmp(title: str, lang: str) -> bytes:
    """An XMP packet naming the document's title and language (Dublin Core), as PDF/UA asks."""
    from xml.sax.saxutils import escape

    from slidegen.untrusted import xml_safe

    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{escape(xml_safe(title))}</rdf:li></rdf:Alt></dc:title>'
        f"<dc:language><rdf:Bag><rdf:li>{escape(lang)}</rdf:li></rdf:Bag></dc:language>"
        '</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
    ).encode()
