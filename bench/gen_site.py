#!/usr/bin/env python3
"""Writes a synthetic site for benchmarks into DIR: the example site's
configuration and campaigns, plus POINTS enrollment points in wards of 10
points each and VISITS mobile-team visits over a year. Deterministic.
Usage: gen_site.py DIR [POINTS] [VISITS]"""
import os, shutil, sys

root = sys.argv[1]
n_points = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
n_visits = int(sys.argv[3]) if len(sys.argv) > 3 else 50_000
here = os.path.dirname(os.path.abspath(__file__))
src = os.path.join(here, "..", "content")
if os.path.exists(root):
    shutil.rmtree(root)
shutil.copytree(src, os.path.join(root, "content"), ignore=shutil.ignore_patterns("points"))
points_dir = os.path.join(root, "content", "points")
os.makedirs(points_dir)
with open(os.path.join(points_dir, "points.csv"), "w", encoding="utf-8") as f:
    f.write("id,name,kind,district,ward,address,lat,lon,phone,services,hours,notes,accessibility\n")
    for i in range(n_points):
        ward, district = i // 10, i // 1000
        kind = "mobile" if i % 5 == 4 else "fixed"
        hours = "" if kind == "mobile" else "\"T2-T6 07:30-11:30, 13:30-17:00; T7 07:30-11:30\""
        f.write(f"p{i},Điểm thu nhận số {i},{kind},Tỉnh {district},Xã Đông Hải {ward},Ấp {i % 7}, "
                f"{9.5 + (i % 1000) / 1000:.5f},{105.2 + (i // 1000) / 100:.5f},,cccd level2,{hours},,\n")
with open(os.path.join(points_dir, "visits.csv"), "w", encoding="utf-8") as f:
    f.write("point_id,date,start,end,place,address,lat,lon,notes\n")
    mobile = [i for i in range(n_points) if i % 5 == 4]
    for k in range(n_visits):
        team = mobile[k % len(mobile)]
        day = 1 + (k // len(mobile)) % 28
        month = 1 + (k // (len(mobile) * 28)) % 12
        start = 7 + (k // (len(mobile) * 28 * 12)) % 10
        f.write(f"p{team},2027-{month:02d}-{day:02d},{start:02d}:00,{start + 1:02d}:30,"
                f"Trường học số {k % 300},Ấp {k % 9},,,\n")
