#!/usr/bin/env python3
"""Shows that hostile-sized inputs cost time linear in their size: for a page
(front matter and body), a plan document, a points file and one opening-hours
text, it builds inputs of 1, 2, 5 and 10 MB, runs loa on each (best of 3) and
prints seconds and seconds per MB. Then the hostile shapes of issue 19, each
at its size there (a 3,000-letter word in a campaign title drawn on share
images, HTML nested 50,000 deep, YAML brackets nested 40,000 deep) and at 10
and 100 times it: each must take under a second or end in a located error;
and item 10 and 12's (10,000 images from other hosts on one line, opening
hours overlapping 10,000 times): a warning each, in linear time.
Usage: bench/linear.py [SIZES_MB...]"""
import os, shutil, subprocess, sys, tempfile, time

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.join(here, "..")
sizes = [float(s) for s in sys.argv[1:]] or [1, 2, 5, 10]
loa = os.path.join(root, "target", "release", "loa")
subprocess.run(["cargo", "build", "--release", "--locked", "--quiet"], check=True, cwd=root)
fixture = os.path.join(root, "tests", "fixtures", "points")


def site_with(tmp, files):
    site = os.path.join(tmp, "site")
    if os.path.exists(site):
        shutil.rmtree(site)
    shutil.copytree(fixture, site)
    for rel, text in files.items():
        path = os.path.join(site, "content", rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
    return site


def repeat_to(unit, size):
    return unit * max(1, int(size // len(unit.encode())))


def page(size):
    extra = repeat_to("  khoa_{n}: \"Giá trị có dấu tiếng Việt, đủ dài\"\n", size / 2)
    extra = "".join(line.replace("{n}", str(i)) for i, line in enumerate(extra.splitlines(True)))
    body = repeat_to("## Bước\n\nĐến Công an xã, mang theo **CCCD** và [hướng dẫn](/points/).\n\n", size / 2)
    return {"guides/lon.md": "---\ntitle: Trang lớn\ndescription: Thử.\nextra:\n" + extra + "---\n" + body}


def points(size):
    header = "id,name,kind,district,ward,address,lat,lon,phone,services,hours,notes,accessibility\n"
    rows, i, total = [header], 0, len(header)
    while total < size:
        row = f"x{i},Điểm {i},fixed,Huyện Lớn,Xã {i % 500},Ấp {i},10.1,105.7,0292 3820 011,cccd,T2-T6 07:30-11:30,,\n"
        rows.append(row)
        total += len(row.encode())
        i += 1
    return {"points/lon.csv": "".join(rows)}


def hours(size):
    ranges = repeat_to("07:30-11:30, ", size)
    return {"points/gio.csv": "id,name,kind,district,ward,hours\ngio,Giờ dài,fixed,Huyện,Xã Gờ,\"T2 " + ranges + "07:30-11:30\"\n"}


def timed(cmd):
    best = None
    for _ in range(3):
        t = time.monotonic()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        best = min(best or 1e9, time.monotonic() - t)
    return best


tmp = tempfile.mkdtemp()
print("| input | " + " | ".join(f"{s:g} MB" for s in sizes) + " | s per MB at the largest |")
print("| --- |" + " --- |" * (len(sizes) + 1))
for name, make in [("page (front matter + Markdown)", page), ("points file (CSV)", points), ("one opening-hours text", hours)]:
    times = []
    for s in sizes:
        site = site_with(tmp, make(s * 1_000_000))
        times.append(timed([loa, "check", "--root", site, "--now", "2026-06-10"]))
    print(f"| {name} | " + " | ".join(f"{t:.2f} s" for t in times) + f" | {times[-1] / sizes[-1]:.3f} |")
times = []
for s in sizes:
    plan = os.path.join(tmp, "plan.txt")
    with open(plan, "w", encoding="utf-8") as f:
        subprocess.run([sys.executable, os.path.join(here, "gen_plan.py"), str(int(s * 1_000_000))], stdout=f, check=True)
    times.append(timed([loa, "import", plan, "--output", os.path.join(tmp, "plan.json")]))
print("| plan document (`loa import`) | " + " | ".join(f"{t:.2f} s" for t in times) + f" | {times[-1] / sizes[-1]:.3f} |")
shutil.rmtree(tmp)


def long_word(n):
    word = ("Đườngphố" * (n // 8 + 1))[:n]
    return {"campaigns/dai/index.md": f"---\ntitle: {word}\ndescription: Thử.\n---\nx\n"}


def deep_html(n):
    return {"guides/sau.md": "---\ntitle: Sâu\ndescription: Thử.\n---\n" + "<div>" * n + "x" + "</div>" * n + "\n"}


def deep_yaml(n):
    return {"guides/ngoac.md": "---\ntitle: Ngoặc\ndescription: Thử.\nextra:\n  a: " + "[" * n + "]" * n + "\n---\nx\n"}


def other_hosts(n):
    # One line of raw HTML: every image from another host, every other one
    # written with an entity (not found by a search of the text).
    imgs = "".join(f'<img alt="" src="https://x.vn/{i}.png">' if i % 2 else f'<img alt="" src="https://x.vn/{i}&amp;.png">' for i in range(n))
    return {"guides/ngoai.md": "---\ntitle: Ngoài\ndescription: Thử.\n---\n" + imgs + "\n"}


def overlapping_hours(n):
    ranges = ", ".join(f"07:{i % 60:02d}-11:30" for i in range(n))
    return {"points/chong.csv": "id,name,kind,district,ward,hours\nchong,Giờ chồng,fixed,Huyện,Xã Chồng,\"T2-CN " + ranges + "\"\n"}


scales = [1, 10, 100]
print()
print("| hostile shape (`loa build`) | " + " | ".join(f"×{k}" for k in scales) + " | exit at ×1 |")
print("| --- |" + " --- |" * (len(scales) + 1))
for name, make, n in [
    ("a 3,000-letter word on share images", long_word, 3000),
    ("HTML nested 50,000 deep", deep_html, 50000),
    ("YAML brackets nested 40,000 deep", deep_yaml, 40000),
    ("10,000 images from other hosts on one line", other_hosts, 10000),
    ("opening hours overlapping 10,000 times", overlapping_hours, 10000),
]:
    times, code = [], None
    for k in scales:
        site = site_with(tmp, make(n * k))
        out = os.path.join(tmp, "out")
        cmd = [loa, "build", "--root", site, "--output", out, "--now", "2026-06-10"]
        times.append(timed(cmd))
        if code is None:
            code = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
    print(f"| {name} | " + " | ".join(f"{t:.2f} s" for t in times) + f" | {code} |")
