"""How a post's date is shown, the same in every output and every locale (never ``strftime``'s names)."""

from __future__ import annotations

import datetime as dt

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def long_date(date: dt.date | None) -> str:
    """``7 March 2009`` (PPTX title slide, slideshow byline); unambiguous in every country."""
    return f"{date.day} {MONTHS[date.month - 1]} {date.year}" if date else ""


def short_date(date: dt.date | None) -> str:
    """``7 Mar 2009`` (the index page's list)."""
    return f"{date.day} {MONTHS[date.month - 1][:3]} {date.year}" if date else ""


def iso_date(date: dt.date | None) -> str:
    """``2009-03-07`` for machines (``<time datetime>``, notes bylines, JSON); empty when there is none."""
    return date.isoformat() if date else ""
