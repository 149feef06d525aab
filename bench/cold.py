#!/usr/bin/env python3
"""Rebuilds of the rich corpus (bench/gen_corpus.py --rich) when the disk's
files have dropped out of the system's caches, as on a portal that rebuilds
hours after its last build. For each size N, three states, each measured R
times with `LOA_TIMINGS=1`:

- warm: a rebuild right after another;
- cold spare: the site's files cached, the output and its kept spare not
  (caches dropped, then the site read back);
- all cold: nothing cached (caches dropped).

Prints the median of each stage and of the whole build, and writes
target/bench/cold.csv. Dropping the caches needs root
(/proc/sys/vm/drop_caches, which some containers do not allow); without it
the script says so and stops.
LOA_BIN=path uses that loa binary instead of building the release one.

Usage: bench/cold.py [--runs R] [N ...]   (default: 10000)"""
import csv
import os
import statistics
import subprocess
import sys
import tempfile

repo = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
out_dir = os.path.join(repo, "target", "bench")
STAGES = ["staging", "read content", "read and model", "content pages", "search index", "other outputs", "swap"]


def loa_bin():
    if os.environ.get("LOA_BIN"):
        return os.path.abspath(os.environ["LOA_BIN"])
    subprocess.run(["cargo", "build", "--release", "--locked", "--quiet"], cwd=repo, check=True)
    return os.path.join(repo, "target", "release", "loa")


def drop_caches():
    subprocess.run(["sync"], check=True)
    with open("/proc/sys/vm/drop_caches", "w") as f:
        f.write("3\n")


def read_back(path):
    """Reads the file at `path`, or every file under it, so that it is
    cached again."""
    files = [path] if os.path.isfile(path) else [
        os.path.join(root, name) for root, _, names in os.walk(path) for name in names]
    for file in files:
        with open(file, "rb") as f:
            while f.read(1 << 20):
                pass


def build(loa, site, output):
    """Wall seconds of each stage and of the whole build."""
    env = dict(os.environ, LOA_TIMINGS="1")
    r = subprocess.run([loa, "build", "--root", site, "--output", output],
                       capture_output=True, text=True, env=env, check=True)
    times = {}
    for line in (r.stderr + r.stdout).splitlines():
        name, _, rest = line.strip().partition(":")
        if name in STAGES:
            times[name] = float(rest.split("ms")[0]) / 1000
        elif line.startswith("Built "):
            times["build"] = float(line.rsplit(" in ", 1)[1].rstrip("s "))
    return times


def main(args):
    runs = 3
    if args[:1] == ["--runs"]:
        runs, args = int(args[1]), args[2:]
    sizes = [int(a) for a in args] or [10000]
    if not os.access("/proc/sys/vm/drop_caches", os.W_OK):
        sys.exit("bench/cold.py drops the system's caches: run it as root, outside a container")
    loa = loa_bin()
    os.makedirs(out_dir, exist_ok=True)
    rows = []
    for n in sizes:
        with tempfile.TemporaryDirectory(dir=out_dir) as tmp:
            site, output = os.path.join(tmp, "site"), os.path.join(tmp, "public")
            subprocess.run([sys.executable, os.path.join(repo, "bench", "gen_corpus.py"), "--rich",
                            site, os.path.join(tmp, "hugo"), str(n)], check=True, stdout=subprocess.DEVNULL)
            # The second build leaves the first one's output as the spare.
            build(loa, site, output)
            build(loa, site, output)
            states = {
                "warm": lambda: None,
                "cold spare": lambda: (drop_caches(), read_back(site), read_back(loa)),
                "all cold": lambda: (drop_caches(), read_back(loa)),
            }
            for state, prepare in states.items():
                measured = []
                for _ in range(runs):
                    prepare()
                    measured.append(build(loa, site, output))
                row = {"pages": n, "state": state}
                for key in ["build", *STAGES]:
                    values = [m[key] for m in measured if key in m]
                    row[key] = round(statistics.median(values), 3) if values else ""
                rows.append(row)
                stages = ", ".join(f"{k} {row[k]:.2f}" for k in STAGES if row[k] != "")
                print(f"{n} pages, {state}: {row['build']:.2f} s ({stages})")
    with open(os.path.join(out_dir, "cold.csv"), "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=["pages", "state", "build", *STAGES])
        w.writeheader()
        w.writerows(rows)


if __name__ == "__main__":
    main(sys.argv[1:])
