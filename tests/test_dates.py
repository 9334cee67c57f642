"""Dates read the same in every output and locale."""

import datetime as dt
import locale
import subprocess
import sys

from slidegen.dates import iso_date, long_date, short_date

DAY = dt.date(2009, 3, 7)


def test_the_three_forms():
    assert (long_date(DAY), short_date(DAY), iso_date(DAY)) == ("7 March 2009", "7 Mar 2009", "2009-03-07")
    assert long_date(None) == short_date(None) == iso_date(None) == ""


def test_a_foreign_locale_changes_nothing():
    # strftime's month names follow LC_TIME; ours must not. Run in a child so this process keeps its locale.
    german = next((name for name in locale.locale_alias.values() if name.startswith("de_DE")), "de_DE.UTF-8")
    code = ("import locale, datetime as dt\n"
            f"try: locale.setlocale(locale.LC_TIME, {german!r})\nexcept locale.Error: pass\n"
            "from slidegen.dates import long_date, short_date\n"
            "print(long_date(dt.date(2009, 5, 7)), '|', short_date(dt.date(2009, 10, 7)))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "7 May 2009 | 7 Oct 2009"
