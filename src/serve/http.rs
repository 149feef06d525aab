//! The preview's HTTP side: GET and HEAD of the built files, nothing else.
//! Files come from memory, so no request can reach the disk; paths with
//! `..` (also percent-encoded), backslashes or NUL are refused all the same.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{mpsc, Arc};
use std::time::{Duration, Instant};

use super::guard::{self, Connections};
use super::State;

/// Where the preview's own files live, outside any site path.
const OWN: &str = "/__loa/";
const LIVE_JS: &str = include_str!("live.js");

pub fn serve(listener: TcpListener, state: Arc<State>) {
    let connections = Connections::default();
    for stream in listener.incoming().flatten() {
        let Some(counted) = connections.enter() else {
            // Refused at once, so that the connections held never make
            // the next ones wait without end.
            std::thread::spawn(move || refuse(stream));
            continue;
        };
        let state = Arc::clone(&state);
        std::thread::spawn(move || {
            let _ = handle(stream, &state);
            drop(counted);
        });
    }
}

struct Response {
    status: u16,
    headers: Vec<(&'static str, String)>,
    body: Vec<u8>,
}

impl Response {
    fn new(status: u16, content_type: &str, body: Vec<u8>) -> Response {
        Response {
            status,
            headers: vec![("Content-Type", content_type.to_string())],
            body,
        }
    }

    fn text(status: u16, body: &str) -> Response {
        Response::new(
            status,
            "text/plain; charset=utf-8",
            body.as_bytes().to_vec(),
        )
    }

    fn redirect(status: u16, location: &str) -> Response {
        let mut r = Response::text(status, location);
        r.headers.push(("Location", location.to_string()));
        r
    }
}

/// Answers 503 to a connection over the bound, reading what it sent for a
/// moment so that closing does not reset the connection before the answer
/// is read.
fn refuse(stream: TcpStream) {
    let _ = stream.set_write_timeout(Some(Duration::from_secs(1)));
    let _ = stream.set_read_timeout(Some(Duration::from_millis(200)));
    let _ = (&stream).read(&mut [0u8; 4096]);
    if let Ok(clone) = stream.try_clone() {
        let _ = send(clone, "GET", Response::text(503, "busy, try again\n"));
    }
    let _ = stream.shutdown(std::net::Shutdown::Write);
    let _ = (&stream).read(&mut [0u8; 4096]);
}

/// The request line and headers, up to a blank line: 16 KB at most, all
/// within [`guard::HEADER_DEADLINE`].
enum Head {
    Read(Vec<u8>),
    TooLarge,
    TooSlow,
}

fn read_head(mut stream: &TcpStream) -> std::io::Result<Head> {
    const LIMIT: usize = 16 * 1024;
    let deadline = Instant::now() + guard::HEADER_DEADLINE;
    let mut head = Vec::new();
    let mut buf = [0u8; 2048];
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Ok(Head::TooSlow);
        }
        stream.set_read_timeout(Some(left))?;
        let n = match stream.read(&mut buf) {
            Ok(n) => n,
            Err(e)
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                ) =>
            {
                return Ok(Head::TooSlow)
            }
            Err(e) => return Err(e),
        };
        head.extend_from_slice(&buf[..n]);
        let end = memchr::memmem::find(&head, b"\r\n\r\n")
            .or_else(|| memchr::memmem::find(&head, b"\n\n"));
        if let Some(end) = end {
            head.truncate(end);
            return Ok(Head::Read(head));
        }
        if head.len() > LIMIT {
            return Ok(Head::TooLarge);
        }
        if n == 0 {
            return Ok(Head::Read(head));
        }
    }
}

/// The value of the `Host` header, if any.
fn host_of(head: &str) -> Option<&str> {
    head.lines().skip(1).find_map(|line| {
        let (name, value) = line.split_once(':')?;
        name.trim()
            .eq_ignore_ascii_case("host")
            .then(|| value.trim())
    })
}

fn handle(stream: TcpStream, state: &State) -> std::io::Result<()> {
    let head = match read_head(&stream)? {
        Head::Read(head) => head,
        Head::TooLarge => {
            let r = Response::text(431, "request header too large\n");
            return send(stream, "GET", r);
        }
        Head::TooSlow => {
            return send(stream, "GET", Response::text(408, "request too slow\n"));
        }
    };
    let head = String::from_utf8_lossy(&head);
    let mut parts = head.lines().next().unwrap_or("").split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    let host = host_of(&head).unwrap_or("");
    if !guard::host_allowed(host, state.bind, state.port) {
        return send(stream, method, Response::text(421, &state.wrong_host));
    }
    if method != "GET" && method != "HEAD" {
        let mut r = Response::text(405, "only GET and HEAD\n");
        r.headers.push(("Allow", "GET, HEAD".into()));
        return send(stream, method, r);
    }
    let Some(path) = clean_path(target) else {
        return send(stream, method, Response::text(400, "bad path\n"));
    };
    if path == format!("{OWN}events") {
        return events(stream, state);
    }
    let response = respond(&path, state);
    send(stream, method, response)
}

/// The decoded path of a request target, or `None` when it is not a plain
/// absolute path inside the site.
pub fn clean_path(target: &str) -> Option<String> {
    let raw = target.split(['?', '#']).next().unwrap_or("");
    if !raw.starts_with('/') {
        return None;
    }
    let bytes = raw.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            decoded.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            decoded.push(bytes[i]);
            i += 1;
        }
    }
    let path = String::from_utf8(decoded).ok()?;
    if path.contains(['\\', '\0']) || path.split('/').any(|s| s == ".." || s == ".") {
        return None;
    }
    Some(path)
}

