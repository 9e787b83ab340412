"""A picture of the timeline: dated events on a time axis, as PNG bytes.

Drawn with Pillow, imported only when a briefing has :data:`MIN_EVENTS` or more
events with a year. Each event is a dot (a range, a bar) labelled with its date in
English and, when a CJK font is on the machine, the date as the source wrote it
(2024年7月21日). Labels are stacked in rows so none overlaps another; at most
:data:`MAX_LABELS` dates are labelled (the first, the last, then the busiest), the rest
are dots. Axis ticks are spaced by the width of their labels, and a tick label that
would touch another is left out. :func:`text_boxes` gives every drawn text's box, so a
test can check that none overlaps. The same events and fonts give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import math
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

from briefgen.model import Event
from briefgen.render.context import event_date_text

MIN_EVENTS = 3
MAX_LABELS = 12  # dates labelled on the picture; the others are dots on the axis
WIDTH, MARGIN, ROW = 1800, 60, 92
INK, AXIS, ACCENT = (34, 34, 34), (120, 130, 140), (31, 58, 95)

# Fonts that have kana and kanji, on Linux, Windows and macOS, in that order.
CJK_FONTS = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/ipafont-gothic/ipagp.ttf",
    "C:/Windows/Fonts/YuGothM.ttc",
    "C:/Windows/Fonts/msgothic.ttc",
    "/System/Library/Fonts/ヒラギノ角ゴシック W3.ttc",
    "/System/Library/Fonts/Hiragino Sans GB.ttc",
)
LATIN_FONTS = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "C:/Windows/Fonts/arial.ttf",
    "/System/Library/Fonts/Supplemental/Arial.ttf",
    "/Library/Fonts/Arial.ttf",
)


def _position(iso: str) -> float | None:
    """A date as a fractional year (2024-07-21 → 2024.55); ``None`` without a year."""
    if iso.startswith("--"):
        return None
    parts = [int(p) for p in iso.split("-")]
    year = parts[0]
    month = parts[1] if len(parts) > 1 else 7  # a bare year sits mid-year
    day = parts[2] if len(parts) > 2 else 15 if len(parts) > 1 else 1
    start = dt.date(year, 1, 1).toordinal()
    days = dt.date(year, month, day).toordinal() - start
    return year + days / (366 if year % 4 == 0 else 365)


def dated(events: Sequence[Event]) -> list[tuple[float, float, Event]]:
    """(start, end, event) for the events with a year, in date order."""
    found = []
    for event in events:
        start_text, _, end_text = event.date.partition("/")
        start = _position(start_text)
        end = _position(end_text) if end_text else start
        if start is not None and end is not None:
            found.append((start, end, event))
    return sorted(found, key=lambda item: (item[0], item[1]))


@cache
def _font(size: int, cjk: bool) -> tuple[Any, bool]:
    """(font, has kana and kanji) of the given pixel size."""
    from PIL import ImageFont

    for path in (CJK_FONTS if cjk else ()) + LATIN_FONTS:
        if Path(path).is_file():
            return ImageFont.truetype(path, size), path in CJK_FONTS
    return ImageFont.load_default(size=size), False


_MONTH_STEPS = (1, 2, 3, 4, 6, 12)
_YEAR_STEPS = (1, 2, 5, 10, 20, 25, 50, 100, 200, 500)


def _ticks(low: float, high: float, pixels: float, label_width: float) -> tuple[list[float], str]:
    """Tick positions and how to label them ("year" or "month"): the smallest step
    whose ticks stand at least a label's width (plus a gap) apart over ``pixels``."""
    span = max(high - low, 1e-6)
    per_year = pixels / span
    if span <= 1.5:
        for months in _MONTH_STEPS:
            if months / 12 * per_year >= label_width + 24:
                first = math.ceil(low * 12 / months) * months / 12
                count = int((high - first) * 12 / months) + 1
                return [first + k * months / 12 for k in range(count)], "month"
    step = next((s for s in _YEAR_STEPS if s * per_year >= label_width + 24), _YEAR_STEPS[-1])
    first = math.ceil(low / step) * step
    return [float(y) for y in range(first, int(high) + 1, step)], "year"


