#!/usr/bin/env python3
"""A national portal built in one piece, or split by province: the same
number of pages (bench/gen_corpus.py, --rich) as one site of N pages, then
as P province sites of N/P pages each, every province built into its own
sub-path of one merged output (`merged/p01/`, `merged/p02/` …, each with
`--base-url https://portal.example.gov.vn/vneid/p01/` …), one after the
other as one machine would, then two at a time. Prints the wall time and
peak memory of each way (/usr/bin/time -v), and the merged output's size.

Each province build needs only its own pages in memory, so peak memory is
that of N/P pages whatever N is, and provinces can be built on as many
machines as there are, their outputs copied side by side into the portal's
folder (or served each behind the portal's web server).

Usage: bench/split.py [--keep] N P   (LOA_BIN=path, else the release build)"""
import os
import shutil
import subprocess
import sys
import tempfile
import time

repo = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))


def timed(cmd):
    """Wall seconds and peak MB of one command."""
    start = time.monotonic()
    r = subprocess.run(["/usr/bin/time", "-v", *cmd], capture_output=True, text=True)
    wall = time.monotonic() - start
    if r.returncode != 0:
        sys.exit(r.stderr[-2000:])
    peak = next(int(l.split(":")[1]) for l in r.stderr.splitlines() if "Maximum resident" in l)
    return wall, peak / 1024


def generate(site, n):
    with tempfile.TemporaryDirectory() as hugo:
        subprocess.run([sys.executable, os.path.join(repo, "bench", "gen_corpus.py"), "--rich",
                        site, os.path.join(hugo, "h"), str(n)], check=True, stdout=subprocess.DEVNULL)


def size_mb(folder):
    total = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(folder) for f in fs)
    return total / 1e6


def main():
    args = sys.argv[1:]
    keep = "--keep" in args
    args = [a for a in args if a != "--keep"]
    if len(args) != 2:
        sys.exit(__doc__)
    n, p = int(args[0]), int(args[1])
    loa = os.environ.get("LOA_BIN")
    if not loa:
        subprocess.run(["cargo", "build", "--release", "--locked", "--quiet"], cwd=repo, check=True)
        loa = os.path.join(repo, "target", "release", "loa")
    work = os.path.join(repo, "target", "bench", f"split-{n}-{p}")
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    now = ["--now", "2026-11-22"]
    national = os.path.join(work, "national")
    generate(national, n)
    provinces = [os.path.join(work, f"p{i:02}") for i in range(1, p + 1)]
    for site in provinces:
        generate(site, n // p)
    merged = os.path.join(work, "merged")
    builds = [[loa, "build", "--root", site, "--output", os.path.join(merged, os.path.basename(site)),
               "--base-url", f"https://portal.example.gov.vn/vneid/{os.path.basename(site)}/", *now]
              for site in provinces]

    one_wall, one_peak = timed([loa, "build", "--root", national, "--output",
                                os.path.join(work, "national-out"), *now])
    walls, peaks = zip(*(timed(b) for b in builds))
    shutil.rmtree(merged)
    start = time.monotonic()
    for pair in range(0, len(builds), 2):
        running = [subprocess.Popen(b, stdout=subprocess.DEVNULL) for b in builds[pair:pair + 2]]
        if any(r.wait() for r in running):
            sys.exit("a province build failed")
    two_wall = time.monotonic() - start

    print(f"{n} pages in one build: {one_wall:.1f} s, peak {one_peak:.0f} MB, "
          f"output {size_mb(os.path.join(work, 'national-out')):.0f} MB")
    print(f"{p} provinces of {n // p} pages, one after the other: {sum(walls):.1f} s "
          f"(each {min(walls):.1f}-{max(walls):.1f} s), peak {max(peaks):.0f} MB")
    print(f"{p} provinces, two at a time: {two_wall:.1f} s; merged output {size_mb(merged):.0f} MB "
          f"in {len(os.listdir(merged))} folders")
    if not keep:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