fn respond(path: &str, state: &State) -> Response {
    match path.strip_prefix(OWN) {
        Some("live.js") => {
            return Response::new(
                200,
                "text/javascript; charset=utf-8",
                LIVE_JS.as_bytes().to_vec(),
            )
        }
        Some("problems") => {
            let problems = state.problems.read().map(|p| p.clone()).unwrap_or_default();
            let body = serde_json::to_vec(&problems).unwrap_or_default();
            return Response::new(200, "application/json", body);
        }
        Some(_) => return Response::text(404, "not found\n"),
        None => {}
    }
    let base = state.base_path.as_str();
    let Some(rel) = path.strip_prefix(base) else {
        // The site lives under its sub-path, as on the portal.
        if path == "/" || format!("{path}/") == base {
            return Response::redirect(302, base);
        }
        return not_found(state);
    };
    let key = if rel.is_empty() || rel.ends_with('/') {
        format!("{rel}index.html")
    } else {
        rel.to_string()
    };
    // While a rebuild renders, a page is never older than the change.
    if key.ends_with(".html") {
        if let Some(page) = state.page(&key) {
            return Response::new(200, content_type(&key), with_live_script(&page));
        }
    }
    let files = match state.files.read() {
        Ok(f) => f,
        Err(e) => e.into_inner(),
    };
    if let Some(bytes) = files.get(&key) {
        let kind = content_type(&key);
        let body = if kind.starts_with("text/html") {
            with_live_script(bytes)
        } else {
            bytes.clone()
        };
        return Response::new(200, kind, body);
    }
    if files.contains_key(&format!("{rel}/index.html")) {
        return Response::redirect(301, &format!("{path}/"));
    }
    drop(files);
    not_found(state)
}

fn not_found(state: &State) -> Response {
    let files = match state.files.read() {
        Ok(f) => f,
        Err(e) => e.into_inner(),
    };
    match files.get("404.html") {
        Some(page) => Response::new(404, "text/html; charset=utf-8", with_live_script(page)),
        None => Response::text(404, "not found\n"),
    }
}

/// The reload script, only in the preview, before `</body>`.
fn with_live_script(page: &[u8]) -> Vec<u8> {
    let tag = format!("<script src=\"{OWN}live.js\"></script>");
    let at = memchr::memmem::rfind(page, b"</body>").unwrap_or(page.len());
    let mut out = Vec::with_capacity(page.len() + tag.len());
    out.extend_from_slice(&page[..at]);
    out.extend_from_slice(tag.as_bytes());
    out.extend_from_slice(&page[at..]);
    out
}

pub fn content_type(path: &str) -> &'static str {
    let ext = path.rsplit_once('.').map(|(_, e)| e).unwrap_or("");
    match ext.to_ascii_lowercase().as_str() {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "geojson" => "application/geo+json",
        "xml" => "application/xml",
        "ics" => "text/calendar; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "txt" | "md" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "gif" => "image/gif",
        "ico" => "image/x-icon",
        "pdf" => "application/pdf",
        "mp3" => "audio/mpeg",
        "ogg" | "oga" => "audio/ogg",
        "m4a" => "audio/mp4",
        "wav" => "audio/wav",
        "mp4" => "video/mp4",
        "webm" => "video/webm",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        _ => "application/octet-stream",
    }
}

fn send(mut stream: TcpStream, method: &str, r: Response) -> std::io::Result<()> {
    let reason = match r.status {
        200 => "OK",
        301 => "Moved Permanently",
        302 => "Found",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        421 => "Misdirected Request",
        431 => "Request Header Fields Too Large",
        503 => "Service Unavailable",
        _ => "",
    };
    let mut head = format!(
        "HTTP/1.1 {} {reason}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n",
        r.status,
        r.body.len()
    );
    for (name, value) in &r.headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    if method != "HEAD" {
        stream.write_all(&r.body)?;
    }
    stream.flush()
}

/// Server-sent events: `reload` after each rebuild, a comment every 15 s
/// to notice closed pages.
fn events(mut stream: TcpStream, state: &State) -> std::io::Result<()> {
    let (tx, rx) = mpsc::channel();
    state.subscribe(tx);
    stream.write_all(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: keep-alive\r\n\r\nretry: 500\n\n",
    )?;
    stream.flush()?;
    loop {
        match rx.recv_timeout(Duration::from_secs(15)) {
            Ok(generation) => {
                stream.write_all(format!("event: reload\ndata: {generation}\n\n").as_bytes())?
            }
            Err(mpsc::RecvTimeoutError::Timeout) => stream.write_all(b": ping\n\n")?,
            Err(mpsc::RecvTimeoutError::Disconnected) => return Ok(()),
        }
        stream.flush()?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_that_leave_the_site_are_refused() {
        assert_eq!(
            clean_path("/vneid/a%20b/?x=1").as_deref(),
            Some("/vneid/a b/")
        );
        assert_eq!(clean_path("/").as_deref(), Some("/"));
        for bad in [
            "/../etc/passwd",
            "/vneid/%2e%2e/%2E%2E/etc/passwd",
            "/vneid/..%2fsite.yaml",
            "/a/./b",
            "/a%5c..%5cb",
            "/a%00b",
            "/a%zz",
            "/a%",
            "http://example.com/",
            "*",
            "/%ff",
        ] {
            assert_eq!(clean_path(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_script_goes_before_the_end_of_the_body() {
        let page = with_live_script(b"<html><body><p>x</p></body></html>");
        assert_eq!(
            String::from_utf8(page).unwrap(),
            "<html><body><p>x</p><script src=\"/__loa/live.js\"></script></body></html>"
        );
    }
}