def _segments(items: list[tuple[float, float, Event]]) -> list[tuple[float, float]]:
    """Stretches of time the events fall in: a gap longer than a third of the whole
    span (1943, then 2024–2025) breaks the axis, so a far-off event cannot squeeze
    the rest into a corner."""
    points = sorted({p for start, end, _ in items for p in (start, end)})
    span = max(points[-1] - points[0], 1e-6)
    segments = [[points[0], points[0]]]
    for point in points[1:]:
        if point - segments[-1][1] > max(span / 3, 2):
            segments.append([point, point])
        else:
            segments[-1][1] = point
    padded = []
    for low, high in segments:
        pad = max((high - low) * 0.06, 0.08)
        padded.append((low - pad, high + pad))
    return padded


def _labelled(items: list[tuple[float, float, Event]], counts: dict[str, int]) -> set[str]:
    """The dates that get a label, :data:`MAX_LABELS` at most: the first and the last,
    then those with the most events, those the text dates in full, the latest."""

    def priority(item: tuple[float, float, Event]) -> tuple[int, int, int, float]:
        event = item[2]
        ends = item is items[0] or item is items[-1]
        return (ends, counts[event.date], event.resolution == "explicit", item[0])

    return {item[2].date for item in sorted(items, key=priority, reverse=True)[:MAX_LABELS]}


Box = tuple[float, float, float, float]  # left, top, right, bottom, in pixels


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def timeline_png(events: Sequence[Event], original_labels: bool = True) -> bytes | None:
    """The picture, or ``None`` with fewer than :data:`MIN_EVENTS` dated events."""
    drawn = _draw(events, original_labels)
    if drawn is None:
        return None
    out = io.BytesIO()
    drawn[0].save(out, format="PNG", optimize=False)
    return out.getvalue()


def text_boxes(events: Sequence[Event], original_labels: bool = True) -> list[tuple[str, Box]]:
    """Every text the picture holds and the box it was drawn in (Pillow's own
    measure of the drawn text): none overlaps another. Empty without a picture."""
    drawn = _draw(events, original_labels)
    return drawn[1] if drawn else []


