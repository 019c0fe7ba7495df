#!/usr/bin/env python3
"""Backstride against a blank Tauri window built in the same run, on the same machine.

Run by scripts/bench.sh (which builds both in release and runs the criterion benchmarks) under
Xvfb. Each binary is started RUNS times, alternating; the table shows medians and the ratio
app/blank, and the targets beside them (printed, never enforced):

- start-up: process start to the first meaningful paint, which the page reports through the
  `painted` command (Today with its routine for the app, the empty page for the blank);
- memory: resident set of the process and its WebKit children, 3 s after that paint;
- binary: the stripped release binary.

Absolute figures follow: the UI's bytes, the database after ten simulated years, Today's IPC
call as the UI timed it, and the criterion medians of the core operations.
"""

import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RELEASE = ROOT / "target" / "release"
RUNS = 7
SETTLE_S = 3.0
TIMEOUT_S = 60.0
CRITERION = [
    ("build today's session", "build today's session"),
    ("streak over ten years", "streak, ten years"),
    ("one month of the calendar", "one month of the calendar"),
    ("explain the streak over ten years", "streak explained, ten years"),
    ("weekly load over ten years", "weekly load, ten years"),
    ("shoe totals and projected days over ten years", "shoe totals and projections, ten years"),
    ("Today with the streak", "Today (core, from SQLite)"),
]


def descendants(pid):
    """The pid and every process below it, read from /proc."""
    children = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        p = todo.pop()
        found.append(p)
        todo.extend(children.get(p, []))
    return found


def rss_kib(pid):
    total = 0
    for p in descendants(pid):
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total


