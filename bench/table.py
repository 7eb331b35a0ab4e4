#!/usr/bin/env python3
"""Prints bench/run.sh's measurements (tool, size, wall s, pages, peak RSS KB, user s, sys s per line)
as a Markdown table of medians, with the ratio of briefing's median to Hugo's of the same size."""
import statistics
import sys
from collections import defaultdict

runs = defaultdict(list)
for line in open(sys.argv[1], encoding="utf-8"):
    tool, size, wall, pages, rss, user, sys_ = line.rstrip("\n").split("\t")
    runs[(tool, int(size))].append((wall, int(pages), int(rss), float(user) + float(sys_)))


def median_wall(key):
    walls = [float(w) for w, *_ in runs.get(key, []) if w not in ("timeout", "failed")]
    return statistics.median(walls) if walls else None


print("| tool | articles | runs | wall (median) | pages written | pages/s | articles/s | peak RSS | CPU (median) | briefing / this |")
print("|---|---|---|---|---|---|---|---|---|---|")
for (tool, size), rs in sorted(runs.items(), key=lambda kv: (kv[0][1], kv[0][0])):
    wall = median_wall((tool, size))
    pages = max(p for _, p, _, _ in rs)
    rss = statistics.median(r for _, _, r, _ in rs) / 1024
    cpu = statistics.median(c for *_, c in rs)
    failed = [w for w, *_ in rs if w in ("timeout", "failed")]
    if wall is None:
        print(f"| {tool} | {size:,} | {len(rs)} | {failed[0]} | {pages:,} so far | — | — | {rss:,.0f} MB | {cpu:.1f} s | — |")
        continue
    base = "briefing-txt" if tool == "briefing-txt" else "briefing"
    mine = median_wall((base, size))
    ratio = f"{mine / wall:.2f}" if mine is not None and tool.startswith("hugo") else ""
    print(f"| {tool} | {size:,} | {len(rs)} | {wall:.2f} s | {pages:,} | {pages / wall:,.0f} | {size / wall:,.0f} "
          f"| {rss:,.0f} MB | {cpu:.1f} s | {ratio} |")