def _draw(
    events: Sequence[Event], original_labels: bool
) -> tuple[Any, list[tuple[str, Box]]] | None:
    items, seen = [], set()
    counts: dict[str, int] = {}
    for item in dated(events):  # one mark per date, however many events it has
        counts[item[2].date] = counts.get(item[2].date, 0) + 1
        if item[2].date not in seen:
            seen.add(item[2].date)
            items.append(item)
    if len(items) < MIN_EVENTS:
        return None
    from PIL import Image, ImageDraw

    font, cjk = _font(26, original_labels)
    small, _ = _font(22, original_labels)
    segments = _segments(items)
    gap = 40  # pixels between two stretches of the axis
    usable = WIDTH - 2 * MARGIN - gap * (len(segments) - 1)
    spans = [high - low for low, high in segments]
    # Each stretch gets width by its span, but never under a tenth of the whole.
    shares = [max(s / sum(spans), 0.1) for s in spans]
    widths = [usable * share / sum(shares) for share in shares]
    lefts = [MARGIN + sum(widths[:k]) + gap * k for k in range(len(segments))]

    def x(position: float) -> int:
        for (low, high), start, size in zip(segments, lefts, widths, strict=True):
            if low <= position <= high:
                return round(start + (position - low) / (high - low) * size)
        return MARGIN

    # Labels in rows above the axis; each takes the first row where it fits.
    labelled = _labelled(items, counts)
    rows: list[int] = []  # right edge of the last label in each row
    placed: list[tuple[float, float, int, int, list[str]]] = []
    for start, end, event in items:
        if event.date not in labelled:
            placed.append((start, end, 0, -1, []))
            continue
        lines = [event_date_text(event.date)]
        if cjk and event.phrase and event.phrase != lines[0]:
            lines.append(event.phrase)
        width = max(int(font.getlength(line)) for line in lines) + 24
        left = min(max(x(start) - width // 2, 8), WIDTH - width - 8)
        row = next((r for r, edge in enumerate(rows) if edge < left), len(rows))
        if row == len(rows):
            rows.append(0)
        rows[row] = left + width
        placed.append((start, end, left, row, lines))
    axis_y = 40 + len(rows) * ROW + 20
    image = Image.new("RGB", (WIDTH, axis_y + 70), "white")
    draw = ImageDraw.Draw(image)
    boxes: list[tuple[str, Box]] = []
    ticks_drawn: list[Box] = []
    tick_width = max(font.getlength(t) for t in ("Sep 2025", "2025")) * 22 / 26
    for (low, high), start_x, size in zip(segments, lefts, widths, strict=True):
        draw.line([(start_x, axis_y), (start_x + size, axis_y)], fill=AXIS, width=3)
        ticks, unit = (
            _ticks(low, high, size, tick_width) if high - low > 0.5 else ([], "year")
        )  # one date: its label says it
        for tick in (t for t in ticks if low <= t <= high):
            year = int(tick + 1e-9)
            month = min(round((tick - year) * 12) + 1, 12)
            text = str(year) if unit == "year" else dt.date(year, month, 1).strftime("%b %Y")
            where = (x(tick), axis_y + 16)
            box = draw.textbbox(where, text, font=small, anchor="ma")
            padded = (box[0] - 6, box[1], box[2] + 6, box[3])
            if any(_overlaps(padded, other) for other in ticks_drawn) or box[0] < 0:
                continue  # the one before it at a stretch's edge: this one goes unlabelled
            if box[2] > WIDTH:
                continue
            ticks_drawn.append(padded)
            draw.line([(x(tick), axis_y - 8), (x(tick), axis_y + 8)], fill=AXIS, width=2)
            draw.text(where, text, fill=AXIS, font=small, anchor="ma")
            boxes.append((text, box))
    for start_x in lefts[1:]:  # the break between two stretches
        for dx in (-gap // 2 - 6, -gap // 2 + 4):
            draw.line(
                [(start_x + dx, axis_y + 12), (start_x + dx + 10, axis_y - 12)], fill=AXIS, width=3
            )
    # Leaders first, then each label on white over them, then the marks on the axis.
    for start, _, _, row, lines in placed:
        if lines:
            top = 40 + (len(rows) - 1 - row) * ROW
            draw.line([(x(start), top + 30), (x(start), axis_y)], fill=(200, 208, 218), width=2)
    for _, _, left, row, lines in placed:
        if not lines:
            continue
        top = 40 + (len(rows) - 1 - row) * ROW
        width = max(int(font.getlength(line)) for line in lines)
        draw.rectangle([(left + 8, top - 2), (left + 16 + width, top + 62)], fill="white")
        draw.text((left + 12, top), lines[0], fill=INK, font=font)
        boxes.append((lines[0], draw.textbbox((left + 12, top), lines[0], font=font)))
        if len(lines) > 1:
            draw.text((left + 12, top + 34), lines[1], fill=AXIS, font=small)
            boxes.append((lines[1], draw.textbbox((left + 12, top + 34), lines[1], font=small)))
    for start, end, _, _, _ in placed:
        if end > start:
            draw.rectangle([(x(start), axis_y - 7), (x(end), axis_y + 7)], fill=ACCENT)
        draw.ellipse([(x(start) - 9, axis_y - 9), (x(start) + 9, axis_y + 9)], fill=ACCENT)
    return image, boxes


def describe(events: Sequence[Event]) -> str:
    """Alt text: what the picture shows, for a reader who cannot see it."""
    items = dated(events)
    first, last = items[0][2], items[-1][2]
    return (
        f"Timeline of {len(items)} dated events, from {event_date_text(first.date)} "
        f"to {event_date_text(last.date)}."
    )
