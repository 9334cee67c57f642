"""The live-reload listener ``slidegen serve`` asks the HTML writers to put in their pages.

It is one line of our own script, allowed by its hash like the theme's script, and it may only
connect back to the page's own origin; no page built by ``slidegen build`` carries it.
"""

from __future__ import annotations

import json


def reload_script(url: str) -> str:
    """Script that reloads the page when the server at ``url`` (same origin) sends a "reload" event."""
    return f'new EventSource({json.dumps(url)}).addEventListener("reload",function(){{location.reload()}});'
