"""Notebook display of reports: a compact HTML table (one row per document)."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from flowdown._flowdown import Report

_COLOURS = {
    "satisfied": "#1a7f37",
    "weak": "#9a6700",
    "excluded": "#cf222e",
    "removed": "#8250df",
    "missing": "#cf222e",
}


def report_html(report: Report) -> str:
    """A compact table: one row per document, one cell per requirement status.

    >>> import flowdown
    >>> html = flowdown.check_text("Lunch is at noon.")._repr_html_()
    >>> html.startswith("<div class=\\"flowdown-report\\">")
    True
    """
    docs = report.documents
    ids: list[str] = []
    for d in docs:
        if d.requirements:
            ids = [r.id for r in d.requirements]
            break
    head = "".join(f"<th>{escape(i)}</th>" for i in ids)
    rows = []
    for d in docs:
        cells = [f"<td>{escape(d.path)}</td>"]
        if d.error is not None:
            cells.append(
                f'<td colspan="{len(ids) + 1}">error[{escape(d.error.kind)}]: '
                f"{escape(d.error.message)}</td>"
            )
        else:
            verdict = "compliant" if d.compliant else "not compliant"
            cells.append(f"<td>{verdict}</td>")
            for r in d.requirements:
                colour = _COLOURS.get(r.status, "inherit")
                title = escape(r.reason, quote=True)
                cells.append(
                    f'<td title="{title}" style="color:{colour}">{escape(r.status)}</td>'
                )
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return (
        '<div class="flowdown-report">'
        f"<p>pack {escape(report.pack_id)} {escape(report.pack_version)}, "
        f"{len(docs)} document(s)</p>"
        f"<table><thead><tr><th>path</th><th>verdict</th>{head}</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )
