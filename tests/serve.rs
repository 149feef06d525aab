//! `loa serve` driven for real: the server is started on a free port,
//! fetched over HTTP, and the site's files are edited under it.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use common::*;

/// A running `loa serve`, stopped when dropped.
struct Server {
    child: Child,
    /// `127.0.0.1:PORT`
    addr: String,
    /// The site's address with its sub-path: `http://127.0.0.1:PORT/vneid/`.
    url: String,
    site: tempfile::TempDir,
    /// Its own cache folder (`XDG_CACHE_HOME`).
    cache: tempfile::TempDir,
    /// What it prints after each rebuild.
    log: mpsc::Receiver<String>,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(fixture: &str, extra: &[&str]) -> Server {
    start_site(copy_fixture(fixture), extra)
}

fn start_site(site: tempfile::TempDir, extra: &[&str]) -> Server {
    let cache = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_loa"))
        .args(["serve", "--root", site.path().to_str().unwrap()])
        .args(extra)
        .env("LANG", "C.UTF-8")
        .env("XDG_CACHE_HOME", cache.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start loa serve");
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let url = loop {
        let mut line = String::new();
        assert!(out.read_line(&mut line).unwrap() > 0, "loa serve stopped");
        if let Some(at) = line.find("http://") {
            break line[at..].split_whitespace().next().unwrap().to_string();
        }
    };
    // Keep reading its output so that it never blocks on a full pipe.
    let (tx, log) = mpsc::channel();
    std::thread::spawn(move || {
        for line in out.lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    let addr = url
        .trim_start_matches("http://")
        .split('/')
        .next()
        .unwrap()
        .to_string();
    Server {
        child,
        addr,
        url,
        site,
        cache,
        log,
    }
}

struct Reply {
    status: u16,
    head: String,
    body: String,
}

fn request(addr: &str, method: &str, path: &str) -> Reply {
    let mut s = TcpStream::connect(addr).unwrap();
    write!(
        s,
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).unwrap();
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head.split_whitespace().nth(1).unwrap().parse().unwrap();
    Reply {
        status,
        head: head.to_string(),
        body: body.to_string(),
    }
}

impl Server {
    fn get(&self, path: &str) -> Reply {
        request(&self.addr, "GET", path)
    }

    fn file(&self, rel: &str) -> std::path::PathBuf {
        self.site.path().join(rel)
    }

    /// Reload events, as an open page receives them.
    fn events(&self) -> mpsc::Receiver<String> {
        let (tx, rx) = mpsc::channel();
        let mut s = TcpStream::connect(&self.addr).unwrap();
        let host = &self.addr;
        write!(s, "GET /__loa/events HTTP/1.1\r\nHost: {host}\r\n\r\n").unwrap();
        let mut lines = BufReader::new(s);
        // Wait for the stream to open before anything is edited.
        let mut line = String::new();
        while !line.starts_with("retry:") {
            line.clear();
            lines.read_line(&mut line).unwrap();
        }
        std::thread::spawn(move || {
            for line in lines.lines().map_while(Result::ok) {
                if line.starts_with("event:") && tx.send(line).is_err() {
                    return;
                }
            }
        });
        rx
    }
}

fn wait_reload(events: &mpsc::Receiver<String>) {
    let event = events
        .recv_timeout(Duration::from_secs(10))
        .expect("no reload event within 10 s");
    assert_eq!(event, "event: reload");
}

fn path_of(url: &str) -> String {
    let rest = url.trim_start_matches("http://");
    rest[rest.find('/').unwrap()..].to_string()
}

#[test]
fn serves_the_site_under_its_sub_path_with_local_links() {
    let server = start("basic", &["--port", "0"]);
    assert!(server.url.ends_with("/vneid/"), "{}", server.url);
    let root = server.get("/");
    assert_eq!(root.status, 302);
    assert!(root.head.contains("Location: /vneid/"), "{}", root.head);

    let home = server.get("/vneid/");
    assert_eq!(home.status, 200);
    assert!(home.head.contains("text/html; charset=utf-8"));
    // Links and canonical URLs point at the preview, not at the portal; the
    // page is the one a build writes, minified.
    let body = &home.body;
    assert!(
        body.contains(&format!("<link href={} rel=canonical>", server.url)),
        "{body}"
    );
    assert!(body.contains("href=/vneid/guides/"), "{body}");
    assert!(
        !home.body.contains("portal.example.gov.vn"),
        "the portal's address is left"
    );
    assert!(home
        .body
        .contains("<script src=\"/__loa/live.js\"></script></body>"));
    // Every page is reachable; a folder without its slash is redirected.
    let guide = server.get("/vneid/guides/kich-hoat");
    assert_eq!(guide.status, 301);
    assert_eq!(server.get("/vneid/guides/kich-hoat/").status, 200);
    assert_eq!(server.get("/vneid/en/").status, 200);
    let css = server.get("/vneid/css/loa.css");
    assert!(css.head.contains("text/css"));
    assert!(
        !css.body.contains("live.js"),
        "the script goes only into pages"
    );
    let missing = server.get("/vneid/khong-co/");
    assert_eq!(missing.status, 404);
    assert!(missing.body.contains("<html"), "the site's 404 page");
    assert_eq!(server.get("/__loa/live.js").status, 200);
    assert_eq!(request(&server.addr, "HEAD", "/vneid/").body, "");
}

#[test]
fn only_get_and_head_and_only_the_output() {
    let server = start("basic", &["--port", "0"]);
    for method in ["POST", "PUT", "DELETE", "OPTIONS"] {
        let r = request(&server.addr, method, "/vneid/");
        assert_eq!(r.status, 405, "{method}");
        assert!(r.head.contains("Allow: GET, HEAD"));
    }
    for path in [
        "/../content/site.yaml",
        "/vneid/../content/site.yaml",
        "/vneid/%2e%2e/content/site.yaml",
        "/vneid/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
        "/vneid/..%5c..%5ccontent%5csite.yaml",
        "/vneid/a%00b",
    ] {
        let r = server.get(path);
        assert_eq!(r.status, 400, "{path}: {}", r.head);
    }
    // The sources are not part of the output.
    for path in [
        "/content/site.yaml",
        "/vneid/content/site.yaml",
        "/vneid/site.yaml",
    ] {
        assert_eq!(server.get(path).status, 404, "{path}");
    }
}

#[test]
fn an_edit_is_served_and_open_pages_reload() {
    let server = start("basic", &["--port", "0"]);
    let events = server.events();
    let page = server.file("content/guides/bao-ve-otp.md");
    let mut text = std::fs::read_to_string(&page).unwrap();
    text.push_str("\nĐoạn mới thêm khi xem thử.\n");
    std::fs::write(&page, &text).unwrap();
    wait_reload(&events);
    let html = server.get("/vneid/guides/bao-ve-otp/").body;
    assert!(html.contains("Đoạn mới thêm khi xem thử."), "{html}");
    // The fast path: that page in each language and what depends on its text
    // (the search index), not a whole build ("Built …").
    let line = server.log.recv_timeout(Duration::from_secs(5)).unwrap();
    assert!(
        line.starts_with("Updated content/guides/bao-ve-otp.md: "),
        "{line}"
    );
    // A change of front matter reaches the lists too.
    let text = text.replacen("title:", "title: Mới –", 1);
    std::fs::write(&page, &text).unwrap();
    wait_reload(&events);
    let list = server.get("/vneid/guides/").body;
    assert!(list.contains("Mới –"), "{list}");
    let line = server.log.recv_timeout(Duration::from_secs(5)).unwrap();
    assert!(line.starts_with("Built "), "a whole rebuild: {line}");
}

#[test]
fn an_edit_saved_as_a_new_file_renamed_over_the_page_is_a_text_edit() {
    let server = start("basic", &["--port", "0"]);
    let events = server.events();
    let page = server.file("content/guides/bao-ve-otp.md");
    let dir = page.parent().unwrap().to_path_buf();
    let text = std::fs::read_to_string(&page).unwrap();
    // sed -i, gedit: a new file next to the page, renamed over it.
    let scratch = dir.join("sedQ3xk2");
    std::fs::write(&scratch, format!("{text}\nLưu kiểu sed.\n")).unwrap();
    std::fs::rename(&scratch, &page).unwrap();
    wait_reload(&events);
    assert!(server
        .get("/vneid/guides/bao-ve-otp/")
        .body
        .contains("Lưu kiểu sed."));
    let line = server.log.recv_timeout(Duration::from_secs(5)).unwrap();
    assert!(
        line.starts_with("Updated content/guides/bao-ve-otp.md: "),
        "only the page is made again: {line}"
    );
    // JetBrains' safe write: the page moved aside, the new text moved in,
    // the old one removed.
    let (tmp, old) = (
        dir.join("bao-ve-otp.md___jb_tmp___"),
        dir.join("bao-ve-otp.md___jb_old___"),
    );
    std::fs::write(&tmp, format!("{text}\nLưu kiểu JetBrains.\n")).unwrap();
    std::fs::rename(&page, &old).unwrap();
    std::fs::rename(&tmp, &page).unwrap();
    std::fs::remove_file(&old).unwrap();
    wait_reload(&events);
    assert!(server
        .get("/vneid/guides/bao-ve-otp/")
        .body
        .contains("Lưu kiểu JetBrains."));
    let line = server.log.recv_timeout(Duration::from_secs(5)).unwrap();
    assert!(
        line.starts_with("Updated content/guides/bao-ve-otp.md: "),
        "{line}"
    );
}

/// The next line `loa serve` prints that starts with `prefix`.
fn next_log(server: &Server, prefix: &str) -> String {
    loop {
        let line = server.log.recv_timeout(Duration::from_secs(10)).unwrap();
        if line.starts_with(prefix) {
            return line;
        }
    }
}

#[test]
fn a_whole_rebuild_shows_the_page_first_but_never_one_the_build_refuses() {
    let server = start("basic", &["--port", "0"]);
    let events = server.events();
    let page = server.file("content/guides/bao-ve-otp.md");
    let good = std::fs::read_to_string(&page).unwrap();
    // A change of front matter: the page is made as it is asked for, once
    // the site is read; the rest of the build goes on behind.
    std::fs::write(&page, good.replacen("title:", "title: Trước –", 1)).unwrap();
    wait_reload(&events);
    assert!(server
        .get("/vneid/guides/bao-ve-otp/")
        .body
        .contains("Trước –"));
    assert!(server.get("/vneid/guides/").body.contains("Trước –"));
    let line = next_log(&server, "Built ");
    let ms = |after: &str| -> u64 {
        let rest = &line[line.find(after).unwrap() + after.len()..];
        rest.split_whitespace().next().unwrap().parse().unwrap()
    };
    assert!(ms("showed after ") <= ms(" in "), "{line}");
    // A style the pages load is the last build's until the build ends: it
    // shows with the whole build, as before.
    std::fs::write(
        server.file("content/static/files/them.css"),
        "p{color:#333}",
    )
    .unwrap();
    wait_reload(&events);
    let line = next_log(&server, "Built ");
    assert!(!line.contains("showed after"), "{line}");
    assert_eq!(server.get("/vneid/files/them.css").body, "p{color:#333}");
    // A page with an error only rendering finds (a link to no page) is not
    // shown early: the last good one is, with the error over it.
    let broken =
        good.replacen("title:", "title: Hỏng –", 1) + "\n[Sai](/guides/khong-co-trang-nay/)\n";
    std::fs::write(&page, broken).unwrap();
    wait_reload(&events);
    let html = server.get("/vneid/guides/bao-ve-otp/").body;
    assert!(
        !html.contains("Hỏng –") && html.contains("Trước –"),
        "{html}"
    );
    // Shown once the build ends: it reloads the page to show its errors.
    wait_reload(&events);
    let problems = server.get("/__loa/problems").body;
    assert!(problems.contains("khong-co-trang-nay"), "{problems}");
}

#[test]
fn a_changed_list_of_points_is_read_again() {
    let server = start("points", &["--port", "0"]);
    let events = server.events();
    let list = server.file("content/points/xa.csv");
    let text = std::fs::read_to_string(&list).unwrap();
    assert!(server
        .get("/vneid/points/")
        .body
        .contains("Công an xã Đông Hải"));
    // An unrelated page changes: the points are those read before.
    let home = server.file("content/_index.md");
    let page = std::fs::read_to_string(&home).unwrap();
    std::fs::write(&home, page.replacen("title:", "title: Mới –", 1)).unwrap();
    wait_reload(&events);
    next_log(&server, "Built ");
    assert!(server
        .get("/vneid/points/")
        .body
        .contains("Công an xã Đông Hải"));
    // The list changes: read again.
    std::fs::write(
        &list,
        text.replace("Công an xã Đông Hải", "Công an xã Tân Hải"),
    )
    .unwrap();
    wait_reload(&events);
    next_log(&server, "Built ");
    let points = server.get("/vneid/points/").body;
    assert!(points.contains("Công an xã Tân Hải") && !points.contains("Công an xã Đông Hải"));
    // A list added beside it: read too.
    let header = text.lines().next().unwrap();
    let added = format!("{header}\nca-moi,Công an phường Mới,fixed,Huyện Mẫu,Phường Mới,Số 2,10.02,105.72,,cccd,T2-T6 07:30-11:30,,\n");
    std::fs::write(server.file("content/points/moi.csv"), added).unwrap();
    wait_reload(&events);
    next_log(&server, "Built ");
    assert!(server
        .get("/vneid/points/")
        .body
        .contains("Công an phường Mới"));
}

#[test]
fn errors_show_over_the_page_until_fixed_and_the_server_stays_up() {
    let server = start("basic", &["--port", "0"]);
    let events = server.events();
    let page = server.file("content/guides/bao-ve-otp.md");
    let good = std::fs::read_to_string(&page).unwrap();
    std::fs::write(&page, good.replacen("title:", "title: \"unclosed", 1)).unwrap();
    wait_reload(&events);
    let problems: serde_json::Value =
        serde_json::from_str(&server.get("/__loa/problems").body).unwrap();
    let first = &problems[0];
    assert_eq!(first["severity"], "error");
    assert_eq!(first["path"], "content/guides/bao-ve-otp.md");
    assert!(first["line"].as_u64().unwrap() >= 2);
    assert!(!first["message"].as_str().unwrap().is_empty());
    assert!(!first["hint"].as_str().unwrap().is_empty());
    // The last good page is still served, with the script that shows the errors.
    let html = server.get("/vneid/guides/bao-ve-otp/");
    assert_eq!(html.status, 200);
    assert!(html.body.contains("/__loa/live.js"));

    std::fs::write(&page, &good).unwrap();
    wait_reload(&events);
    assert_eq!(server.get("/__loa/problems").body, "[]");

    // A deleted file and a renamed folder: rebuilt, never a crash.
    std::fs::remove_file(server.file("content/outreach/loa-phat-thanh.md")).unwrap();
    wait_reload(&events);
    assert_eq!(server.get("/vneid/outreach/loa-phat-thanh/").status, 404);
    std::fs::rename(
        server.file("content/campaigns"),
        server.file("content/chien-dich"),
    )
    .unwrap();
    wait_reload(&events);
    assert_eq!(server.get("/vneid/").status, 200);
    std::fs::remove_dir_all(server.file("content")).unwrap();
    wait_reload(&events);
    assert_eq!(
        server.get("/vneid/").status,
        200,
        "still serving the last good build"
    );
}

#[test]
fn a_taken_port_is_reported_and_the_next_one_used() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let site = copy_fixture("basic");
    let mut child = loa_command()
        .args([
            "serve",
            "--root",
            site.path().to_str().unwrap(),
            "--port",
            &port,
        ])
        .env("LANG", "C.UTF-8")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let started = Instant::now();
    let mut line = String::new();
    while !line.contains("http://") && started.elapsed() < Duration::from_secs(20) {
        line.clear();
        out.read_line(&mut line).unwrap();
    }
    let _ = child.kill();
    let output = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(err.contains(&format!("Port {port} is taken")), "{err}");
    assert!(!line.contains(&format!(":{port}/")), "{line}");
    let url = &line[line.find("http://").unwrap()..];
    assert!(path_of(url).starts_with("/vneid/"), "{url}");
}

#[test]
fn the_preview_registers_no_worker_and_retires_any_left() {
    let server = start("basic", &[]);
    let base = path_of(&server.url);
    let home = server.get(&base);
    assert_eq!(home.status, 200);
    // Live reload stays live: no worker stands between the page and the preview.
    assert!(!home.body.contains("offline.js"), "{}", home.body);
    assert!(home.body.contains("manifest.webmanifest"));
    let worker = server.get(&format!("{base}sw.js"));
    assert_eq!(worker.status, 200);
    assert!(worker.body.contains("unregister()"), "{}", worker.body);
    assert!(!worker.body.contains("caches"), "{}", worker.body);
}

/// A request with the `Host` header given, or none.
fn request_as(addr: &str, host: Option<&str>, path: &str) -> Reply {
    let mut s = TcpStream::connect(addr).unwrap();
    let host = host.map(|h| format!("Host: {h}\r\n")).unwrap_or_default();
    write!(s, "GET {path} HTTP/1.1\r\n{host}Connection: close\r\n\r\n").unwrap();
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).unwrap();
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    Reply {
        status: head.split_whitespace().nth(1).unwrap().parse().unwrap(),
        head: head.to_string(),
        body: body.to_string(),
    }
}

#[test]
fn only_the_preview_s_own_host_names_are_answered() {
    let server = start("basic", &["--port", "0"]);
    let port = server.addr.rsplit(':').next().unwrap();
    for host in [
        format!("localhost:{port}"),
        format!("127.0.0.1:{port}"),
        format!("[::1]:{port}"),
    ] {
        let r = request_as(&server.addr, Some(&host), "/vneid/");
        assert_eq!(r.status, 200, "{host}");
    }
    // A name of another site that resolves here (DNS rebinding) reads nothing.
    for host in [
        Some(format!("evil.example:{port}")),
        Some(format!("localhost.evil.example:{port}")),
        Some("localhost:1".to_string()),
        None,
    ] {
        let r = request_as(&server.addr, host.as_deref(), "/vneid/");
        assert_eq!(r.status, 421, "{host:?}");
        assert_eq!(
            r.body,
            format!(
                "This preview answers only at its own address: open {0}\n\
                 Bản xem trước chỉ trả lời ở địa chỉ của nó: mở {0}\n",
                server.url
            )
        );
        assert!(!r.body.contains("<html"));
    }
}

#[test]
fn slow_and_many_connections_never_hold_the_preview() {
    let server = start("basic", &["--port", "0"]);
    let started = Instant::now();
    // 64 connections that send half a request and nothing more.
    let held: Vec<TcpStream> = (0..64)
        .map(|_| {
            let mut s = TcpStream::connect(&server.addr).unwrap();
            write!(s, "GET /vneid/ HTTP/1.1\r\n").unwrap();
            s
        })
        .collect();
    std::thread::sleep(Duration::from_millis(300));
    // One more is refused at once rather than left waiting.
    let r = server.get("/vneid/");
    assert_eq!(r.status, 503, "{}", r.head);
    assert!(started.elapsed() < Duration::from_secs(5));
    // Each slow one is cut off at the deadline for headers.
    for mut s in held {
        s.set_read_timeout(Some(Duration::from_secs(15))).unwrap();
        let mut raw = String::new();
        let _ = s.read_to_string(&mut raw);
        assert!(raw.starts_with("HTTP/1.1 408 "), "{raw}");
    }
    assert!(started.elapsed() < Duration::from_secs(14));
    assert_eq!(server.get("/vneid/").status, 200);
}

/// Every term of the served search index of the default language.
fn served_terms(server: &Server) -> String {
    let mut all = String::new();
    for shard in 0.. {
        let r = server.get(&format!("/vneid/search/t/{shard:x}.json"));
        if r.status != 200 {
            break;
        }
        all.push_str(&r.body);
    }
    all
}

#[test]
fn a_text_edit_reaches_the_search_index() {
    let server = start("basic", &["--port", "0"]);
    assert!(!served_terms(&server).contains("\"quetzal\""));
    let events = server.events();
    let page = server.file("content/guides/bao-ve-otp.md");
    let mut text = std::fs::read_to_string(&page).unwrap();
    text.push_str("\nMột từ lạ: quetzal.\n");
    std::fs::write(&page, &text).unwrap();
    wait_reload(&events);
    let line = server.log.recv_timeout(Duration::from_secs(5)).unwrap();
    assert!(line.starts_with("Updated "), "the fast path: {line}");
    assert!(served_terms(&server).contains("\"quetzal\""));
}

#[test]
fn a_whole_rebuild_takes_what_is_unchanged_and_serves_what_a_new_preview_does() {
    let server = start("basic", &["--port", "0"]);
    let events = server.events();
    let edit = |root: &std::path::Path| {
        let page = root.join("content/guides/bao-ve-otp.md");
        let text = std::fs::read_to_string(&page).unwrap();
        std::fs::write(&page, text.replacen("title:", "title: Mới –", 1)).unwrap();
    };
    // Twice: the first rebuild fills the cache, the second takes from it.
    for _ in 0..2 {
        edit(server.site.path());
        wait_reload(&events);
        next_log(&server, "Built ");
    }
    // What the rebuilds kept, for the next.
    let texts = server.cache.path().join("loa/texts");
    let kept: Vec<_> = std::fs::read_dir(&texts).unwrap().flatten().collect();
    assert!(
        kept.iter()
            .any(|e| e.file_name().to_string_lossy().ends_with("-serve.index")),
        "{kept:?}"
    );
    let site = copy_fixture("basic");
    for _ in 0..2 {
        edit(site.path());
    }
    let fresh = start_site(site, &["--port", "0"]);
    for path in [
        "/vneid/",
        "/vneid/guides/",
        "/vneid/guides/bao-ve-otp/",
        "/vneid/guides/kich-hoat/",
        "/vneid/en/",
        "/vneid/km/guides/bao-ve-otp/",
    ] {
        // Each preview's pages name it by its own port.
        let (kept, new) = (server.get(path), fresh.get(path));
        assert_eq!(kept.status, 200, "{path}");
        let kept = kept.body.replace(&server.addr, "HOST");
        let new = new.body.replace(&fresh.addr, "HOST");
        assert!(kept == new, "{path} differs from a new preview's");
    }
    assert!(server
        .get("/vneid/guides/bao-ve-otp/")
        .body
        .contains("Mới – Mới –"));
}
