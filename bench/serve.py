#!/usr/bin/env python3
"""Times `loa serve` on a large site: the first build, then how long a saved
edit takes to be visible in an open page (the reload event has arrived and
the page fetched again shows the new text), for an edit of a page's text
(re-renders that page) and of its front matter (rebuilds everything).
Usage: bench/serve.py [POINTS] [VISITS] [EDITS]   (defaults 10000 50000 20)"""
import os, socket, statistics, subprocess, sys, tempfile, time

here = os.path.dirname(os.path.abspath(__file__))
points = sys.argv[1] if len(sys.argv) > 1 else "10000"
visits = sys.argv[2] if len(sys.argv) > 2 else "50000"
edits = int(sys.argv[3]) if len(sys.argv) > 3 else 20
loa = os.path.join(here, "..", "target", "release", "loa")
subprocess.run(["cargo", "build", "--release", "--locked", "--quiet"], check=True,
               cwd=os.path.join(here, ".."))

tmp = tempfile.mkdtemp()
site = os.path.join(tmp, "site")
subprocess.run([sys.executable, os.path.join(here, "gen_site.py"), site, points, visits], check=True)
page = os.path.join(site, "content", "guides", "tich-hop-bhyt-gplx.md")

started = time.monotonic()
server = subprocess.Popen([loa, "serve", "--root", site, "--port", "0", "--now", "2026-11-22"],
                          stdout=subprocess.PIPE, text=True, env={**os.environ, "LANG": "C.UTF-8"})
url = None
for line in server.stdout:
    if "http://" in line:
        url = line[line.index("http://"):].split()[0]
        break
first = time.monotonic() - started
print(f"first build and serving: {first:.2f} s ({url})")
host, port = url[len("http://"):].split("/")[0].split(":")
path = "/" + url[len("http://"):].split("/", 1)[1] + "guides/tich-hop-bhyt-gplx/"


def get(p):
    with socket.create_connection((host, int(port))) as s:
        s.sendall(f"GET {p} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
        data = b""
        while chunk := s.recv(65536):
            data += chunk
    return data.decode("utf-8", "replace")


events = socket.create_connection((host, int(port)))
events.sendall(b"GET /__loa/events HTTP/1.1\r\nHost: x\r\n\r\n")
stream = events.makefile("r", encoding="utf-8")
while not stream.readline().startswith("retry:"):
    pass


def visible_after(write, marker):
    t0 = time.monotonic()
    write()
    while not stream.readline().startswith("event: reload"):
        pass
    body = get(path)
    t1 = time.monotonic()
    assert marker in body, "the edit is not in the page"
    return (t1 - t0) * 1000


original = open(page, encoding="utf-8").read()
text_ms = []
for k in range(edits):
    marker = f"Dòng sửa thử số {k}."
    text_ms.append(visible_after(lambda: open(page, "w", encoding="utf-8").write(original + f"\n{marker}\n"), marker))
    time.sleep(0.05)
front = original.replace("title:", "title: Sửa tiêu đề –", 1)
front_ms = visible_after(lambda: open(page, "w", encoding="utf-8").write(front), "Sửa tiêu đề –")
server.terminate()
print(f"edit of a page's text, visible in the page: median {statistics.median(text_ms):.0f} ms, "
      f"max {max(text_ms):.0f} ms ({edits} edits)")
print(f"edit of its front matter (everything rebuilt), visible: {front_ms:.0f} ms")
