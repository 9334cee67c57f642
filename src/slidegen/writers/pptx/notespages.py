"""Notes pages for a handout: the slide on top, its notes below in a readable size, a footer, never cut.

LibreOffice prints a notes page as laid out in the file and cuts whatever overflows the notes box.
So each slide's notes are measured (``notesfit``: a pessimistic estimate of the lines they wrap
to) and split here over as many pages as they need; a continuation page repeats a smaller picture of the
slide and says "(continued)". Works on fragments (see ``package``): the same slide fragment
is used once per page, each with its own notes XML.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence

from lxml import etree

from slidegen.untrusted import xml_safe
from slidegen.writers.pptx.notesfit import FOOTER_PT, NOTES_PT, Geometry, geometry, paginate
from slidegen.writers.pptx.package import Fragment

_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_P = "http://schemas.openxmlformats.org/presentationml/2006/main"
A, P = f"{{{_A}}}", f"{{{_P}}}"


# --- reading and cutting paragraphs -----------------------------------------------------------


def paragraph_texts(notes_xml: bytes) -> list[str]:
    """The text of every paragraph of the notes body, line breaks as newlines."""
    body = _body(etree.fromstring(notes_xml))
    if body is None:
        return []
    return [_text_of(p) for p in body.iter(f"{A}p")]


def _text_of(p) -> str:
    out = []
    for child in p:
        if child.tag in (f"{A}r", f"{A}fld"):
            out.append(child.findtext(f"{A}t") or "")
        elif child.tag == f"{A}br":
            out.append("\n")
    return "".join(out)


def _piece(p, start: int, end: int):
    """A copy of paragraph ``p`` holding only its characters from ``start`` to ``end``."""
    p = copy.deepcopy(p)
    pos = 0
    for child in list(p):
        if child.tag in (f"{A}r", f"{A}fld"):
            t = child.find(f"{A}t")
            text = (t.text or "") if t is not None else ""
            lo, hi = max(start, pos), min(end, pos + len(text))
            if hi <= lo:
                p.remove(child)
            else:
                t.text = text[lo - pos : hi - pos]
            pos += len(text)
        elif child.tag == f"{A}br":
            if not start <= pos < end:
                p.remove(child)
            pos += 1
    return p


def _body(root):
    for sp in root.iter(f"{P}sp"):
        ph = sp.find(f"{P}nvSpPr/{P}nvPr/{P}ph")
        if ph is not None and ph.get("type") == "body":
            return sp.find(f"{P}txBody")
    return None


# --- writing ----------------------------------------------------------------------------------


def notes_pages(
    fragment: Fragment,
    number: int,
    total: int,
    title: str,
    lang: str,
    page: tuple[int, int],
    slide: tuple[int, int],
    fallback: Sequence[str] = (),
) -> list[Fragment]:
    """The fragment once per notes page it needs, each page's notes laid out with its footer.

    ``fallback`` is the note as plain paragraphs, printed when the slide's notes have no notes box.
    """
    first, rest = geometry(page, slide, False), geometry(page, slide, True)
    source = fragment.notes_xml
    if source is None or _body(etree.fromstring(source)) is None:
        source = _plain_notes(fallback)
    pieces = paginate(paragraph_texts(source), first, rest)
    out = []
    for index, piece in enumerate(pieces):
        where = rest if index else first
        footer = f"{_short(title)} · slide {number} of {total}" + (" (continued)" if index else "")
        xml = _page_xml(source, piece, where, footer, lang)
        out.append(Fragment(fragment.slide_xml, fragment.slide_rels, xml, fragment.notes_rels))
    return out


def _page_xml(source: bytes, piece: list[tuple[int, int, int]], where: Geometry, footer: str, lang: str) -> bytes:
    root = etree.fromstring(source)
    tree = root.find(f"{P}cSld/{P}spTree")
    paragraphs = list(_body(root).iter(f"{A}p")) if _body(root) is not None else []
    for sp in list(tree.iter(f"{P}sp")):
        ph = sp.find(f"{P}nvSpPr/{P}nvPr/{P}ph")
        kind = ph.get("type") if ph is not None else None
        if kind == "sldImg":
            _place(sp, where.slide)
        elif kind == "body":
            _place(sp, where.notes)
            body = sp.find(f"{P}txBody")
            for p in body.findall(f"{A}p"):
                body.remove(p)
            _body_style(body)
            for index, start, end in piece:
                body.append(_readable(_piece(paragraphs[index], start, end), lang))
            if body.find(f"{A}p") is None:
                body.append(etree.Element(f"{A}p"))
        else:
            tree.remove(sp)  # slide number, header, date: the footer says it for every page
    tree.append(_footer(footer, where.footer, lang, _free_id(tree)))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _place(sp, box: tuple[int, int, int, int]) -> None:
    sppr = sp.find(f"{P}spPr")
    for old in sppr.findall(f"{A}xfrm"):
        sppr.remove(old)
    xfrm = etree.Element(f"{A}xfrm")
    etree.SubElement(xfrm, f"{A}off", x=str(box[0]), y=str(box[1]))
    etree.SubElement(xfrm, f"{A}ext", cx=str(box[2]), cy=str(box[3]))
    sppr.insert(0, xfrm)


def _body_style(body) -> None:
    """Top-anchored, wrapped, never shrunk by autofit and never spilling: the split already fits."""
    body_pr = body.find(f"{A}bodyPr")
    for child in list(body_pr):
        body_pr.remove(child)
    body_pr.attrib.clear()
    body_pr.set("wrap", "square")
    body_pr.set("anchor", "t")
    etree.SubElement(body_pr, f"{A}noAutofit")


def _readable(p, lang: str):
    """Prose at the handout's size: no bullet, no hanging indent, a little space after."""
    ppr = p.find(f"{A}pPr")
    if ppr is None:
        ppr = etree.Element(f"{A}pPr")
        p.insert(0, ppr)
    ppr.set("marL", "0")
    ppr.set("indent", "0")
    for child in list(ppr):
        if child.tag in (f"{A}spcAft", f"{A}spcBef", f"{A}buNone", f"{A}buChar", f"{A}buAutoNum"):
            ppr.remove(child)
    after = etree.SubElement(ppr, f"{A}spcAft")
    etree.SubElement(after, f"{A}spcPts", val=str(NOTES_PT * 50))
    etree.SubElement(ppr, f"{A}buNone")
    for tag in ("r", "fld"):
        for run in p.iter(f"{A}{tag}"):
            rpr = run.find(f"{A}rPr")
            if rpr is None:
                rpr = etree.Element(f"{A}rPr")
                run.insert(0, rpr)
            rpr.set("sz", str(NOTES_PT * 100))
            rpr.set("lang", lang)
    return p