def launch(binary, env):
    """Starts `binary`; returns (ms to the painted line, RSS KiB 3 s later, the line)."""
    start = time.perf_counter()
    proc = subprocess.Popen([str(binary)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    painted = threading.Event()
    seen = {}

    def read():
        for line in proc.stderr:
            if "backstride: painted" in line and not painted.is_set():
                seen["ms"] = (time.perf_counter() - start) * 1000
                seen["line"] = line.strip()
                painted.set()

    threading.Thread(target=read, daemon=True).start()
    if not painted.wait(TIMEOUT_S):
        proc.kill()
        sys.exit(f"{binary.name} did not report a paint within {TIMEOUT_S:.0f} s")
    # The memory figure is defined as 3 s after the paint: this wait is the measurement.
    time.sleep(SETTLE_S)
    memory = rss_kib(proc.pid)
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    return seen["ms"], memory, seen["line"]


def stripped_size(binary):
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / binary.name
        subprocess.run(["strip", "-o", str(out), str(binary)], check=True)
        return out.stat().st_size


def criterion_median_ms(name):
    path = ROOT / "target" / "criterion" / name / "new" / "estimates.json"
    if not path.exists():
        return None
    return json.loads(path.read_text())["median"]["point_estimate"] / 1e6


def first_paint_files():
    """index.html, style.css, app.js and what it imports statically (not `import(...)`)."""
    ui = (ROOT / "ui").resolve()
    found, todo = {ui / "index.html", ui / "style.css"}, [ui / "app.js"]
    while todo:
        module = todo.pop()
        if module in found:
            continue
        found.add(module)
        todo.extend((module.parent / name).resolve() for name in re.findall(r"^import .* from '(\.{1,2}/[\w/.-]+\.js)';$", module.read_text(), re.M))
    return found


def spread(values, fmt):
    return f"{fmt.format(min(values))}–{fmt.format(max(values))}"


def row(label, app, blank, unit, target, fmt="{:.0f}"):
    """One line of medians and their ratio; with several runs, each side's min–max beside it,
    so a noisy run shows."""
    apps, blanks = (app, blank) if isinstance(app, list) else ([app], [blank])
    a, b = statistics.median(apps), statistics.median(blanks)
    cell = lambda m, vs: f"{fmt.format(m)} {unit}" + (f" ({spread(vs, fmt)})" if len(vs) > 1 else "")
    print(f"| {label} | {cell(a, apps)} | {cell(b, blanks)} | {a / b:.2f}× | ≤ {target:.2f}× |")


def main():
    app_bin, blank_bin = RELEASE / "backstride", RELEASE / "blank"
    ten_years_db = Path(sys.argv[1])
    env = {k: v for k, v in os.environ.items() if k not in ("BACKSTRIDE_NOW", "BACKSTRIDE_DATA_DIR")}
    env["TZ"] = "Europe/Berlin"
    starts = {"app": [], "blank": []}
    memory = {"app": [], "blank": []}
    today_ms = []
    page = {"app": [], "blank": []}
    marks = {"script": [], "asked": [], "isolation": [], "answered": [], "drawn": []}
    ready_ms = []
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(RUNS):
            data = Path(tmp) / f"run{i}"
            data.mkdir()
            shutil.copy(ten_years_db, data / "backstride.sqlite3")
            app_env = dict(env, BACKSTRIDE_DATA_DIR=str(data), BACKSTRIDE_NOW="2026-04-20T07:30:00+02:00")
            for name, binary, run_env in (("app", app_bin, app_env), ("blank", blank_bin, env)):
                ms, kib, line = launch(binary, run_env)
                starts[name].append(ms)
                memory[name].append(kib)
                page[name].append(float(re.search(r"painted (\d+) ms", line).group(1)))
                if name == "app":
                    # "none" when Today came with the page: no IPC call before the paint.
                    call = re.search(r"today's IPC call ([\d.]+) ms, ([\d.]+) ms of it after isolation", line)
                    if call:
                        today_ms.append(float(call.group(1)))
                        ready_ms.append(float(call.group(2)))
                    for mark in marks:
                        found = re.search(rf"{mark} (\d+)", line)
                        if found:
                            marks[mark].append(float(found.group(1)))
            print(f"run {i + 1}/{RUNS}: app {starts['app'][-1]:.0f} ms, blank {starts['blank'][-1]:.0f} ms", file=sys.stderr)

    med = statistics.median
    print(f"\nBackstride against a blank Tauri window, medians of {RUNS} runs each (release builds, Xvfb)\n")
    print("| figure | app | blank | app/blank | target |")
    print("|---|---|---|---|---|")
    before = {k: [s - p for s, p in zip(starts[k], page[k])] for k in starts}
    row("start-up to first paint", starts["app"], starts["blank"], "ms", 1.15)
    row("of which before the page's first byte (process start to webview ready)", before["app"], before["blank"], "ms", 1.15)
    row("of which the page, from its first byte to that paint", page["app"], page["blank"], "ms", 1.15)
    row("memory 3 s after paint (RSS, with WebKit processes)", [m / 1024 for m in memory["app"]], [m / 1024 for m in memory["blank"]], "MiB", 1.10, "{:.1f}")
    row("stripped release binary", stripped_size(app_bin) / 1048576, stripped_size(blank_bin) / 1048576, "MiB", 1.30, "{:.2f}")

    ui = sum(p.stat().st_size for p in (ROOT / "ui").rglob("*") if p.suffix in (".html", ".css", ".js"))
    print("\n| figure | value | target |")
    print("|---|---|---|")
    print(f"| UI (HTML + CSS + JS) | {ui / 1024:.1f} KB | ≤ 60 KB |")
    print(f"| of which loaded before Today paints | {sum(f.stat().st_size for f in first_paint_files()) / 1024:.1f} KB | |")
    print(f"| database after ten simulated years | {ten_years_db.stat().st_size / 1048576:.2f} MB | ≤ 3 MB |")
    calls = f"{med(today_ms):.2f} ms in {len(today_ms)} of {RUNS} runs" if today_ms else f"none in {RUNS} runs: Today came with the page"
    print(f"| Today's IPC call before the first paint, as the UI timed it (median) | {calls} | ≤ 2 ms |")
    if ready_ms:
        print(f"| the same call from when Tauri's isolation frame was ready | {med(ready_ms):.2f} ms | ≤ 2 ms |")
    timeline = ", ".join(f"{mark} {med(values):.0f}" for mark, values in marks.items() if values)
    print(f"| the app's page (ms since its first byte, medians) | {timeline}, painted {med(page['app']):.0f} | |")
    for name, label in CRITERION:
        ms = criterion_median_ms(name)
        shown = f"{ms:.3f} ms" if ms is not None else "not run"
        print(f"| {label} (criterion median) | {shown} | ≤ 1 ms |")


if __name__ == "__main__":
    main()
