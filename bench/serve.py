#!/usr/bin/env python3
"""Times `loa serve` on a large site: the first build, then how long a saved
edit takes to be visible in an open page (the reload event has arrived and
the page fetched again shows the new text), for an edit of a page's text
(re-renders that page) and of its front matter (rebuilds everything: the
page shows once the site is read, the whole build ends behind). Text
edits are saved both ways editors save: written in place, and written to a
new file renamed over the page (gedit, vim, JetBrains, `sed -i`).
Usage: bench/serve.py [POINTS] [VISITS] [EDITS]   (defaults 10000 50000 20)
       bench/serve.py --rich N [EDITS]   (the rich corpus of gen_corpus.py, N pages)
LOA_BIN=path uses that binary instead of the release build."""
import glob, os, queue, socket, statistics, subprocess, sys, tempfile, threading, time

here = os.path.dirname(os.path.abspath(__file__))
args = sys.argv[1:]
rich = args[:1] == ["--rich"]
if rich:
    pages, edits = args[1], int(args[2]) if len(args) > 2 else 20
else:
    points = args[0] if len(args) > 0 else "10000"
    visits = args[1] if len(args) > 1 else "50000"
    edits = int(args[2]) if len(args) > 2 else 20
loa = os.environ.get("LOA_BIN") or os.path.join(here, "..", "target", "release", "loa")
if not os.environ.get("LOA_BIN"):
    subprocess.run(["cargo", "build", "--release", "--locked", "--quiet"], check=True,
                   cwd=os.path.join(here, ".."))

tmp = tempfile.mkdtemp()
site = os.path.join(tmp, "site")
if rich:
    subprocess.run([sys.executable, os.path.join(here, "gen_corpus.py"), "--rich", site,
                    os.path.join(tmp, "hugo"), pages], check=True, stdout=subprocess.DEVNULL)
    page = sorted(p for p in glob.glob(os.path.join(site, "content", "guides", "*", "*.md"))
                  if not os.path.basename(p).startswith("_") and p.count(".") == 1)[0]
else:
    subprocess.run([sys.executable, os.path.join(here, "gen_site.py"), site, points, visits], check=True)
    page = os.path.join(site, "content", "guides", "tich-hop-bhyt-gplx.md")
page_url = os.path.relpath(page, os.path.join(site, "content"))[:-len(".md")] + "/"

started = time.monotonic()
server = subprocess.Popen([loa, "serve", "--root", site, "--port", "0", "--now", "2026-11-22"],
                          stdout=subprocess.PIPE, text=True, env={**os.environ, "LANG": "C.UTF-8"})
url = None
for line in server.stdout:
    if "http://" in line:
        url = line[line.index("http://"):].split()[0]
        break
first = time.monotonic() - started
# What it prints after each rebuild, as it prints it.
log = queue.Queue()
threading.Thread(target=lambda: [log.put(line) for line in server.stdout], daemon=True).start()
print(f"first build and serving: {first:.2f} s ({url})")
host, port = url[len("http://"):].split("/")[0].split(":")
path = "/" + url[len("http://"):].split("/", 1)[1] + page_url


def get(p):
    with socket.create_connection((host, int(port))) as s:
        s.sendall(f"GET {p} HTTP/1.1\r\nHost: {host}:{port}\r\nConnection: close\r\n\r\n".encode())
        data = b""
        while chunk := s.recv(65536):
            data += chunk
    return data.decode("utf-8", "replace")


events = socket.create_connection((host, int(port)))
events.sendall(f"GET /__loa/events HTTP/1.1\r\nHost: {host}:{port}\r\n\r\n".encode())
stream = events.makefile("r", encoding="utf-8")
while not (line := stream.readline()).startswith("retry:"):
    if not line:
        sys.exit("loa serve refused the event stream")


def visible_after(write, marker, whole=False):
    """Milliseconds from `write` until the page shows `marker`; with `whole`,
    also until loa serve says the whole build ended."""
    t0 = time.monotonic()
    write()
    while True:
        line = stream.readline()
        if not line:
            sys.exit("loa serve closed the event stream")
        if line.startswith("event: reload"):
            break
    body = get(path)
    t1 = time.monotonic()
    assert marker in body, "the edit is not in the page"
    if not whole:
        return (t1 - t0) * 1000
    while not log.get(timeout=60).startswith("Built "):
        pass
    return (t1 - t0) * 1000, (time.monotonic() - t0) * 1000


def in_place(text):
    with open(page, "w", encoding="utf-8") as f:
        f.write(text)


def renamed_over(text):
    with open(page + ".tmp~", "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(page + ".tmp~", page)


original = open(page, encoding="utf-8").read()
text_ms, renamed_ms = [], []
for k in range(edits):
    for save, times in [(in_place, text_ms), (renamed_over, renamed_ms)]:
        marker = f"Dòng sửa thử số {k} {save.__name__}."
        times.append(visible_after(lambda: save(original + f"\n{marker}\n"), marker))
        # The rest of the change (the search index) done, as between two
        # saves by a person.
        time.sleep(2)
time.sleep(2)
while not log.empty():
    log.get()
front_ms, whole_ms = [], []
for k in range(3):
    marker = f"Sửa tiêu đề {k} –"
    front = original.replace("title:", f"title: {marker}", 1)
    shown, whole = visible_after(lambda: open(page, "w", encoding="utf-8").write(front), marker,
                                 whole=True)
    front_ms.append(shown)
    whole_ms.append(whole)
server.terminate()
print(f"edit of a page's text, visible in the page: median {statistics.median(text_ms):.0f} ms, "
      f"max {max(text_ms):.0f} ms ({edits} edits)")
print(f"the same, saved as a new file renamed over the page: median {statistics.median(renamed_ms):.0f} ms, "
      f"max {max(renamed_ms):.0f} ms")
print(f"edit of its front matter (everything rebuilt), visible in the page: median "
      f"{statistics.median(front_ms):.0f} ms; the whole build ended after "
      f"{statistics.median(whole_ms):.0f} ms (3 edits)")
