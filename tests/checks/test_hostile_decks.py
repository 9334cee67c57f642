"""``slidegen check`` on damaged and hostile decks: a finding list or one line of error, never a crash or a hang."""

from __future__ import annotations

import zipfile

import pytest

from checks.test_rules import clean_deck
from slidegen.checks import CheckError, check_file

P_NS = 'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"'
A_NS = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'

SLIDES = {
    "not xml": b"this is not XML at all",
    "empty slide element": f"<p:sld {P_NS}/>".encode(),
    "no shape tree": f"<p:sld {P_NS}><p:cSld/></p:sld>".encode(),
    "entity expansion": (
        b'<?xml version="1.0"?><!DOCTYPE p:sld [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
        + f"<p:sld {P_NS}><p:cSld><p:spTree>&c;</p:spTree></p:cSld></p:sld>".encode()
    ),
    "external entity": (
        b'<?xml version="1.0"?><!DOCTYPE p:sld [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        + f"<p:sld {P_NS}><p:cSld><p:spTree>&x;</p:spTree></p:cSld></p:sld>".encode()
    ),
    "nonsense attributes": (
        f'<p:sld {P_NS} {A_NS}><p:cSld><p:spTree><p:sp><p:nvSpPr><p:cNvPr id="x" name="T"/>'
        '<p:cNvSpPr/><p:nvPr><p:ph type="title" idx="-1"/></p:nvPr></p:nvSpPr><p:spPr><a:xfrm>'
        '<a:off x="huge" y=""/><a:ext cx="-5" cy="1e99"/></a:xfrm></p:spPr><p:txBody><a:bodyPr>'
        '<a:normAutofit fontScale="lots"/></a:bodyPr><a:p><a:pPr lvl="99"/><a:r><a:rPr sz="-3">'
        '<a:solidFill><a:schemeClr val="nothing"><a:lumMod val="zz"/></a:schemeClr></a:solidFill>'
        "</a:rPr><a:t>Title</a:t></a:r></a:p></p:txBody></p:sp></p:spTree></p:cSld></p:sld>"
    ).encode(),
}


@pytest.mark.parametrize("name", SLIDES)
def test_a_hostile_slide_gives_findings_or_one_error(tmp_path, name):
    clean_deck(1).save(tmp_path / "good.pptx")
    with zipfile.ZipFile(tmp_path / "good.pptx") as src, zipfile.ZipFile(tmp_path / "bad.pptx", "w") as dst:
        for info in src.infolist():
            data = SLIDES[name] if info.filename == "ppt/slides/slide1.xml" else src.read(info)
            dst.writestr(info, data)
    try:
        findings = check_file(tmp_path / "bad.pptx")
    except CheckError as exc:
        assert "\n" not in str(exc) and "passwd" not in str(exc)
    else:
        assert all(f.slide == 1 for f in findings)
        assert "root:" not in " ".join(f.message for f in findings)
