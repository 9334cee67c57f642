"""Dates read the same in every output and locale."""

import datetime as dt
import re
from pathlib import Path

import slidegen
from slidegen.dates import iso_date, long_date, short_date

DAY = dt.date(2009, 3, 7)
_LOCALE_FORMAT = re.compile(r"%[aAbBcxXp]\b|\{[^{}]*:[^{}]*%[aAbBcxp][^{}]*\}")


def test_the_three_forms():
    assert (long_date(DAY), short_date(DAY), iso_date(DAY)) == ("7 March 2009", "7 Mar 2009", "2009-03-07")
    assert long_date(None) == short_date(None) == iso_date(None) == ""


def test_no_module_names_months_or_days_through_the_locale():
    # strftime's %a %A %b %B %c %x %p follow LC_TIME: "7 März 2009" on a German desktop.
    sources = Path(slidegen.__file__).parent.rglob("*.py")
    found = [f"{p.name}: {m.group()}" for p in sources for m in _LOCALE_FORMAT.finditer(p.read_text("utf-8"))]
    assert not found
