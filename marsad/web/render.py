"""HTML fragments built in Python: annotated article text, snippets, the timeline and network charts.

Everything that comes from an article is passed through :func:`markupsafe.escape`; the markup added here
is a fixed set of tags and class names, so a page holding ``<script>`` or ``onerror=`` renders inert.
"""

from __future__ import annotations

import math
from collections import defaultdict
from datetime import date, timedelta
from urllib.parse import quote

from markupsafe import Markup, escape

EVENT_COLORS = {
    "AGREE": "#2e7d32", "CONSULT": "#1565c0", "SUPPORT": "#00838f", "CONCEDE": "#6a1b9a",
    "COOPERATE": "#2e7d32", "AID": "#00897b", "RETREAT": "#8d6e63", "REQUEST": "#3949ab",
    "ACCUSE": "#ef6c00", "REJECT": "#d84315", "THREATEN": "#c62828", "PROTEST": "#ad1457",
    "SANCTION": "#b71c1c", "MOBILIZE": "#5d4037", "COERCE": "#c62828", "ASSAULT": "#7f0000",
}


def actor_url(actor_id: str) -> str:
    return "/actors/" + quote(actor_id, safe="/:")


def snippet_html(text: str, marks: list[list[int]]) -> Markup:
    out, pos = [], 0
    for s, e in sorted(marks):
        if s < pos or e > len(text):
            continue
        out.append(escape(text[pos:s]))
        out.append(Markup("<mark>") + escape(text[s:e]) + Markup("</mark>"))
        pos = e
    out.append(escape(text[pos:]))
    return Markup("").join(out)


def annotate(article: dict) -> Markup:
    """The body with entity mentions, quotes, event triggers and time expressions as spans.

    Spans may nest or overlap (a mention inside a quote), so the body is cut at every span boundary and
    each piece carries the classes of all spans covering it."""
    body: str = article["body"]
    n = len(body)
    ents = {e["id"]: e for e in article.get("entities", [])}
    spans = []  # (start, end, kind, attrs)
    for e in article.get("entities", []):
        for m in e.get("mentions", []):
            spans.append((m["start"], m["end"], f"ent ent-{e['type']}", e))
    for q in article.get("quotes", []):
        spans.append((q["start"], q["end"], "quote", q))
    for v in article.get("events", []):
        t = v["trigger"]
        spans.append((t["start"], t["end"], "trigger", v))
    for d in article.get("dates", []):
        spans.append((d["start"], d["end"], "time", d))
    spans = [s for s in spans if isinstance(s[0], int) and isinstance(s[1], int) and 0 <= s[0] < s[1] <= n]
    cuts = sorted({0, n, *(s[0] for s in spans), *(s[1] for s in spans)})
    starts = defaultdict(list)
    for s in spans:
        starts[s[0]].append(s)
    active: list = []
    out = []
    for a, b in zip(cuts, cuts[1:]):
        active = [s for s in active if s[1] > a] + starts.get(a, [])
        piece = escape(body[a:b])
        if not active:
            out.append(piece)
            continue
        classes, titles = [], []
        for s, e, kind, rec in active:
            classes.append(kind)
            if kind.startswith("ent"):
                latin = f" · {rec['name_latin']}" if rec.get("name_latin") else ""
                titles.append(f"{rec['type']}: {rec['name']}{latin}")
            elif kind == "quote":
                sp = ents.get(rec.get("speaker") or "")
                titles.append(f"اقتباس: {sp['name'] if sp else rec.get('speaker_text') or '؟'}")
            elif kind == "trigger":
                titles.append(f"{rec['type']}" + (" (منفي)" if rec.get("negated") else ""))
            else:
                titles.append(f"{rec.get('kind')}: {rec.get('value') or '—'}")
        out.append(Markup('<span class="{}" title="{}">{}</span>').format(
            " ".join(dict.fromkeys(classes)), " | ".join(titles), piece))
    return Markup("").join(out)


def _parse_day(s: str | None) -> date | None:
    try:
        return date.fromisoformat(s[:10]) if s and len(s) >= 10 else None
    except ValueError:
        return None


