"""Notebook display of reports: the HTML report, isolated in an ``iframe``."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from flowdown._flowdown import Report


def report_html(report: Report) -> str:
    """The HTML report (``flowdown check --format html``) in an ``iframe``, so that its styles
    stay inside it.

    >>> import flowdown
    >>> html = flowdown.check_text("Lunch is at noon.")._repr_html_()
    >>> html.startswith('<iframe class="flowdown-report" srcdoc="&lt;!DOCTYPE html&gt;')
    True
    """
    page = escape(report.to_html(), quote=True)
    rows = len(report.documents) + len(report.declarations)
    height = min(900, 240 + 48 * rows)
    return (
        f'<iframe class="flowdown-report" srcdoc="{page}" '
        f'style="width:100%;height:{height}px;border:0"></iframe>'
    )
