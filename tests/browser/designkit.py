"""Helpers for the design tests: the screen sizes, each view opened, and what overflows in it."""

from __future__ import annotations

from browser.showkit import wait_until

#: Phone portrait (small and common), phone landscape, the 700 px embed and a presenting screen.
SIZES = [(320, 640), (390, 844), (844, 390), (700, 437), (1920, 1080)]
VIEWS = ("slide", "text", "cover", "overview", "reader", "help")

# Elements that must never overflow their box, the page's width, or their frame: a clipped
# button label, a title cut off, a picture spilling out of its slide.
OVERFLOWS = """(reader) => {
  const bad = [], W = innerWidth;
  const shown = e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0
    && getComputedStyle(e).visibility !== 'hidden' && !e.closest('[inert]'); };
  const name = e => (e.id || e.className || e.tagName) + (e.dataset.act ? '[' + e.dataset.act + ']' : '');
  const sg = document.getElementById('sg'), inOverview = !!sg && sg.classList.contains('is-overview');
  for (const e of document.querySelectorAll('button, .sg-count, .sg-heading, .sg-title, .sg-byline, '
      + '.sg-help dt, .sg-help dd, .sg-num, .sp-time, .sp-clock, #sp-pos' + (inOverview ? '' : ', .sg-text'))) {
    if (!shown(e)) continue;
    if (e.scrollWidth > e.clientWidth + 1) bad.push('clipped across: ' + name(e));
    const clips = getComputedStyle(e).overflowY !== 'auto';
    if (clips && e.scrollHeight > e.clientHeight + 1) bad.push('clipped down: ' + name(e));
  }
  for (const e of document.querySelectorAll('body *')) {
    if (!shown(e) || e.closest('.sg-deck') && inOverview) continue;
    const r = e.getBoundingClientRect();
    if (r.right > W + 1 || r.left < -1) bad.push('outside the window: ' + name(e));
  }
  for (const f of document.querySelectorAll('.sg-frame')) {
    if (!shown(f)) continue;
    const fr = f.getBoundingClientRect();
    for (const c of f.children) {
      if (!shown(c)) continue;
      const r = c.getBoundingClientRect();
      if (r.left < fr.left - 1 || r.right > fr.right + 1 || r.top < fr.top - 1 || r.bottom > fr.bottom + 1)
        bad.push('outside its slide: ' + name(c));
    }
  }
  const page = document.scrollingElement;
  if (!reader && (page.scrollHeight > page.clientHeight + 1 || page.scrollWidth > page.clientWidth + 1))
    bad.push('the page scrolls');
  if (reader && page.scrollWidth > page.clientWidth + 1) bad.push('the page scrolls sideways');
  return bad;
}"""


def open_view(show, view: str, text_slide: int = 1) -> None:
    """Puts an open show into ``view``: a picture slide, a text slide, the cover, overview, reader or help."""
    page = show.page
    hashes = {
        "slide": "#2",
        "text": f"#{text_slide}",
        "cover": "#0",
        "overview": "#2",
        "reader": "#notes",
        "help": "#2",
    }
    page.evaluate(f"location.hash = '{hashes[view]}'")
    if view != "reader":
        wait_until(page, f"document.querySelector('.is-current') && location.hash === '{hashes[view]}'")
    if view == "overview":
        page.keyboard.press("o")
    elif view == "help":
        page.keyboard.press("?")
    page.evaluate("Promise.all([...document.images].map(i => i.decode().catch(() => 0)))")


def close_view(show, view: str) -> None:
    if view in ("overview", "help"):
        show.page.keyboard.press("Escape")
    elif view == "reader":
        show.page.keyboard.press("n")
