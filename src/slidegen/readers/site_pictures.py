"""Jekyll (Liquid) and Hugo picture references in a Markdown post, rewritten as plain picture paths.

``{{ '/assets/x.png' | relative_url }}`` and ``{% link assets/x.png %}`` become ``/assets/x.png``;
``{{< figure src="/x.png" alt="…" >}}`` (also ``{{% … %}}``, ``img``, ``image``) becomes
``![…](/x.png)``, and so does the Minimal Mistakes theme's ``{% include figure image_path="…" %}``.
Liquid tags that only steer the template (``capture``, ``assign``, ``if`` …) are dropped rather
than read as prose. Nothing of a template language is run. Lines keep their count
and fenced code is left alone, so the reader's line numbers still point into the post.
"""

from __future__ import annotations

import re

_FENCE = re.compile(r"^\s*(```|~~~)")
# Every pattern stops at the next brace and runs a bounded length, so a post of unclosed "{{<"
# costs linear time, not quadratic.
# {{ '/x.png' | relative_url }}, {{ "x.png" | prepend: site.baseurl }}
_LIQUID_FILTER = re.compile(
    r"""\{\{-?\s*(['"])(?P<path>[^'"{}\n]{1,500})\1\s*(?:\|\s*(?:relative_url|absolute_url|"""
    r"""prepend:\s*site\.(?:baseurl|url))\s*)+-?\}\}"""
)
# {% link assets/x.png %}: a path from the site's root
_LIQUID_LINK = re.compile(r"\{%-?\s*link\s+(?P<path>[^\s%]{1,500})\s*-?%\}")
# {% include figure image_path="/x.png" alt="…" caption="…" %}
_LIQUID_FIGURE = re.compile(r"\{%-?\s*include\s+figure\s+(?P<attrs>[^{}%]{0,2000})%\}")
# {% capture x %}, {% endcapture %}, {% assign … %}, {% if … %} …: template steering, never prose
_LIQUID_STEERING = re.compile(
    r"\{%-?\s*(?:capture|endcapture|assign|if|elsif|else|endif|unless|endunless|for|"
    r"endfor|include|raw|endraw)\b[^{}%]{0,500}%\}"
)
# {{ site.baseurl }}/x.png, {{ site.url }}{{ site.baseurl }}/x.png: the site's own prefix
_SITE_PREFIX = re.compile(r"\{\{-?\s*site\.(?:baseurl|url)\s*-?\}\}")
_HUGO = re.compile(
    r"\{\{(?P<open>[<%])\s*(?:figure|img|image)\s+(?P<attrs>[^{}]{0,2000}?)/?(?P=open)?\}\}", re.IGNORECASE
)
_ATTR = re.compile(r"""(?P<key>[\w-]+)\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s"']+))""")


def plain_pictures(text: str) -> str:
    """The post with its Liquid and Hugo picture references written as plain Markdown pictures."""
    if "{{" not in text and "{%" not in text:
        return text
    out: list[str] = []
    prose: list[str] = []
    fenced = False
    for line in text.split("\n"):
        fence = bool(_FENCE.match(line))
        if not fenced and not fence:
            prose.append(line)
            continue
        if prose:
            out.append(_rewrite("\n".join(prose)))
            prose = []
        out.append(line)
        fenced ^= fence
    if prose:
        out.append(_rewrite("\n".join(prose)))
    return "\n".join(out)


def _rewrite(text: str) -> str:
    if not text:
        return text
    text = _LIQUID_FILTER.sub(lambda m: m.group("path"), text)
    text = _LIQUID_LINK.sub(lambda m: "/" + m.group("path").lstrip("/"), text)
    text = _LIQUID_FIGURE.sub(lambda m: _picture(m, "image_path"), text)
    text = _LIQUID_STEERING.sub("", text)
    text = _SITE_PREFIX.sub("", text)
    return _HUGO.sub(lambda m: _picture(m, "src"), text)


def _picture(m: re.Match, key: str) -> str:
    """A shortcode's attributes as a Markdown picture, keeping the shortcode's line breaks."""
    attrs = {
        a.group("key").lower(): a.group("dq")
        if a.group("dq") is not None
        else a.group("sq")
        if a.group("sq") is not None
        else a.group("bare")
        for a in _ATTR.finditer(m.group("attrs"))
    }
    src = (attrs.get(key) or "").strip()
    if not src:
        return m.group(0)
    alt = " ".join((attrs.get("alt") or attrs.get("caption") or attrs.get("title") or "").split())
    alt = alt.replace("[", "(").replace("]", ")")
    target = f"<{src}>" if " " in src else src
    return f"![{alt}]({target})" + "\n" * m.group(0).count("\n")