def _footer(text: str, box: tuple[int, int, int, int], lang: str, shape_id: int):
    sp = etree.Element(f"{P}sp")
    nv = etree.SubElement(sp, f"{P}nvSpPr")
    etree.SubElement(nv, f"{P}cNvPr", id=str(shape_id), name="Handout Footer")
    etree.SubElement(nv, f"{P}cNvSpPr", txBox="1")
    etree.SubElement(nv, f"{P}nvPr")
    sppr = etree.SubElement(sp, f"{P}spPr")
    etree.SubElement(etree.SubElement(sppr, f"{A}prstGeom", prst="rect"), f"{A}avLst")
    _place(sp, box)
    body = etree.SubElement(sp, f"{P}txBody")
    etree.SubElement(body, f"{A}bodyPr", wrap="none", anchor="b")
    etree.SubElement(body, f"{A}lstStyle")
    p = etree.SubElement(body, f"{A}p")
    etree.SubElement(p, f"{A}pPr", algn="ctr")
    run = etree.SubElement(p, f"{A}r")
    rpr = etree.SubElement(run, f"{A}rPr", lang=lang, sz=str(FOOTER_PT * 100))
    fill = etree.SubElement(rpr, f"{A}solidFill")
    etree.SubElement(fill, f"{A}srgbClr", val="595959")  # 7:1 on white
    etree.SubElement(run, f"{A}t").text = xml_safe(text)
    return sp


def _free_id(tree) -> int:
    ids = [int(el.get("id")) for el in tree.iter(f"{P}cNvPr") if (el.get("id") or "").isdigit()]
    return max(ids, default=1) + 1


def _short(title: str, limit: int = 70) -> str:
    title = " ".join(title.split())
    return title if len(title) <= limit else title[: limit - 1].rsplit(" ", 1)[0] + "…"


def empty_notes() -> bytes:
    """A notes page with a slide picture and an empty notes box, for a slide that had none."""
    return _EMPTY_NOTES


def _plain_notes(paragraphs) -> bytes:
    root = etree.fromstring(_EMPTY_NOTES)
    body = _body(root)
    for p in body.findall(f"{A}p"):
        body.remove(p)
    for text in paragraphs or [""]:
        p = etree.SubElement(body, f"{A}p")
        for n, line in enumerate(text.split("\n")):
            if n:
                etree.SubElement(p, f"{A}br")
            if line:
                etree.SubElement(etree.SubElement(p, f"{A}r"), f"{A}t").text = xml_safe(line)
    return etree.tostring(root)


_EMPTY_NOTES = (
    b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    b'<p:notes xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    b'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
    b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><p:cSld><p:spTree>'
    b'<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>'
    b'<p:sp><p:nvSpPr><p:cNvPr id="2" name="Slide Image Placeholder 1"/><p:cNvSpPr><a:spLocks noGrp="1"/>'
    b'</p:cNvSpPr><p:nvPr><p:ph type="sldImg"/></p:nvPr></p:nvSpPr><p:spPr/></p:sp>'
    b'<p:sp><p:nvSpPr><p:cNvPr id="3" name="Notes Placeholder 2"/><p:cNvSpPr><a:spLocks noGrp="1"/>'
    b'</p:cNvSpPr><p:nvPr><p:ph type="body" idx="1"/></p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/>'
    b"<a:lstStyle/><a:p/></p:txBody></p:sp></p:spTree></p:cSld></p:notes>"
)