def timeline_svg(timeline: list[dict], events: list[dict], width: int = 760, height: int = 200) -> Markup:
    """Bars: articles naming the actor per day; dots above: their events per day, coloured by type."""
    days = [d for d in (_parse_day(t["day"]) for t in timeline) if d]
    edays = [d for d in (_parse_day(e["day"]) for e in events) if d]
    alld = days + edays
    if not alld:
        return Markup('<p class="muted">لا توجد بيانات زمنية.</p>')
    lo, hi = min(alld), max(alld)
    if (hi - lo).days < 6:  # a few days only: centre them in a week
        lo, hi = lo - timedelta(days=3), hi + timedelta(days=3)
    span = max((hi - lo).days, 1)
    pad_l, pad_r, pad_t, pad_b = 44, 44, 44, 28
    plot_w, plot_h = width - pad_l - pad_r, height - pad_t - pad_b
    x = lambda d: pad_l + plot_w * ((d - lo).days / span)  # noqa: E731  (left to right = old to new)
    peak = max((t["articles"] for t in timeline), default=1) or 1
    bar_w = max(2.0, min(18.0, plot_w / (span + 1) * 0.8))
    parts = [Markup('<svg class="chart" viewBox="0 0 {w} {h}" width="100%" role="img" direction="ltr"'
                    ' aria-label="timeline"><line x1="{l}" y1="{b}" x2="{r}" y2="{b}" class="axis"/>').format(
        w=width, h=height, l=pad_l, r=width - pad_r, b=height - pad_b)]
    for t in timeline:
        d = _parse_day(t["day"])
        if not d:
            continue
        bh = plot_h * t["articles"] / peak
        parts.append(Markup('<rect class="bar" x="{:.1f}" y="{:.1f}" width="{:.1f}" height="{:.1f}">'
                            '<title>{}: {} مقالات</title></rect>').format(
            x(d) - bar_w / 2, height - pad_b - bh, bar_w, bh, t["day"], t["articles"]))
    stack: dict = defaultdict(int)
    for e in events:
        d = _parse_day(e["day"])
        if not d:
            continue
        for _ in range(min(int(e["n"]), 6)):
            k = stack[d]
            stack[d] += 1
            parts.append(Markup('<circle cx="{:.1f}" cy="{:.1f}" r="5" fill="{}"><title>{} {} ×{}</title>'
                                '</circle>').format(x(d), max(6, pad_t - 12 - 10 * k), EVENT_COLORS.get(e["type"], "#555"),
                                                    e["day"], e["type"], e["n"]))
    step = max(1, span // 6)
    d = lo
    while d <= hi:
        parts.append(Markup('<text x="{:.1f}" y="{}" class="tick" text-anchor="middle">{}</text>').format(
            x(d), height - 8, d.isoformat()))
        d += timedelta(days=step)
    parts.append(Markup('<text x="4" y="{}" class="tick">{}</text>').format(pad_t + 8, peak))
    parts.append(Markup("</svg>"))
    return Markup("").join(parts)


def network_svg(actor: dict, others: list[dict], links: list[dict], size: int = 460) -> Markup:
    """The actor in the centre, up to 12 co-occurring actors around it; edge width = shared articles."""
    others = others[:12]
    if not others:
        return Markup('<p class="muted">لا يوجد فاعلون مشتركون.</p>')
    c = size / 2
    r = size / 2 - 70
    pos = {actor["id"]: (c, c)}
    for i, o in enumerate(others):
        ang = -math.pi / 2 + 2 * math.pi * i / len(others)
        pos[o["id"]] = (c + r * math.cos(ang), c + r * math.sin(ang))
    peak = max(o["n"] for o in others) or 1
    parts = [Markup('<svg class="chart network" viewBox="0 0 {s} {s}" width="100%" role="img"'
                    ' aria-label="network">').format(s=size)]
    for lk in links:
        if lk["a"] in pos and lk["b"] in pos:
            (x1, y1), (x2, y2) = pos[lk["a"]], pos[lk["b"]]
            parts.append(Markup('<line class="edge-2" x1="{:.1f}" y1="{:.1f}" x2="{:.1f}" y2="{:.1f}"'
                                ' stroke-width="{:.1f}"/>').format(x1, y1, x2, y2, 1 + 3 * lk["n"] / peak))
    for o in others:
        x2, y2 = pos[o["id"]]
        parts.append(Markup('<line class="edge" x1="{c}" y1="{c}" x2="{:.1f}" y2="{:.1f}" stroke-width="{:.1f}">'
                            '<title>{} مقالات مشتركة</title></line>').format(x2, y2, 1.5 + 6 * o["n"] / peak, o["n"], c=c))
    for o in [actor, *others]:
        x1, y1 = pos[o["id"]]
        main = o is actor
        rad = 26 if main else 10 + 10 * o["n"] / peak
        label = o.get("name") or o["id"]
        latin = o.get("name_latin") or ""
        parts.append(Markup(
            '<a href="{href}"><g class="node {cls}"><circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}"/>'
            '<text x="{x:.1f}" y="{ty:.1f}" class="label">{label}</text>'
            '<text x="{x:.1f}" y="{ty2:.1f}" class="latin">{latin}</text><title>{label} {latin}</title></g></a>'
        ).format(href=actor_url(o["id"]), cls="ego" if main else f"t-{o.get('type') or 'X'}", x=x1, y=y1, r=rad,
                 ty=y1 + rad + 14, ty2=y1 + rad + 27, label=label, latin=latin))
    parts.append(Markup("</svg>"))
    return Markup("").join(parts)
